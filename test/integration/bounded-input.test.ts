// Bounded input through the real doors: the records service (the window's contract calls
// it), the import of a client list (CSV and Excel, through the service and the real CLI),
// and `postier dossiers add|list` as a child process. Each bad input is refused with a
// sentence naming the field and its limit (and the line, in an import), and nothing else
// is written; a listing never prints megabytes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_LIMITS } from '../../src-shared/domain/records.js';
import type { DossierInput } from '../../src-shared/domain/records.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { POSTIER_BIN, REPO_ROOT, postier as cli } from '../support/cli.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { writeText, writeWorkbook } from '../support/import-fixtures.js';
import { freshPostier, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const long = (n: number) => 'x'.repeat(n);
const base: DossierInput = { number: '500', lastName: 'Roy', firstName: 'Lise' };

/** One bad dossier each: the field's own name in the refusal. */
const BAD_DOSSIERS: [string, Partial<DossierInput>, string][] = [
  ['last name too long', { lastName: long(RECORD_LIMITS.lastName + 1) }, 'records.error.tooLong'],
  ['first name too long', { firstName: long(101) }, 'records.error.tooLong'],
  ['title too long', { title: long(31) }, 'records.error.tooLong'],
  ['number too long', { number: long(51) }, 'records.error.tooLong'],
  ['address too long', { address: `${long(150)}\n`.repeat(7) }, 'records.error.tooLong'],
  ['address line too long', { address: `1 rue\n${long(201)}` }, 'records.error.tooLong'],
  ['extra key too long', { extra: { [long(51)]: 'v' } }, 'records.error.tooLong'],
  ['extra value too long', { extra: { chambre: long(1001) } }, 'records.error.tooLong'],
  [
    'too many extra fields',
    { extra: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) },
    'records.error.tooManyExtra',
  ],
  ['SIN too long', { sin: '1'.repeat(21) }, 'records.error.tooLong'],
  ['NUL in the last name', { lastName: 'Ro\u0000y' }, 'records.error.controlCharacter'],
  ['NUL in the number', { number: '5\u000000' }, 'records.error.controlCharacter'],
  ['tab in the number', { number: '5\t00' }, 'records.error.controlCharacter'],
  ['line break in the first name', { firstName: 'Li\nse' }, 'records.error.controlCharacter'],
  ['DEL in the title', { title: 'M\u007f' }, 'records.error.controlCharacter'],
  ['line separator in the last name', { lastName: 'Ro\u2028y' }, 'records.error.controlCharacter'],
  ['NUL in an extra value', { extra: { note: 'a\u0000b' } }, 'records.error.controlCharacter'],
  ['escape in the address', { address: '1 rue\u001b[2J' }, 'records.error.controlCharacter'],
  [
    'correspondent name too long',
    { correspondents: [{ name: long(201), email: 'a@exemple.fr' }] },
    'records.error.tooLong',
  ],
  [
    'relation too long',
    { correspondents: [{ relation: long(101), email: 'a@exemple.fr' }] },
    'records.error.tooLong',
  ],
  [
    'address longer than RFC 5321 allows',
    { correspondents: [{ email: `${long(250)}@exemple.fr` }] },
    'records.error.tooLong',
  ],
  [
    'accented local part (needs SMTPUTF8)',
    { correspondents: [{ email: 'élodie@exemple.québec' }] },
    'records.error.emailLocalNotAscii',
  ],
  [
    'IDN domain that is no host name',
    { correspondents: [{ email: 'marie@bü<cher.de' }] },
    'error.email.invalid',
  ],
  [
    'IDN domain with an empty label',
    { correspondents: [{ email: 'marie@bücher..de' }] },
    'error.email.invalid',
  ],
  [
    'a kept invalid address, still bounded',
    { correspondents: [{ email: long(5000), keepInvalidEmail: true }] },
    'records.error.tooLong',
  ],
];

describe('bounded input: the records service (every door goes through it)', () => {
  it.each(BAD_DOSSIERS)('refuses a dossier: %s, and writes nothing', async (_, bad, code) => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    const before = await tableCounts(postier);
    const refusal = await postier.records
      .createDossier(structure.id, { ...base, ...bad })
      .then(() => null)
      .catch((error: unknown) => error as { code: string; params: Record<string, string> });
    expect(refusal?.code).toBe(code);
    const sentence = translate('fr', refusal!.code as 'records.error.tooLong', refusal!.params);
    expect(sentence).not.toMatch(/\{\w+\}/); // every placeholder filled, in French…
    expect(translate('en', refusal!.code as 'records.error.tooLong', refusal!.params)).not.toMatch(
      /\{\w+\}/,
    ); // …and in English
    expect(sentence.length).toBeLessThan(400); // never the whole bad value
    expect(await tableCounts(postier)).toEqual(before);
  });

  it('names the field and its limit, in both languages', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    const error = (await postier.records
      .createDossier(structure.id, { ...base, lastName: long(50_000_000) })
      .catch((e: unknown) => e)) as {
      code: 'records.error.tooLong';
      params: Record<string, string>;
    };
    expect(translate('fr', error.code, error.params)).toBe(
      'Le champ « nom » est trop long : 50000000 caractères pour 100 au plus. Raccourcissez-le.',
    );
    expect(translate('en', error.code, error.params)).toContain('“last name” is too long');
  });

  it('refuses long or invisible text on structures, managers, groups, patches and correspondents', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      ...base,
      correspondents: [{ email: 'a@exemple.fr' }],
    });
    const refusals = [
      postier.records.createStructure({ name: long(201) }),
      postier.records.createStructure({ name: 'B', phone: long(51) }),
      postier.records.updateStructure(structure.id, structure.version, { senderName: long(201) }),
      postier.records.updateStructure(structure.id, structure.version, { name: 'A\u0000' }),
      postier.records.addStaff(structure.id, long(101)),
      postier.records.addClientGroup(structure.id, 'Étage\u00002'),
      postier.records.updateDossier(dossier.id, dossier.version, { lastName: long(5_000_000) }),
      postier.records.updateDossier(dossier.id, dossier.version, { number: 'A\u0000' }),
      postier.records.updateCorrespondent(dossier.correspondents[0]!.id, 0, { name: long(201) }),
      postier.records.addCorrespondent(dossier.id, { email: 'é@exemple.fr' }),
    ];
    const codes = await Promise.all(
      refusals.map((p) => p.then(() => 'accepted').catch((e: { code: string }) => e.code)),
    );
    expect(codes).toEqual([
      'records.error.tooLong',
      'records.error.tooLong',
      'records.error.tooLong',
      'records.error.controlCharacter',
      'records.error.tooLong',
      'records.error.controlCharacter',
      'records.error.tooLong',
      'records.error.controlCharacter',
      'records.error.tooLong',
      'records.error.emailLocalNotAscii',
    ]);
    const after = await postier.records.getDossier(dossier.id);
    expect([after.lastName, after.number, after.correspondents.length]).toEqual(['Roy', '500', 1]);
  });

  it('keeps what is at the limit, tabs and line breaks where they belong, IDN domains as punycode', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      number: long(50),
      lastName: long(100),
      title: long(30),
      address: '12 rue des Érables\r\nApp. 3\r\nMontréal',
      extra: { note: 'ligne 1\nligne 2\tfin', [long(50)]: long(1000) },
      correspondents: [
        { email: 'marie@bücher.de' },
        { email: 'jean@exemple.québec' },
        { email: `${long(243)}@exemple.fr` },
      ],
    });
    expect(dossier.address).toBe('12 rue des Érables\nApp. 3\nMontréal');
    expect(dossier.extra.note).toBe('ligne 1\nligne 2\tfin');
    expect(dossier.correspondents.map((c) => [c.email, c.emailValid])).toEqual([
      ['marie@xn--bcher-kva.de', true],
      ['jean@exemple.xn--qubec-csa', true],
      [`${long(243)}@exemple.fr`, true],
    ]);
  });
});

const HEADER = 'N° dossier;Nom;Prénom;Ville;Email 1;Email 2;Envoi par e-mail;Chambre';

async function importRows(rows: string[], extra: string[] = ['Chambre']) {
  const postier = await freshPostier();
  const file = writeText(path.join(tempFolder(), 'clients.csv'), [HEADER, ...rows]);
  const table = await postier.imports.loadTable(file);
  const mapping = { ...(await postier.imports.mappingFor('dossiers', table)), extraColumns: extra };
  const result = await postier.imports.importDossiers(table, mapping);
  const dossiers = (await postier.records.searchDossiers({ limit: 500 })).items;
  return { result, dossiers, postier, mapping, table };
}

describe('bounded input: importing a client list', () => {
  it('refuses each bad row naming its line and the column; every good row goes in', async () => {
    const { result, dossiers } = await importRows([
      '1;Bon;Un;Québec;un@exemple.fr;;oui;12', // line 2: good
      `2;${long(5 * 1024 * 1024)};Deux;;;;;`, // line 3: a 5 MB name
      '3\u0000;Nul;Trois;;;;;', // line 4: NUL in the number
      `4;Ville;Quatre;${long(201)};;;;`, // line 5: city too long
      '5;Accent;Cinq;;élodie@exemple.fr;;;', // line 6: accented local part
      `6;Trop;Six;;"${Array.from({ length: 21 }, (_, i) => `p${i}@exemple.fr`).join('; ')}";;;`, // 7
      `7;Libre;Sept;;;;;${long(1001)}`, // line 8: extra value too long
      `8;Oui;Huit;;;;${long(5000)};`, // line 9: a 5 000-character yes/no
      '9;Bon;Neuf;;deux@exemple.fr, trois@exemple.fr;;oui;', // line 10: good, two addresses
      '10;Tab;Dix;;;;;a\u0001b', // line 11: control character in an extra value
    ]);
    expect(result.imported).toBe(2);
    expect(dossiers.map((d) => d.number).sort()).toEqual(['1', '9']);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [3, 'records.import.tooLong'],
      [4, 'records.import.controlCharacter'],
      [5, 'records.import.tooLong'],
      [6, 'records.import.emailLocalNotAscii'],
      [7, 'records.import.tooManyAddresses'],
      [8, 'records.import.tooLong'],
      [9, 'records.import.tooLong'],
      [11, 'records.import.controlCharacter'],
    ]);
    const reasons = result.rejected.map((r) =>
      translate('fr', r.code, r.params as Record<string, string>),
    );
    expect(reasons[0]).toBe(
      `Colonne « Nom » trop longue : ${5 * 1024 * 1024} caractères pour 100 au plus. Corrigez cette ligne dans le fichier puis importez-le de nouveau.`,
    );
    expect(reasons[1]).toContain('« N° dossier »');
    expect(reasons[2]).toContain('« Ville »');
    expect(reasons[6]).toContain('« Envoi par e-mail »');
    for (const reason of reasons) expect(reason.length).toBeLessThan(400);
  });

  it('treats two addresses in one cell as two correspondents, like two --email', async () => {
    const { dossiers } = await importRows([
      '1;Point-virgule;A;;"a@exemple.fr; b@exemple.fr";;;',
      '2;Virgule;B;;c@exemple.fr, d@exemple.fr;;;',
      '3;IDN;C;;marie@bücher.de;jean@exemple.québec;;',
    ]);
    const emails = Object.fromEntries(
      dossiers.map((d) => [d.number, d.correspondents.map((c) => [c.email, c.receivesDocuments])]),
    );
    expect(emails).toEqual({
      '1': [
        ['a@exemple.fr', true],
        ['b@exemple.fr', true],
      ],
      '2': [
        ['c@exemple.fr', true],
        ['d@exemple.fr', true],
      ],
      '3': [
        ['marie@xn--bcher-kva.de', true],
        ['jean@exemple.xn--qubec-csa', true],
      ],
    });
  });

  it('refuses an --extra column whose name could not be a field name', async () => {
    const postier = await freshPostier();
    const file = writeText(path.join(tempFolder(), 'clients.csv'), [
      `N° dossier;Nom;${long(51)}`,
      '1;Roy;x',
    ]);
    const table = await postier.imports.loadTable(file);
    const mapping = await postier.imports.mappingFor('dossiers', table);
    await expect(
      postier.imports.importDossiers(table, { ...mapping, extraColumns: [long(51)] }),
    ).rejects.toMatchObject({ code: 'records.error.tooLong', params: { max: 50, length: 51 } });
    expect((await tableCounts(postier)).dossiers).toBe(0);
  });

  it('applies the same limits to an Excel workbook', async () => {
    const postier = await freshPostier();
    const file = await writeWorkbook(path.join(tempFolder(), 'clients.xlsx'), {
      Clients: [
        ['N° dossier', 'Nom', 'Prénom'],
        ['1', 'Bon', 'Un'],
        ['2', long(101), 'Deux'],
        ['3', 'Tab', 'T\trois'],
      ],
    });
    const table = await postier.imports.loadTable(file);
    const result = await postier.imports.importDossiers(
      table,
      await postier.imports.mappingFor('dossiers', table),
    );
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [3, 'records.import.tooLong'],
      [4, 'records.import.controlCharacter'],
    ]);
  });

  it(
    'through the CLI: the 5 MB row is named by its line in a short report, the rest imported',
    { timeout: 120_000 },
    async () => {
      const data = await freshDataPlace();
      const file = writeText(path.join(tempFolder(), 'clients.csv'), [
        HEADER,
        '1;Bon;Un;;;;;',
        `2;${long(5 * 1024 * 1024)};Deux;;;;;`,
        '3;Bon;Trois;;;;;',
      ]);
      const result = await cli(['--data', data, 'dossiers', 'import', file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Ligne 3 : Colonne « Nom » trop longue');
      expect(result.stdout.length).toBeLessThan(2000);
      const list = await cli(['--data', data, 'dossiers', 'list', '--json']);
      expect((JSON.parse(list.stdout) as { number: string }[]).map((d) => d.number).sort()).toEqual(
        ['1', '3'],
      );
    },
  );
});

/** `dossiers add` for dossier 1, Lise Roy, with valid values. */
function addArgs(data: string): string[] {
  return [
    '--data',
    data,
    'dossiers',
    'add',
    '--number',
    '1',
    '--last-name',
    'Roy',
    '--first-name',
    'Lise',
  ];
}

/** `dossiers add --sin-stdin` fed a stream that never ends (bounded here to 60 s of data). */
function addWithEndlessStdin(data: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [POSTIER_BIN, ...addArgs(data), '--sin-stdin'], {
      cwd: REPO_ROOT,
      env: { ...process.env, POSTIER_LANG: 'fr' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => {}); // the command stops reading: EPIPE is expected
    const feed = setInterval(() => child.stdin.write('046454286'.repeat(1000)), 5);
    const stop = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(feed);
      clearTimeout(stop);
      resolve({ code: code ?? -1, stderr });
    });
  });
}

describe('bounded input: postier dossiers add and list', { timeout: 120_000 }, () => {
  const add = (data: string, extra: string[], stdin?: string) =>
    cli([...addArgs(data), ...extra], {}, stdin);

  it('reads the SIN from standard input with --sin-stdin, and never prints it', async () => {
    const data = await freshDataPlace();
    const added = await add(data, ['--sin-stdin'], '046 454 286\n');
    expect(added.code, added.stderr).toBe(0);
    const list = await cli(['--data', data, 'dossiers', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { sin: string }[])[0]!.sin).toBe('••• ••• 286');
    expect(`${added.stdout}${added.stderr}${list.stdout}`).not.toMatch(/046.?454/);
  });

  it('refuses --sin with --sin-stdin, an empty or endless standard input, without the SIN', async () => {
    const data = await freshDataPlace();
    const both = await add(data, ['--sin', '046454286', '--sin-stdin'], '046454286\n');
    expect([both.code, both.stderr.trim()]).toEqual([
      1,
      'Donnez le NAS avec --sin ou avec --sin-stdin, pas les deux.',
    ]);
    const empty = await add(data, ['--sin-stdin'], '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Aucun NAS n’a été lu sur l’entrée standard');
    const endless = await addWithEndlessStdin(data);
    expect(endless.code).toBe(1);
    expect(endless.stderr).toContain('« NAS » est trop long');
    const wrong = await add(data, ['--sin-stdin'], '046 454 28X\n');
    expect(wrong.code).toBe(1);
    for (const r of [both, empty, endless, wrong]) expect(r.stderr).not.toMatch(/046.?454/);
    const list = await cli(['--data', data, 'dossiers', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('refuses a too-long or invisible-character field from the command line', async () => {
    const data = await freshDataPlace();
    const longName = await add(data, ['--title', long(31)]);
    expect(longName.stderr.trim()).toBe(
      'Le champ « civilité » est trop long : 31 caractères pour 30 au plus. Raccourcissez-le.',
    );
    const tab = await cli(
      [
        '--data',
        data,
        'dossiers',
        'add',
        '--number',
        '1\t2',
        '--last-name',
        'R',
        '--first-name',
        'L',
      ],
      { POSTIER_LANG: 'en' },
    );
    expect(tab.stderr).toContain('The field “file number” holds an invisible character');
  });

  it('cuts long cells in the table; --json keeps every value whole', async () => {
    const data = await freshDataPlace();
    const email = `${long(240)}@exemple.fr`;
    const added = await cli([
      '--data',
      data,
      'dossiers',
      'add',
      '--number',
      long(50),
      '--last-name',
      long(100),
      '--first-name',
      long(100),
      '--email',
      `${email}; b@exemple.fr`,
    ]);
    expect(added.code, added.stderr).toBe(0);
    const table = await cli(['--data', data, 'dossiers', 'list']);
    const lines = table.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(4 * 60 + 3 * 2);
    expect(lines[1]).toContain('…');
    expect(table.stdout).toContain('--json donne les valeurs entières');
    const json = JSON.parse((await cli(['--data', data, 'dossiers', 'list', '--json'])).stdout) as {
      lastName: string;
      emails: string[];
    }[];
    expect(json[0]!.lastName).toBe(long(100));
    expect(json[0]!.emails).toEqual([email, 'b@exemple.fr']);
  });

  it('a 5 MB name stored before the limits existed prints as one short line', async () => {
    const data = await freshDataPlace();
    expect((await add(data, [])).code).toBe(0);
    const { openPostier } = await import('../../src-main/app/postier.js');
    const postier = await openPostier({ dataPath: data });
    // PostgreSQL (newer than the limits) can hold neither: its text never holds NUL, and an
    // index entry (the dossiers' names are indexed) is at most ~2.7 kB. There the longest
    // name it takes, 20 times the limit, ending in a bell.
    const length = onPostgres ? 2000 : 5 * 1024 * 1024;
    await postier.db
      .updateTable('dossiers')
      .set({ last_name: `${long(length)}${onPostgres ? '\u0007' : '\u0000'}\n` })
      .execute();
    await postier.close();
    const table = await cli(['--data', data, 'dossiers', 'list']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.length).toBeLessThan(1000);
    expect(table.stdout.split('\n')).toHaveLength(5); // header, row, count, notice, final newline
    const json = await cli(['--data', data, 'dossiers', 'list', '--json']);
    expect((JSON.parse(json.stdout) as { lastName: string }[])[0]!.lastName).toHaveLength(
      length + 2,
    );
  });
});
