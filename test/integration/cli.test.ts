// The `postier` command as a user runs it: real child processes on a temporary data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { postier } from '../support/cli.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { storedContents } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

interface DocumentJson {
  id: number;
  number: string;
  dossier: string;
  type: string;
  amount: number;
  pdf: string | null;
}

async function listDocuments(data: string): Promise<DocumentJson[]> {
  const result = await postier(['--data', data, 'documents', 'list', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DocumentJson[];
}

/**
 * `documents add` for dossier 1001 with valid values; `changes` replaces an option's value,
 * adds one, or (null) leaves it out.
 */
function addDocumentArgs(changes: Record<string, string | null> = {}): string[] {
  const options: Record<string, string | null> = {
    '--dossier': '1001',
    '--type': 'invoice',
    '--number': 'Z',
    '--period': '2026-10',
    '--amount': '10',
    ...changes,
  };
  return [
    'documents',
    'add',
    ...Object.entries(options).flatMap(([name, value]) => (value === null ? [] : [name, value])),
  ];
}

// Commander's own English words: none may show in French, all come back in English.
const COMMANDER_ENGLISH = [
  'Usage:',
  'Arguments:',
  'Options:',
  'Commands:',
  'display help for command',
  'help [command]',
  '(default:',
  'error:',
  'Did you mean',
];

describe('postier CLI', () => {
  it('init, add dossiers and documents, list them as JSON and export a PDF', async () => {
    const data = await freshDataPlace();
    const init = await postier(['init', '--data', data]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Base de données prête');
    // A data folder's database is its postier.sqlite (a URL's is the server's; the commands
    // below find its tables there).
    if (!onPostgres) expect(fs.existsSync(path.join(data, 'postier.sqlite'))).toBe(true);

    const add = await postier([
      '--data',
      data,
      'dossiers',
      'add',
      '--number',
      '1001',
      '--last-name',
      'Côté',
      '--first-name',
      'Hélène',
      '--title',
      'Mme',
      '--email',
      'helene@example.com',
      '--email',
      'fred@example.net',
      '--sin',
      '046 454 286',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const optOut = await postier([
      '--data',
      data,
      'dossiers',
      'add',
      '--number',
      '1002',
      '--last-name',
      'Roy',
      '--first-name',
      'Luc',
      '--email',
      'luc@example.com',
      '--no-email-opt-in',
    ]);
    expect(optOut.code, optOut.stderr).toBe(0);

    const dossiers = await postier(['--data', data, 'dossiers', 'list', '--json']);
    const parsed = JSON.parse(dossiers.stdout) as {
      id: number;
      number: string;
      emailOptIn: boolean;
      emails: string[];
      sin: string | null;
    }[];
    expect(parsed.map((d) => [d.number, d.emailOptIn, d.emails])).toEqual([
      ['1001', true, ['helene@example.com', 'fred@example.net']],
      ['1002', false, ['luc@example.com']],
    ]);
    expect(parsed.every((d) => typeof d.id === 'number')).toBe(true);
    expect(dossiers.stdout).not.toContain('046454286');

    const doc = await postier([
      '--data',
      data,
      'documents',
      'add',
      '--dossier',
      '1001',
      '--type',
      'invoice',
      '--number',
      'F-77',
      '--period',
      '2026-10',
      '--amount',
      '1 234,56',
    ]);
    expect(doc.code, doc.stderr).toBe(0);
    const [listed] = await listDocuments(data);
    expect(listed).toMatchObject({
      number: 'F-77',
      dossier: '1001',
      type: 'invoice',
      amount: 1234.56,
      pdf: 'generated',
    });

    const out = path.join(tempFolder(), 'facture.pdf');
    const pdf = await postier([
      '--data',
      data,
      'documents',
      'pdf',
      String(listed!.id),
      '--out',
      out,
    ]);
    expect(pdf.code, pdf.stderr).toBe(0);
    const text = (await readPdfText(fs.readFileSync(out)))
      .join(' ')
      .replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('F-77');
    expect(text).toContain('Hélène Côté');
    expect(text).toContain('1 234,56 $');
    // Seven commands, each its own process: on a loaded machine (PostgreSQL: a connection
    // each) they took past a minute.
  }, 120_000);

  it('demo fills the data folder with a nursing home, invoices and tax slips', async () => {
    const data = await freshDataPlace();
    expect((await postier(['init', '--data', data])).code).toBe(0);
    const demo = await postier(['demo', '--data', data]);
    expect(demo.code, demo.stderr).toBe(0);
    const documents = await listDocuments(data);
    expect(documents.filter((d) => d.type === 'invoice')).toHaveLength(30);
    expect(documents.filter((d) => d.type === 'taxslip').length).toBeGreaterThan(3);
    expect(documents.every((d) => d.pdf === 'generated')).toBe(true);
    const dossiers = JSON.parse(
      (await postier(['--data', data, 'dossiers', 'list', '--json'])).stdout,
    ) as { emails: string[] }[];
    expect(dossiers).toHaveLength(30);
    expect(dossiers.filter((d) => d.emails.length === 0).length).toBeGreaterThan(0);
    expect(dossiers.filter((d) => d.emails.length === 2).length).toBeGreaterThan(0);
    // Running it twice adds nothing.
    const again = await postier(['demo', '--data', data]);
    expect(again.code).toBe(0);
    expect(await listDocuments(data)).toHaveLength(documents.length);
  }, 90_000);

  let badInputFolder = '';
  beforeAll(async () => {
    // A folder made by hand rather than tempFolder(), which cleans up after each test.
    badInputFolder = onPostgres
      ? await freshDataPlace()
      : fs.mkdtempSync(path.join(os.tmpdir(), 'postier-cli-bad-'));
    const add = await postier([
      '--data',
      badInputFolder,
      'dossiers',
      'add',
      '--number',
      '1001',
      '--last-name',
      'Côté',
      '--first-name',
      'Hélène',
    ]);
    expect(add.code, add.stderr).toBe(0);
    return () => {
      if (!onPostgres) fs.rmSync(badInputFolder, { recursive: true, force: true });
    };
  }, 30_000);

  it.each([
    [
      'a duplicate dossier number',
      ['dossiers', 'add', '--number', '1001', '--last-name', 'X', '--first-name', 'Y'],
      /dossier n° 1001 existe déjà/,
    ],
    ['an unknown dossier', addDocumentArgs({ '--dossier': '4242' }), /Aucun dossier n° 4242/],
    [
      'an unknown type',
      addDocumentArgs({ '--type': 'facture' }),
      /« facture » refusée pour --type/,
    ],
    [
      'an amount that is not a number',
      addDocumentArgs({ '--amount': 'douze' }),
      /--amount.*« douze » n’est pas un nombre/,
    ],
    [
      'a bad e-mail',
      [
        'dossiers',
        'add',
        '--number',
        '2000',
        '--last-name',
        'X',
        '--first-name',
        'Y',
        '--email',
        'pas-une-adresse',
      ],
      /« pas-une-adresse » n’est pas valide/,
    ],
    [
      'a missing option',
      addDocumentArgs({ '--number': null }),
      /Il manque l’option obligatoire --number/,
    ],
  ])(
    'refuses %s with one clear sentence and changes nothing',
    async (_label, args, message) => {
      const data = badInputFolder;
      const before = await listDocuments(data);
      const dossiersBefore = (await postier(['--data', data, 'dossiers', 'list', '--json'])).stdout;
      const result = await postier(['--data', data, ...args]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(await listDocuments(data)).toEqual(before);
      expect((await postier(['--data', data, 'dossiers', 'list', '--json'])).stdout).toBe(
        dossiersBefore,
      );
    },
    60_000,
  );

  it('refuses an unreadable PDF file, naming it, and writes nothing', async () => {
    const data = await freshDataPlace();
    await postier([
      '--data',
      data,
      'dossiers',
      'add',
      '--number',
      '1001',
      '--last-name',
      'Côté',
      '--first-name',
      'Hélène',
    ]);
    const bad = path.join(tempFolder(), 'facture-abimée.pdf');
    fs.writeFileSync(bad, '%PDF-1.4\n garbage without xref');
    const result = await postier(['--data', data, ...addDocumentArgs({ '--pdf': bad })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('facture-abimée.pdf');
    expect(await listDocuments(data)).toEqual([]);
    const opened = closeAfterTest(await openPostier({ dataPath: data }));
    expect(await storedContents(opened)).toEqual([]);
  }, 60_000);

  it('answers in English when asked', async () => {
    const data = await freshDataPlace();
    const result = await postier(
      ['--data', data, 'documents', 'pdf', '99', '--out', path.join(tempFolder(), 'x.pdf')],
      { POSTIER_LANG: 'en' },
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('No document no. 99.');
  }, 30_000);
  it('speaks French in Commander’s own help and errors, English with POSTIER_LANG=en', async () => {
    const en = { POSTIER_LANG: 'en' };
    const [root, add, importHelp, unknown, unknownOption, english, englishError] =
      await Promise.all([
        postier(['--help']),
        postier(['dossiers', 'add', '--help']),
        postier(['documents', 'import', '--help']),
        postier(['dossiers', 'lst']),
        postier(['dossiers', 'list', '--limt', '3']),
        postier(['dossiers', 'add', '--help'], en),
        postier(['dossiers', 'lst'], en),
      ]);
    for (const french of [root, add, importHelp, unknown, unknownOption]) {
      const text = french.stdout + french.stderr;
      for (const word of COMMANDER_ENGLISH) expect(text).not.toContain(word);
    }
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Utilisation : postier dossiers add \[options\]/);
    expect(add.stdout).toContain('Options :');
    expect(add.stdout).toMatch(/-h, --help +affiche l’aide de la commande/);
    expect(root.stdout).toContain('Commandes :');
    expect(root.stdout).toMatch(/help \[commande\] +affiche l’aide de la commande/);
    expect(importHelp.stdout).toContain('Arguments :');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Commande inconnue : lst.\n(Vouliez-vous dire list ?)');
    expect(unknownOption.stderr).toContain('Option inconnue : --limt.');

    expect(english.stdout).toMatch(/^Usage: postier dossiers add \[options\]/);
    expect(english.stdout).toMatch(/-h, --help +display help for command/);
    expect(englishError.stderr).toContain("error: unknown command 'lst'\n(Did you mean list?)");
  }, 120_000);
});
