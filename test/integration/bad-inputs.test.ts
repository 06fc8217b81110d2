// Bad input thrown at Postier's real doors: the `postier` command (a child process), the
// headless host's HTTP API (a running host on 127.0.0.1), and the importers reading real files
// (through the command and through the host's upload). Each one must be answered with a
// sentence naming the field, the row or the file, and leave the database and the documents
// folder exactly as they were; the few that are accepted on purpose (two addresses in one
// cell, an IDN domain, a line break in a subject, a file name with ../) must come out
// harmless. The table of what was tried and handled goes to test-results/bad-inputs.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { createDemoOffice } from '../../src-main/demo/demo-office.js';
import { runHost, type HostRun } from '../../src-main/host/run-host.js';
import { DOCUMENT_PDF_LIMITS } from '../../src-main/pdf/pdf-limits.js';
import { MAX_TABLE_FILE_BYTES } from '../../src-main/imports/table-limits.js';
import { WORKBOOK_LIMITS } from '../../src-main/imports/workbook-check.js';
import { blankPagesPdf, MB, sparseFile, workbookZip, zipBombSheet } from '../support/bad-files.js';
import { postier as runCli } from '../support/cli.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { DEMO_TODAY } from '../support/demo-postier.js';
import { pdfOfPages, writeText, writeWorkbook } from '../support/import-fixtures.js';

type Category =
  | 'host: malformed requests'
  | 'contract: wrong types and unknown fields'
  | 'text over its limit'
  | 'control characters, NUL, line breaks'
  | 'e-mail addresses'
  | 'periods, dates, amounts'
  | 'table files (CSV, Excel)'
  | 'PDF files'
  | 'attachments and file names'
  | 'templates'
  | 'account and settings'
  | 'database files';

/** What the user reads back, and whether the input was refused. */
interface Answer {
  refused: boolean;
  text: string;
}

interface BadInput {
  category: Category;
  door: 'CLI' | 'host API' | 'import (CLI)' | 'import (host)';
  name: string;
  run: () => Promise<Answer>;
  /** The sentence the user reads: it names the field, the row or the file. */
  said: RegExp;
  /** Accepted on purpose: what makes it harmless, checked instead of "nothing changed". */
  harmless?: (answer: Answer) => Promise<void>;
}

const TOKEN = 'bad-inputs-token-0123456789';
/** `db restore` replaces a data folder's SQLite file: on a server it says its tools do that. */
const RESTORE_NOT_ON_POSTGRES = /ne fonctionne pas encore sur une base PostgreSQL/;
const long = (n: number, c = 'x') => c.repeat(n);
const origin = () => `http://127.0.0.1:${host.host.port}`;

let root: string;
let data: string;
let files: string;
let host: HostRun;
let structureId: number;
let invoiceId: number;
let invoiceNumber: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bad-inputs-'));
  data = onPostgres ? await freshDataPlace() : path.join(root, 'data');
  files = path.join(root, 'files');
  fs.mkdirSync(files);
  const postier = await openPostier({ dataPath: data });
  const demo = await createDemoOffice(postier, DEMO_TODAY);
  structureId = demo.structure.id;
  // An account set up, as an office has one: reading it never has to write its defaults.
  await postier.accounts.setAccount(structureId, {
    kind: 'smtp',
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    fromAddress: 'comptabilite@erables.example.com',
  });
  await postier.close();
  // Its sending method's settings are written the first time they are read.
  expect((await cli(['account', 'show'])).refused).toBe(false);
  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body></body></html>');
  host = await runHost({
    dataPath: data,
    rendererFolder: renderer,
    preferencesFolder: path.join(root, 'preferences'),
    token: TOKEN,
  });
  const invoice = await host.postier.db
    .selectFrom('documents')
    .select(['id', 'number'])
    .where('number', 'like', 'F%-1001')
    .executeTakeFirstOrThrow();
  invoiceId = invoice.id;
  invoiceNumber = invoice.number;
}, 120_000);

const outcomes: { category: Category; door: string; name: string; handled: boolean }[] = [];

afterAll(async () => {
  await host?.stop();
  fs.rmSync(root, { recursive: true, force: true });
  writeTable();
});

// --- The doors ---------------------------------------------------------------------------

async function cli(args: string[], stdin?: string): Promise<Answer> {
  const result = await runCli(['--data', data, ...args], {}, stdin);
  return { refused: result.code !== 0, text: `${result.stderr}${result.stdout}` };
}

/** A contract call over HTTP, as the page makes it; the error's sentence, in French. */
async function api(operation: string, input: unknown): Promise<Answer> {
  return raw(`/api/${operation}`, JSON.stringify(input));
}

async function raw(
  pathname: string,
  body: string | undefined,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${origin()}${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      'x-postier-token': TOKEN,
      'x-postier-language': 'fr',
      ...headers,
    },
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  let parsed: { ok?: boolean; error?: { message?: string } } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // not JSON: the status says it
  }
  return {
    refused: response.status >= 400 || parsed.ok === false,
    text: `${response.status} ${parsed.error?.message ?? text.slice(0, 300)}`,
  };
}

/** A file uploaded from the page, then imported as dossiers; the rows' reasons. */
async function importThroughHost(name: string, bytes: Buffer): Promise<Answer> {
  const upload = await fetch(`${origin()}/api/files.upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postier-token': TOKEN },
    body: JSON.stringify({ name, base64: bytes.toString('base64') }),
  });
  const staged = (await upload.json()) as { ok: boolean; value: { ref: string; name: string } };
  if (!staged.ok) return { refused: true, text: JSON.stringify(staged) };
  const preview = (await (
    await fetch(`${origin()}/api/imports.dossiersPreview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postier-token': TOKEN },
      body: JSON.stringify({ structureId, file: staged.value.ref }),
    })
  ).json()) as { ok: boolean; value?: { mapping: unknown }; error?: { message: string } };
  if (!preview.ok) return { refused: true, text: preview.error!.message };
  const committed = (await (
    await fetch(`${origin()}/api/imports.dossiersCommit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postier-token': TOKEN },
      body: JSON.stringify({
        structureId,
        file: staged.value.ref,
        mapping: preview.value!.mapping,
      }),
    })
  ).json()) as { value: { imported: number; rejected: { line: number; message: string }[] } };
  const rows = committed.value.rejected.map((r) => `Ligne ${r.line} : ${r.message}`);
  return {
    refused: rows.length > 0,
    text: [`200 ${committed.value.imported} importé(s)`, ...rows].join('\n'),
  };
}

/** `postier dossiers import` or `documents import` of a file; refused rows are said by line. */
async function importThroughCli(
  kind: 'dossiers' | 'documents',
  file: string,
  extra: string[] = [],
) {
  const answer = await cli([kind, 'import', file, ...extra]);
  return { refused: answer.refused || /Ligne \d+ :/.test(answer.text), text: answer.text };
}

const csv = (name: string, lines: string[]) => writeText(path.join(files, name), lines);
const DOSSIERS_HEADER = 'N° dossier;Nom;Prénom;Email 1';
const DOCUMENTS_HEADER = 'N° dossier;Type;N° document;Période;Montant;Fichier PDF';
const dossierRow = (cells: string) =>
  csv(`dossiers-${outcomes.length}.csv`, [DOSSIERS_HEADER, cells]);
const documentRows = (rows: string[]) =>
  csv(`documents-${outcomes.length}.csv`, [DOCUMENTS_HEADER, ...rows]);
/** `postier documents import` of these rows with a folder of PDFs (a name may climb out of it). */
async function importDocumentsWithPdfs(rows: string[], pdfs: Record<string, Buffer> = {}) {
  const dir = path.join(files, `pdf-${outcomes.length}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(pdfs)) fs.writeFileSync(path.join(dir, name), bytes);
  return importThroughCli('documents', documentRows(rows), ['--pdf-dir', dir]);
}
const addDossier = (...args: string[]) =>
  cli([
    'dossiers',
    'add',
    '--number',
    '9001',
    '--last-name',
    'Roy',
    '--first-name',
    'Lise',
    ...args,
  ]);
const addDocument = (...args: string[]) => {
  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) given.set(args[i]!, args[i + 1]!);
  const base = {
    '--dossier': '1001',
    '--type': 'invoice',
    '--number': 'Z-1',
    '--period': '2026-11',
  };
  const merged = { ...base, '--amount': '10', ...Object.fromEntries(given) };
  return cli(['documents', 'add', ...Object.entries(merged).flat()]);
};
const prepareInvoices = (...args: string[]) =>
  cli(['send', 'prepare', '--type', 'invoice', '--period', '2026-11', ...args]);
const newDossier = (fields: Record<string, unknown>) =>
  api('dossiers.create', { structureId, dossier: { number: '9002', lastName: 'Roy', ...fields } });

// --- The cases ---------------------------------------------------------------------------

/** Cases of one door that differ only by their input: [name, input, what is said]. */
function family<Input>(
  category: Category,
  door: BadInput['door'],
  prefix: string,
  run: (input: Input) => Promise<Answer>,
  rows: readonly (readonly [string, Input, RegExp])[],
): BadInput[] {
  return rows.map(([name, input, said]) => ({
    category,
    door,
    name: `${prefix}${name}`,
    run: () => run(input),
    said,
  }));
}

const CASES: BadInput[] = [
  // The host, before any operation.
  ...family(
    'host: malformed requests',
    'host API',
    '',
    ([pathname, body, token]) =>
      raw(pathname, body, token === undefined ? {} : { 'x-postier-token': token }),
    [
      ['broken percent-encoding in an operation', ['/api/dossiers%E0%A4%A.get', '{}'], /^400 /],
      ['broken percent-encoding in a file path', ['/assets/%ZZapp.js', undefined], /^400 /],
      ['body that is not JSON', ['/api/dossiers.get', '{"id": 1,'], /^400 .*« input »/],
      ['body of 40 MB (over the 36 MB limit)', ['/api/dossiers.get', long(40 * MB, ' ')], /^413 /],
      [
        'JSON nested 100,000 deep',
        ['/api/dossiers.get', `${'['.repeat(1e5)}${']'.repeat(1e5)}`],
        /« input » \(type de valeur inattendu\)/,
      ],
      [
        'a call with a wrong token',
        ['/api/structures.list', '{}', 'wrong'],
        /^401 Cette page n’est plus autorisée/,
      ],
      ['an unknown operation (__proto__)', ['/api/__proto__', '{}'], /opération|operation/i],
      [
        'a JSON array instead of an object',
        ['/api/dossiers.get', '[1]'],
        /« input » \(type de valeur inattendu\)/,
      ],
      ['a __proto__ key in the body', ['/api/dossiers.get', '{"__proto__":{"id":1}}'], /« id »/],
    ] as const,
  ),

  // Wrong types and unknown fields in the contract's payloads (read when the case runs).
  ...family(
    'contract: wrong types and unknown fields',
    'host API',
    '',
    ([operation, input]) => api(operation, input()),
    [
      ['id given as a string', ['dossiers.get', () => ({ id: '1' })], /« id »/],
      ['negative id', ['dossiers.get', () => ({ id: -4 })], /« id »/],
      ['fractional id', ['documents.get', () => ({ id: 1.5 })], /« id »/],
      ['an unknown field', ['dossiers.get', () => ({ id: 1, admin: true })], /admin/],
      [
        'document ids as strings',
        ['sending.queue', () => ({ structureId, documentIds: ['1'] })],
        /documentIds\.0/,
      ],
      [
        '21 correspondents at once',
        [
          'dossiers.create',
          () => ({
            structureId,
            dossier: {
              number: '9003',
              lastName: 'Roy',
              correspondents: Array.from({ length: 21 }, (_, i) => ({ email: `p${i}@exemple.fr` })),
            },
          }),
        ],
        /correspondents/,
      ],
      [
        'a validation mode that does not exist',
        ['settings.set', () => ({ validationMode: 'yolo' })],
        /validationMode/,
      ],
      [
        'an auto-pause of 1,000',
        ['settings.setAutoPause', () => ({ autoPauseAfterFailures: 1000 })],
        /autoPauseAfterFailures/,
      ],
      [
        'a port of 70,000',
        ['accounts.set', () => ({ structureId, account: { port: 70_000 } })],
        /port/,
      ],
      [
        'a decision that does not exist',
        ['outbox.resolveUncertain', () => ({ id: 1, decision: 'maybe' })],
        /decision/,
      ],
    ] as const,
  ),

  // Text over its limit, at each door.
  ...family('text over its limit', 'CLI', 'dossiers add: ', (args) => addDossier(...args), [
    [
      'a 101-character last name',
      ['--last-name', long(101)],
      /« nom » est trop long : 101 caractères pour 100/,
    ],
    ['a 101-character first name', ['--first-name', long(101)], /« prénom » est trop long/],
    ['a 31-character title', ['--title', long(31)], /« civilité » est trop long/],
    ['a 51-character file number', ['--number', long(51)], /« numéro de dossier » est trop long/],
    ['a 21-character SIN', ['--sin', long(21, '1')], /« NAS » est trop long/],
  ] as const),
  {
    category: 'text over its limit',
    door: 'CLI',
    name: 'documents add: a 300-character document number',
    run: () => addDocument('--number', long(300, 'N')),
    said: /« numéro de document » est trop long : 300 caractères pour 50/,
  },
  {
    category: 'text over its limit',
    door: 'host API',
    name: 'dossiers.create: a 5 MB last name',
    run: () => newDossier({ lastName: long(5 * MB) }),
    said: /« dossier\.lastName ».*100/,
  },
  {
    category: 'text over its limit',
    door: 'host API',
    name: 'structures.update: a 201-character structure name',
    run: () =>
      api('structures.update', { id: structureId, version: 1, patch: { name: long(201) } }),
    said: /« patch\.name ».*200/,
  },
  {
    category: 'text over its limit',
    door: 'host API',
    name: 'dossiers.create: 101 extra fields',
    run: () =>
      newDossier({
        extra: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])),
      }),
    said: /101 donnés|champs libres/,
  },
  {
    category: 'text over its limit',
    door: 'import (CLI)',
    name: 'dossiers import: a 5 MB surname in a CSV row',
    run: () => importThroughCli('dossiers', dossierRow(`9100;${long(5 * MB)};Lise;`)),
    said: /Ligne 2 : Colonne « Nom » trop longue : 5242880 caractères pour 100/,
  },
  {
    category: 'text over its limit',
    door: 'import (CLI)',
    name: 'documents import: a 60-character document number',
    run: () =>
      importThroughCli('documents', documentRows([`1001;facture;${long(60, 'N')};2026-11;10;`])),
    said: /Ligne 2 : Colonne « N° document » trop longue : 60 caractères pour 50/,
  },
  {
    category: 'text over its limit',
    door: 'import (host)',
    name: 'imports.dossiersCommit: a 201-character city (one address line)',
    run: () =>
      importThroughHost(
        'clients.csv',
        Buffer.from(`N° dossier;Nom;Prénom;Ville\r\n9101;Roy;Lise;${long(201)}\r\n`),
      ),
    said: /Ville.*201 caractères pour 200/,
  },

  // Control characters, NUL, line breaks (header injection).
  ...family(
    'control characters, NUL, line breaks',
    'CLI',
    'dossiers add: ',
    (args) => addDossier(...args),
    [
      [
        '\\x01 in the last name',
        ['--last-name', 'Ro\u0001y'],
        /« nom » contient un caractère invisible/,
      ],
      [
        'a tab in the file number',
        ['--number', '90\t01'],
        /« numéro de dossier » contient un caractère invisible/,
      ],
      [
        'CR LF + Bcc: in the last name',
        ['--last-name', 'Roy\r\nBcc: x@pirate.example'],
        /« nom » contient/,
      ],
      ['ESC in the title', ['--title', 'M\u001b[2J'], /« civilité » contient/],
      [
        'CR LF + Bcc: in an address',
        ['--email', 'a@exemple.fr\r\nBcc: x@pirate.example'],
        /adresse e-mail « Bcc: » n’est pas valide/,
      ],
    ] as const,
  ),
  {
    category: 'control characters, NUL, line breaks',
    door: 'CLI',
    name: 'documents add: \\x01 in the document number',
    run: () => addDocument('--number', 'Z\u0001-1'),
    said: /« numéro de document » contient un caractère invisible/,
  },
  {
    category: 'control characters, NUL, line breaks',
    door: 'host API',
    name: 'dossiers.create: NUL in the file number',
    run: () => newDossier({ number: '90\u000002' }),
    said: /« numéro de dossier » contient un caractère invisible/,
  },
  {
    category: 'control characters, NUL, line breaks',
    door: 'host API',
    name: 'structures.update: a line break in the sender name',
    run: async () =>
      api('structures.update', {
        id: structureId,
        version: (await host.postier.records.chooseStructure(structureId)).version,
        patch: { senderName: 'A\r\nBcc: x' },
      }),
    said: /« nom de l’expéditeur » contient un caractère invisible/,
  },
  {
    category: 'control characters, NUL, line breaks',
    door: 'import (CLI)',
    name: 'dossiers import: NUL in the file number',
    run: () => importThroughCli('dossiers', dossierRow('91\u000002;Roy;Lise;')),
    said: /Ligne 2 : Colonne « N° dossier » : caractère invisible/,
  },
  {
    category: 'control characters, NUL, line breaks',
    door: 'import (CLI)',
    name: 'dossiers import: a quoted line break + Bcc: in a name',
    run: () =>
      importThroughCli('dossiers', dossierRow('9103;"Roy\r\nBcc: x@pirate.example";Lise;')),
    said: /Ligne 2 : Colonne « Nom » : caractère invisible/,
  },
  {
    category: 'control characters, NUL, line breaks',
    door: 'host API',
    name: 'sending.preview: CR LF + Bcc: in the subject, made one line',
    run: () =>
      api('sending.preview', {
        structureId,
        documentId: invoiceId,
        subject: 'Facture {{numero}}\r\nBcc: x@pirate.example',
      }),
    said: /^200 /,
    harmless: async (answer) => {
      expect(answer.refused).toBe(false);
      const subjects = await previewSubjects('Facture {{numero}}\r\nBcc: x@pirate.example');
      expect(subjects.length).toBeGreaterThan(0);
      for (const subject of subjects) expect(subject).not.toMatch(/[\r\n]/);
    },
  },

  // E-mail addresses.
  ...family(
    'e-mail addresses',
    'CLI',
    'dossiers add --email: ',
    (email) => addDossier('--email', email),
    [
      ['accented local part', 'élodie@exemple.fr', /accentuées .*avant le « @ »/],
      [
        'IDN domain that is no host name',
        'marie@bü<cher.de',
        /« marie@bü<cher\.de » n’est pas valide/,
      ],
      [
        'a 261-character address',
        `${long(250, 'a')}@exemple.fr`,
        /« adresse e-mail » est trop long : 261/,
      ],
      ['no @ at all', 'pas-une-adresse', /« pas-une-adresse » n’est pas valide/],
    ] as const,
  ),
  {
    category: 'e-mail addresses',
    door: 'CLI',
    name: 'send fix-address: an address that is not one',
    run: () => cli(['send', 'fix-address', '1', 'bad']),
    said: /« bad » n’est pas valide/,
  },
  {
    category: 'e-mail addresses',
    door: 'host API',
    name: 'outbox.fixAddress: CR LF + Bcc: in the new address',
    run: () => api('outbox.fixAddress', { id: 1, version: 1, address: 'a@b.fr\r\nBcc: c@d.fr' }),
    said: /n’est pas valide|introuvable|Aucun message/,
  },
  {
    category: 'e-mail addresses',
    door: 'import (CLI)',
    name: 'dossiers import: 21 addresses in one cell',
    run: () =>
      importThroughCli(
        'dossiers',
        dossierRow(
          `9104;Roy;Lise;"${Array.from({ length: 21 }, (_, i) => `p${i}@exemple.fr`).join('; ')}"`,
        ),
      ),
    said: /Ligne 2 : Colonne « Email 1 » : 21 adresses e-mail pour 20 au plus/,
  },
  {
    category: 'e-mail addresses',
    door: 'import (CLI)',
    name: 'dossiers import: two addresses in one cell become two correspondents',
    run: () =>
      importThroughCli('dossiers', dossierRow('9105;Deux;Adresses;"a@exemple.fr; b@exemple.fr"')),
    said: /1 dossiers? créés?|1 dossier\(s\) créé\(s\)/,
    harmless: async () => expect(await emailsOf('9105')).toEqual(['a@exemple.fr', 'b@exemple.fr']),
  },
  {
    category: 'e-mail addresses',
    door: 'import (CLI)',
    name: 'dossiers import: an IDN domain stored as punycode',
    run: () => importThroughCli('dossiers', dossierRow('9106;Idn;Marie;marie@bücher.de')),
    said: /1 dossiers? créés?|1 dossier\(s\) créé\(s\)/,
    harmless: async () => expect(await emailsOf('9106')).toEqual(['marie@xn--bcher-kva.de']),
  },

  // Periods, dates, amounts.
  ...family('periods, dates, amounts', 'CLI', 'documents add: ', (args) => addDocument(...args), [
    ['period 13/2026', ['--period', '13/2026'], /période « 13\/2026 » n’est pas comprise/],
    ['period 2026-00', ['--period', '2026-00'], /période « 2026-00 » n’est pas comprise/],
    ['amount 12,3,4', ['--amount', '12,3,4'], /montant « 12,3,4 » n’est pas un nombre/],
    ['amount abc', ['--amount', 'abc'], /montant « abc » n’est pas un nombre/],
    ['amount 99999999999999', ['--amount', '99999999999999'], /montant « 99999999999999 »/],
    [
      'issue date 2026-02-30',
      ['--issue-date', '2026-02-30'],
      /date « 2026-02-30 » n’est pas valide/,
    ],
    ['a dossier that does not exist', ['--dossier', '9999'], /Aucun dossier n° 9999/],
  ] as const),
  {
    category: 'periods, dates, amounts',
    door: 'CLI',
    name: 'documents add: a number already used',
    run: () => addDocument('--number', invoiceNumber),
    said: /n° F\d{6}-1001 existe déjà/,
  },
  {
    category: 'periods, dates, amounts',
    door: 'CLI',
    name: 'send prepare --period 2026-13',
    run: () => cli(['send', 'prepare', '--type', 'invoice', '--period', '2026-13']),
    said: /période « 2026-13 » n’est pas comprise/,
  },
  {
    category: 'periods, dates, amounts',
    door: 'CLI',
    name: 'send prepare --ids 1,abc',
    run: () => cli(['send', 'prepare', '--ids', '1,abc']),
    said: /--ids .*pas « abc »/,
  },
  {
    category: 'periods, dates, amounts',
    door: 'CLI',
    name: 'journal export --from 2026-13-01',
    run: () =>
      cli(['journal', 'export', '--out', path.join(files, 'j.csv'), '--from', '2026-13-01']),
    said: /date « 2026-13-01 » n’est pas valide/,
  },
  {
    category: 'periods, dates, amounts',
    door: 'host API',
    name: 'outbox.exportCsv from 2026-13-45',
    run: () => api('outbox.exportCsv', { from: '2026-13-45' }),
    said: /date « 2026-13-45 » n’est pas valide/,
  },
  {
    category: 'periods, dates, amounts',
    door: 'import (CLI)',
    name: 'documents import: a bad period, a bad amount, a bad date (three rows)',
    run: () =>
      importThroughCli(
        'documents',
        documentRows([
          '1001;facture;Z-11;13/2026;10;',
          '1001;facture;Z-12;2026-11;12,3,4;',
          '1001;facture;Z-13;2026-11;1e999;',
        ]),
      ),
    said: /Ligne 2 : .*période « 13\/2026 »[\s\S]*Ligne 3 : .*montant « 12,3,4 »[\s\S]*Ligne 4 : .*montant « 1e999 »/,
  },

  // Table files.
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'a zip bomb named .xlsx (150 MB of sheet in a small zip)',
    run: async () => {
      const file = path.join(files, 'bombe.xlsx');
      fs.writeFileSync(file, await workbookZip(await zipBombSheet(150 * MB)));
      return importThroughCli('dossiers', file);
    },
    said: new RegExp(`« bombe\\.xlsx ».*${WORKBOOK_LIMITS.unpackedBytes / MB} Mo`),
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'a text file named .xlsx',
    run: () => importThroughCli('dossiers', csv('faux.xlsx', ['N° dossier;Nom', '1;Roy'])),
    said: /« faux\.xlsx » n’est pas un classeur|« faux\.xlsx ».*classeur/,
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'an empty .xlsx',
    run: () => {
      fs.writeFileSync(path.join(files, 'vide.xlsx'), '');
      return importThroughCli('dossiers', path.join(files, 'vide.xlsx'));
    },
    said: /« vide\.xlsx ».*vide/,
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'a workbook cut in half',
    run: async () => {
      const whole = await writeWorkbook(path.join(files, 'entier.xlsx'), {
        Clients: [
          ['N° dossier', 'Nom'],
          ...Array.from({ length: 50 }, (_, i) => [i, `Client ${i}`]),
        ],
      });
      const bytes = fs.readFileSync(whole);
      fs.writeFileSync(path.join(files, 'coupe.xlsx'), bytes.subarray(0, bytes.length >> 1));
      return importThroughCli('dossiers', path.join(files, 'coupe.xlsx'));
    },
    said: /« coupe\.xlsx »/,
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'a CSV a byte over the size limit',
    run: () =>
      importThroughCli(
        'dossiers',
        sparseFile(
          path.join(files, 'enorme.csv'),
          MAX_TABLE_FILE_BYTES + 1,
          Buffer.from('N° dossier;Nom\r\n'),
        ),
      ),
    said: new RegExp(`« enorme\\.csv ».*${MAX_TABLE_FILE_BYTES / MB} Mo`),
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (CLI)',
    name: 'a file that does not exist',
    run: () => importThroughCli('dossiers', path.join(files, 'absent.csv')),
    said: /absent\.csv/,
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (host)',
    name: 'an upload named ../../evil.csv, kept under its own name only',
    run: () =>
      importThroughHost(
        '../../evil.csv',
        Buffer.from(`${DOSSIERS_HEADER}\r\n9107;Chemin;Lise;\r\n`),
      ),
    said: /^200 /,
    harmless: async () => {
      expect(fs.existsSync(path.join(root, 'evil.csv'))).toBe(false);
      expect(fs.existsSync(path.join(data, 'evil.csv'))).toBe(false);
      const imported = await host.postier.db
        .selectFrom('dossiers')
        .select('last_name')
        .where('number', '=', '9107')
        .execute();
      expect(imported).toEqual([{ last_name: 'Chemin' }]);
    },
  },
  {
    category: 'table files (CSV, Excel)',
    door: 'import (host)',
    name: 'an upload of a text file named .xlsx',
    run: () => importThroughHost('clients.xlsx', Buffer.from('N° dossier;Nom\r\n1;Roy\r\n')),
    said: /« clients\.xlsx »/,
  },

  // PDF files.
  {
    category: 'PDF files',
    door: 'CLI',
    name: 'documents add --pdf: a 20,000-page PDF, refused by its page limit',
    run: async () => {
      const file = path.join(files, 'vingt-mille.pdf');
      fs.writeFileSync(file, await blankPagesPdf(20_000));
      return addDocument('--pdf', file);
    },
    said: new RegExp(
      `« vingt-mille\\.pdf ».*20000 pages.*${DOCUMENT_PDF_LIMITS.maxPages}|« vingt-mille\\.pdf ».*${DOCUMENT_PDF_LIMITS.maxPages} pages`,
    ),
  },
  {
    category: 'PDF files',
    door: 'CLI',
    name: 'documents add --pdf: a PDF a byte over the size limit',
    run: async () =>
      addDocument(
        '--pdf',
        sparseFile(
          path.join(files, 'lourd.pdf'),
          DOCUMENT_PDF_LIMITS.maxBytes + 1,
          await pdfOfPages([['F']]),
        ),
      ),
    said: new RegExp(`« lourd\\.pdf ».*${DOCUMENT_PDF_LIMITS.maxBytes / MB} Mo`),
  },
  {
    category: 'PDF files',
    door: 'CLI',
    name: 'documents add --pdf: a text file named .pdf',
    run: () => addDocument('--pdf', csv('texte.pdf', ['Ceci n’est pas un PDF'])),
    said: /« texte\.pdf » n’est pas un PDF lisible/,
  },
  {
    category: 'PDF files',
    door: 'CLI',
    name: 'documents add --pdf: a PDF that does not exist',
    run: () => addDocument('--pdf', path.join(files, 'absent.pdf')),
    said: /absent\.pdf» est introuvable|absent\.pdf » est introuvable/,
  },
  {
    category: 'PDF files',
    door: 'CLI',
    name: 'documents add --pdf: the PDF of another document',
    run: async () => {
      const stored = await host.postier.documents.pdfPath(invoiceId);
      const copy = path.join(files, 'deja-prise.pdf');
      fs.copyFileSync(stored, copy);
      return addDocument('--pdf', copy);
    },
    said: /« deja-prise\.pdf ».*F\d{6}-1001/,
  },
  {
    category: 'PDF files',
    door: 'import (CLI)',
    name: 'documents import: one PDF named by two rows',
    run: async () =>
      importDocumentsWithPdfs(
        ['1001;facture;Z-21;2026-11;10;commune.pdf', '1002;facture;Z-22;2026-11;10;commune.pdf'],
        { 'commune.pdf': await pdfOfPages([['Facture Z-21']]) },
      ),
    said: /Ligne 3 : .*commune\.pdf/,
    // The first row takes the file and is imported; the second is named, not imported.
    harmless: async (answer) => {
      expect(answer.text).not.toMatch(/Ligne 2 :/);
      const rows = await host.postier.db
        .selectFrom('documents')
        .select(['number', 'pdf_source'])
        .where('number', 'in', ['Z-21', 'Z-22'])
        .execute();
      expect(rows).toEqual([{ number: 'Z-21', pdf_source: 'imported' }]);
    },
  },
  {
    category: 'PDF files',
    door: 'import (CLI)',
    name: 'documents import: a PDF path climbing out of the folder (../)',
    run: async () =>
      importDocumentsWithPdfs(['1001;facture;Z-31;2026-11;10;../dehors.pdf'], {
        '../dehors.pdf': await pdfOfPages([['Facture Z-31']]),
      }),
    said: /Ligne 2 : .*« \.\.\/dehors\.pdf » est introuvable dans le dossier des PDF/,
  },
  {
    category: 'PDF files',
    door: 'import (CLI)',
    name: 'documents import: an absolute PDF path (/etc/passwd)',
    run: () => importDocumentsWithPdfs(['1001;facture;Z-41;2026-11;10;/etc/passwd']),
    said: /Ligne 2 : .*« \/etc\/passwd » est introuvable dans le dossier des PDF/,
  },
  {
    category: 'PDF files',
    door: 'import (CLI)',
    name: 'documents import: a row whose PDF is over the page limit',
    run: async () =>
      importDocumentsWithPdfs(['1001;facture;Z-51;2026-11;10;long.pdf'], {
        'long.pdf': await blankPagesPdf(DOCUMENT_PDF_LIMITS.maxPages + 1),
      }),
    said: /Ligne 2 : .*« long\.pdf »/,
  },

  // Attachments and file names.
  {
    category: 'attachments and file names',
    door: 'CLI',
    name: 'send prepare --attach-all a file that does not exist',
    run: () => prepareInvoices('--attach-all', path.join(files, 'x.pdf')),
    said: /pièce jointe « .*x\.pdf » est introuvable/,
  },
  {
    category: 'attachments and file names',
    door: 'CLI',
    name: 'send prepare --body-file a file that does not exist',
    run: () => prepareInvoices('--body-file', path.join(files, 'x.txt')),
    said: /modèle « .*x\.txt » est introuvable/,
  },
  {
    category: 'attachments and file names',
    door: 'host API',
    name: 'sending.preview with an attachment reference ../../etc/passwd',
    run: () =>
      api('sending.preview', {
        structureId,
        documentId: invoiceId,
        generalAttachments: ['../../etc/passwd'],
      }),
    said: /« \.\.\/\.\.\/etc\/passwd »|n’est plus disponible|introuvable/,
  },
  {
    category: 'attachments and file names',
    door: 'host API',
    name: 'sending.queue with an attachment reference that was never staged',
    run: () =>
      api('sending.queue', {
        structureId,
        documentIds: [invoiceId],
        generalAttachments: ['0000-ffff'],
      }),
    said: /0000-ffff/,
  },
  {
    category: 'attachments and file names',
    door: 'host API',
    name: 'files.upload of 25 MB and one byte (over the limit)',
    run: () =>
      api('files.upload', {
        name: 'gros.pdf',
        base64: Buffer.alloc(25 * MB + 1).toString('base64'),
      }),
    said: /gros\.pdf|« base64 »/,
  },

  // Templates.
  {
    category: 'templates',
    door: 'CLI',
    name: 'send prepare --subject with an unknown field',
    run: () => prepareInvoices('--subject', '{{inconnu}}'),
    said: /L’objet du message utilise le champ « inconnu », qui n’existe pas/,
  },
  {
    category: 'templates',
    door: 'CLI',
    name: 'templates set with an unknown field in the body',
    run: () =>
      cli([
        'templates',
        'set',
        '--type',
        'invoice',
        '--subject',
        'Facture',
        '--body-file',
        csv('corps.txt', ['Bonjour {{inconu}}']),
      ]),
    said: /« inconu »/,
  },
  {
    category: 'templates',
    door: 'host API',
    name: 'templates.save with an unknown field in the subject',
    run: () =>
      api('templates.save', {
        structureId,
        type: 'invoice',
        template: { subject: 'Facture {{numro}}', text: 'Bonjour', html: null },
      }),
    said: /« numro »/,
  },
  {
    category: 'templates',
    door: 'host API',
    name: 'sending.preview with a template that does not parse',
    run: () =>
      api('sending.preview', { structureId, documentId: invoiceId, textBody: 'Bonjour {{#if}}' }),
    said: /texte|modèle|message/,
  },

  // Account and settings.
  ...family(
    'account and settings',
    'CLI',
    'account set: ',
    (args) => cli(['account', 'set', ...args]),
    [
      ['a port of 99,999', ['--port', '99999'], /port « 99999 » n’est pas valide/],
      [
        'a From that is no address',
        ['--from', 'pas une adresse'],
        /« pas une adresse » du champ « adresse d’expédition »/,
      ],
      [
        'a Reply-To with CR LF + Bcc:',
        ['--reply-to', 'a@b.fr\r\nBcc: c@d.fr'],
        /« a@b\.fr Bcc: c@d\.fr » du champ « adresse de réponse » n’est pas valide/,
      ],
      ['a security mode that does not exist', ['--security', 'ssl3'], /ssl3/],
      // Two options at once, one refused: neither is saved.
      [
        'a good IMAP port with a port of 99,999',
        ['--imap-port', '993', '--port', '99999'],
        /Le port « 99999 »/,
      ],
      [
        'a good port with an IMAP port of 99,999',
        ['--port', '587', '--imap-port', '99999'],
        /port IMAP « 99999 »/,
      ],
    ] as const,
  ),
  {
    category: 'account and settings',
    door: 'CLI',
    name: 'send auto-pause set 1000',
    run: () => cli(['send', 'auto-pause', 'set', '1000']),
    said: /de 0 \(jamais\) à 100 : « 1000 » ne convient pas/,
  },
  {
    category: 'account and settings',
    door: 'CLI',
    name: 'dossiers add --language de',
    run: () => addDossier('--language', 'de'),
    said: /langue « de » n’est pas connue/,
  },
  {
    category: 'account and settings',
    door: 'CLI',
    name: 'dossiers add --sin 12345',
    run: () => addDossier('--sin', '12345'),
    said: /NAS « ••• ••• 345 » n’est pas valide/,
  },

  // Database files.
  {
    category: 'database files',
    door: 'CLI',
    name: 'db restore of a file that is no database',
    run: () => cli(['db', 'restore', csv('pas-une-base.sqlite', ['bonjour'])]),
    said: onPostgres
      ? RESTORE_NOT_ON_POSTGRES
      : /« .*pas-une-base\.sqlite » n’est pas une base de données Postier/,
  },
  {
    category: 'database files',
    door: 'CLI',
    name: 'db restore of a file that does not exist',
    run: () => cli(['db', 'restore', path.join(files, 'absente.sqlite')]),
    said: onPostgres ? RESTORE_NOT_ON_POSTGRES : /absente\.sqlite/,
  },
  {
    category: 'database files',
    door: 'CLI',
    name: 'journal export into a folder that does not exist',
    run: () => cli(['journal', 'export', '--out', path.join(files, 'nulle-part', 'j.csv')]),
    said: /Impossible d’écrire le fichier « .*j\.csv » \(ENOENT\)/,
  },
];

// --- Checks ------------------------------------------------------------------------------

/**
 * Every table but the lease (an engine's heartbeat) and the settings (read below), asked of
 * the database itself (SQLite's or PostgreSQL's catalogue): the migrations' own are left out.
 */
async function watchedTables(): Promise<string[]> {
  const tables = await host.postier.db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !['engine_lease', 'settings'].includes(t.name))
    .map((t) => t.name)
    .sort();
}

/** Every row of the office's tables, the settings and the documents folder, as one digest. */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of await watchedTables()) {
    // Some (the journal's search index) have no rowid: rows compared as a sorted list.
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      host.postier.db,
    );
    hash.update(`${table}:${JSON.stringify(rows.rows.map((r) => JSON.stringify(r)).sort())}`);
  }
  const settings = await host.postier.db
    .selectFrom('settings')
    .selectAll()
    .orderBy('key')
    .execute();
  hash.update(JSON.stringify(settings.filter((s) => !/backup/i.test(s.key))));
  // A data folder's documents/ (PostgreSQL keeps them in document_contents, a table above).
  if (host.postier.location.kind === 'folder') {
    const documents = host.postier.folder.documentsFolder;
    for (const file of (fs.readdirSync(documents, { recursive: true }) as string[]).sort()) {
      const stat = fs.statSync(path.join(documents, file));
      hash.update(stat.isFile() ? `${file}:${stat.size}` : `${file}/`);
    }
  }
  return hash.digest('hex');
}

async function emailsOf(number: string): Promise<string[]> {
  return (
    await host.postier.db
      .selectFrom('correspondents')
      .innerJoin('dossiers', 'dossiers.id', 'correspondents.dossier_id')
      .select('correspondents.email')
      .where('dossiers.number', '=', number)
      .orderBy('correspondents.id')
      .execute()
  ).map((r) => r.email ?? '');
}

async function previewSubjects(subject: string): Promise<string[]> {
  const response = await fetch(`${origin()}/api/sending.preview`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postier-token': TOKEN },
    body: JSON.stringify({ structureId, documentId: invoiceId, subject }),
  });
  const json = (await response.json()) as { value: { messages: { subject: string }[] } };
  return json.value.messages.map((m) => m.subject);
}

describe(`${CASES.length} bad inputs at the real doors`, { timeout: 180_000 }, () => {
  it('throws at least 60 distinct ones, in every category', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const bad of CASES) {
    it(`${bad.door} — ${bad.name}`, async () => {
      const before = await fingerprint();
      const answer = await bad.run();
      outcomes.push({ category: bad.category, door: bad.door, name: bad.name, handled: false });
      expect(answer.text).toMatch(bad.said);
      expect(answer.text.length, 'a short answer, never the bad value whole').toBeLessThan(4000);
      expect(answer.text).not.toMatch(/erreur inattendue|unexpected error|at .*\.ts:\d+/i);
      if (bad.harmless) {
        await bad.harmless(answer);
      } else {
        expect(answer.refused, answer.text).toBe(true);
        expect(await fingerprint(), 'nothing written, nothing lost').toBe(before);
      }
      outcomes[outcomes.length - 1]!.handled = true;
    });
  }

  it('the host still answers after all of them', async () => {
    const answer = await api('structures.list', {});
    expect(answer).toMatchObject({ refused: false });
  });
});

/** test-results/bad-inputs.md: by category, how many were tried and how many handled. */
function writeTable(): void {
  const byCategory = new Map<string, { tried: number; handled: number; doors: Set<string> }>();
  for (const outcome of outcomes) {
    const row = byCategory.get(outcome.category) ?? { tried: 0, handled: 0, doors: new Set() };
    row.tried += 1;
    row.handled += outcome.handled ? 1 : 0;
    row.doors.add(outcome.door);
    byCategory.set(outcome.category, row);
  }
  const lines = [
    '| bad input | doors | tried | handled |',
    '|---|---|---|---|',
    ...[...byCategory].map(
      ([category, row]) =>
        `| ${category} | ${[...row.doors].join(', ')} | ${row.tried} | ${row.handled} |`,
    ),
  ];
  const tried = outcomes.length;
  const handled = outcomes.filter((o) => o.handled).length;
  lines.push(`| **total** | | **${tried}** | **${handled}** |`, '');
  const failed = outcomes.filter((o) => !o.handled);
  if (failed.length > 0)
    lines.push('Not handled:', ...failed.map((o) => `- ${o.door} — ${o.name}`), '');
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(path.join('test-results', 'bad-inputs.md'), lines.join('\n'));
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
