// Backups with SQLite's online backup API: one a day at the first opening, seven kept, more
// on demand; a backup restored and opened, refused while another workstation sends.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { dailyBackup, listBackups } from '../../src-main/db/backup.js';
import { openDatabase } from '../../src-main/db/connection.js';
import { postier } from '../support/cli.js';
import { holdDatabase } from '../support/db-processes.js';
import { tempFolder } from '../support/temp-folder.js';

async function officeWith(dataPath: string, numbers: string[]): Promise<void> {
  const office = await openPostier({ dataPath });
  const structure = await office.records.chooseStructure();
  for (const number of numbers) {
    await office.records.createDossier(structure.id, {
      number,
      lastName: `Client ${number}`,
      correspondents: [{ email: `${number.toLowerCase()}@example.com` }],
    });
  }
  await office.close();
}

async function dossierNumbers(dataPath: string): Promise<string[]> {
  const office = await openPostier({ dataPath });
  const found = await office.records.searchDossiers({ limit: 100 });
  await office.close();
  return found.items.map((d) => d.number).sort();
}

describe('automatic backups', () => {
  it('the day’s first opening makes one backup, the next openings none', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    await officeWith(dataPath, ['A-2']);
    const backups = path.join(dataPath, 'backups');
    expect(listBackups(backups)).toHaveLength(1);
    expect(listBackups(backups)[0]).toMatch(/^postier-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
  }, 60_000);

  it('keeps the last seven, and leaves other files in backups/ alone', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    const backups = path.join(dataPath, 'backups');
    fs.rmSync(backups, { recursive: true });
    fs.mkdirSync(backups);
    for (let day = 1; day <= 9; day++) {
      fs.writeFileSync(path.join(backups, `postier-2020-01-0${day}-080000.sqlite`), 'old');
    }
    fs.writeFileSync(path.join(backups, 'avant-migration.sqlite'), 'mine');
    const handle = openDatabase(path.join(dataPath, 'postier.sqlite'));
    const written = await dailyBackup(handle.sqlite, backups, new Date(2026, 11, 4, 9, 5, 7));
    await handle.close();
    expect(path.basename(written!)).toBe('postier-2026-12-04-090507.sqlite');
    expect(fs.readdirSync(backups).sort()).toEqual([
      'avant-migration.sqlite',
      'postier-2020-01-04-080000.sqlite',
      'postier-2020-01-05-080000.sqlite',
      'postier-2020-01-06-080000.sqlite',
      'postier-2020-01-07-080000.sqlite',
      'postier-2020-01-08-080000.sqlite',
      'postier-2020-01-09-080000.sqlite',
      'postier-2026-12-04-090507.sqlite',
    ]);
  }, 60_000);
});

describe('postier db backup / check / restore', () => {
  it('backup, more work, restore: the database opens with the backup’s data; the replaced one is kept', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1', 'A-2']);
    const out = path.join(tempFolder(), 'copie.sqlite');
    const backedUp = await postier(['--data', dataPath, 'db', 'backup', '--out', out]);
    expect(backedUp.stdout).toBe(`Sauvegarde écrite : ${out}\n`);
    await officeWith(dataPath, ['A-3']);

    const restored = await postier(['--data', dataPath, 'db', 'restore', out]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Base de données restaurée depuis');
    expect(await dossierNumbers(dataPath)).toEqual(['A-1', 'A-2']);

    const kept = fs.readdirSync(dataPath).filter((name) => name.includes('.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^postier\.sqlite\.before-restore-\d{4}-\d{2}-\d{2}-\d{6}$/);
    const checked = await postier(['--data', dataPath, 'db', 'check']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('est intacte');
    expect(checked.stdout).toContain('Dernière sauvegarde : ');
    // The kept file is the database as it was: A-3 is in it.
    const keptFolder = tempFolder();
    fs.copyFileSync(path.join(dataPath, kept[0]!), path.join(keptFolder, 'postier.sqlite'));
    expect(await dossierNumbers(keptFolder)).toEqual(['A-1', 'A-2', 'A-3']);
  }, 120_000);

  it('a zero-byte database beside documents is recovered from the latest backup', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    expect((await postier(['--data', dataPath, 'db', 'backup'])).code).toBe(0);
    fs.writeFileSync(path.join(dataPath, 'documents', 'facture.pdf'), '%PDF-1.4\n');
    fs.writeFileSync(path.join(dataPath, 'postier.sqlite'), '');
    const backups = path.join(dataPath, 'backups');
    const latest = path.join(backups, listBackups(backups).at(-1)!);
    const restored = await postier(['--data', dataPath, 'db', 'restore', latest]);
    expect(restored.code).toBe(0);
    expect(await dossierNumbers(dataPath)).toEqual(['A-1']);
  }, 60_000);

  it('restore is refused while another workstation holds the sending lease, and changes nothing', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    const out = path.join(tempFolder(), 'copie.sqlite');
    expect((await postier(['--data', dataPath, 'db', 'backup', '--out', out])).code).toBe(0);
    await officeWith(dataPath, ['A-2']);
    const file = path.join(dataPath, 'postier.sqlite');
    await holdDatabase(file, 'lease');
    const before = fs.readFileSync(file);
    const result = await postier(['--data', dataPath, 'db', 'restore', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Restauration refusée : le poste POSTE-COMPTA (marie) envoie des messages en ce moment. Attendez la fin de l’envoi ou mettez-le en pause, puis recommencez.\n',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataPath).some((n) => n.includes('before-restore'))).toBe(false);
  }, 60_000);

  it('refuses what is not a whole Postier database, naming why', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    const elsewhere = tempFolder();
    const text = path.join(elsewhere, 'notes.txt');
    fs.writeFileSync(text, 'ceci n’est pas une base');
    const otherSqlite = path.join(elsewhere, 'autre.sqlite');
    const other = openDatabase(otherSqlite);
    other.sqlite.exec('create table clients (id integer)');
    await other.close();
    const damaged = path.join(elsewhere, 'abimee.sqlite');
    fs.copyFileSync(path.join(dataPath, 'postier.sqlite'), damaged);
    fs.truncateSync(damaged, Math.floor(fs.statSync(damaged).size / 2));
    const cases: [string, string][] = [
      [path.join(elsewhere, 'absent.sqlite'), 'est introuvable'],
      [text, 'n’est pas une base de données Postier'],
      [otherSqlite, 'n’est pas une base de données Postier'],
      [damaged, 'est elle-même endommagée'],
      [path.join(dataPath, 'postier.sqlite'), 'est la base de données en service'],
    ];
    const before = fs.readFileSync(path.join(dataPath, 'postier.sqlite'));
    for (const [file, expected] of cases) {
      const result = await postier(['--data', dataPath, 'db', 'restore', file]);
      expect({ file, code: result.code, says: result.stderr.includes(expected) }).toEqual({
        file,
        code: 1,
        says: true,
      });
    }
    expect(fs.readFileSync(path.join(dataPath, 'postier.sqlite')).equals(before)).toBe(true);
    expect(await dossierNumbers(dataPath)).toEqual(['A-1']);
  }, 120_000);

  it('db backup refuses to copy a damaged database', async () => {
    const dataPath = tempFolder();
    await officeWith(dataPath, ['A-1']);
    const file = path.join(dataPath, 'postier.sqlite');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const out = path.join(tempFolder(), 'copie.sqlite');
    const result = await postier(['--data', dataPath, 'db', 'backup', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('est endommagée');
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});
