// A damaged or lost database file, damaged on purpose: refused at opening with a plain
// message saying what to do, and never silently re-created or written into.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { isUserError } from '../../src-shared/errors.js';
import { postier } from '../support/cli.js';
import { tempFolder } from '../support/temp-folder.js';

const DAMAGED = 'est endommagée';
const WHAT_TO_DO = 'restaurez la dernière sauvegarde avec « postier db restore FICHIER »';

/** An office with enough dossiers for the file to have many pages, and one PDF stored. */
async function officeFolder(): Promise<{ dataPath: string; file: string }> {
  const dataPath = tempFolder();
  const office = await openPostier({ dataPath });
  const structure = await office.records.createStructure({ name: 'Cabinet Tremblay' });
  for (let i = 0; i < 150; i++) {
    await office.records.createDossier(structure.id, {
      number: `D-${i}`,
      lastName: `Client ${i} ${'x'.repeat(80)}`,
      correspondents: [{ email: `client${i}@example.com` }],
    });
  }
  await office.close();
  const stored = path.join(dataPath, 'documents', '2026', 'facture-D-1.pdf');
  fs.mkdirSync(path.dirname(stored), { recursive: true });
  fs.writeFileSync(stored, '%PDF-1.4\n%%EOF\n');
  return { dataPath, file: path.join(dataPath, 'postier.sqlite') };
}

async function openingError(dataPath: string): Promise<unknown> {
  return openPostier({ dataPath }).then(
    async (opened) => {
      await opened.close();
      return null;
    },
    (error: unknown) => error,
  );
}

function pageSize(file: string): number {
  const header = fs.readFileSync(file).subarray(16, 18);
  const size = header.readUInt16BE(0);
  return size === 1 ? 65_536 : size;
}

/** Overwrites page `page` (1 = the header's) with bytes that mean nothing. */
function garblePage(file: string, page: number): void {
  const size = pageSize(file);
  const fd = fs.openSync(file, 'r+');
  const garbage = Buffer.alloc(size);
  for (let i = 0; i < size; i++) garbage[i] = (i * 7919 + page * 31) & 0xff;
  fs.writeSync(fd, garbage, 0, size, (page - 1) * size);
  fs.closeSync(fd);
}

describe('a lost database beside its documents', () => {
  it('a zero-byte file is refused, and nothing is re-created in it', async () => {
    const { dataPath, file } = await officeFolder();
    fs.writeFileSync(file, '');
    const result = await postier(['--data', dataPath, 'dossiers', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('est vide (0 octet) alors que le dossier');
    expect(result.stderr).toContain('postier db restore FICHIER');
    expect(fs.statSync(file).size).toBe(0);
  }, 60_000);

  it('a missing file is refused from every door, and not created', async () => {
    const { dataPath, file } = await officeFolder();
    fs.rmSync(file);
    const error = await openingError(dataPath);
    expect(isUserError(error) && error.code).toBe('error.database.missing');
    const result = await postier(['--data', dataPath, 'db', 'check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('est introuvable alors que le dossier');
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);

  it('a new data folder (no documents yet) still starts with an empty database', async () => {
    const dataPath = tempFolder();
    fs.mkdirSync(path.join(dataPath, 'documents'));
    fs.writeFileSync(path.join(dataPath, 'postier.sqlite'), '');
    const opened = await openPostier({ dataPath });
    expect(opened.appliedMigrations.length).toBeGreaterThan(0);
    await opened.close();
  });
});

describe('a damaged database', () => {
  it('truncated: the opening says so plainly and what to do, and db check says the same', async () => {
    const { dataPath, file } = await officeFolder();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const bytes = fs.readFileSync(file);
    const opened = await postier(['--data', dataPath, 'dossiers', 'list']);
    expect(opened.code).toBe(1);
    expect(opened.stderr).toContain(DAMAGED);
    expect(opened.stderr).toContain(WHAT_TO_DO);
    expect(opened.stderr).not.toMatch(/inattendue|malformed/);
    const checked = await postier(['--data', dataPath, 'db', 'check']);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(DAMAGED);
    // Nothing was written into it.
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  }, 60_000);

  it('a page overwritten with garbage, wherever it is: refused at opening, nothing written', async () => {
    const { dataPath, file } = await officeFolder();
    const pristine = fs.readFileSync(file);
    const pages = pristine.length / pageSize(file);
    const tried = [1, 2, 3, Math.floor(pages / 2), pages - 1, pages];
    const outcomes: string[] = [];
    for (const page of tried) {
      fs.writeFileSync(file, pristine);
      garblePage(file, page);
      const garbled = fs.readFileSync(file);
      const error = await openingError(dataPath);
      outcomes.push(`${page}: ${isUserError(error) ? error.code : String(error)}`);
      expect(fs.readFileSync(file).equals(garbled)).toBe(true);
    }
    expect(outcomes).toEqual(tried.map((page) => `${page}: error.database.damaged`));
  }, 60_000);

  it('db check names the damage in English too', async () => {
    const { dataPath, file } = await officeFolder();
    fs.truncateSync(file, 3 * pageSize(file));
    const result = await postier(['--data', dataPath, 'db', 'check'], { POSTIER_LANG: 'en' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is damaged');
    expect(result.stderr).toContain('restore the latest backup with “postier db restore FILE”');
  }, 60_000);
});
