// Step 2: which column feeds which field. Guessed from the headers (accents, case, spaces
// and punctuation ignored), corrected by the user, and saved by name for next month.
import { UserError } from '../../src-shared/errors.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { FIELD_SPECS, FIELDS_BY_KIND, type FieldSpec } from './column-synonyms.js';
import {
  type ColumnMapping,
  type DocumentField,
  type DossierField,
  type ImportKind,
  type SavedMapping,
} from './import-types.js';

export const MAPPINGS_SETTING = 'import.mappings';

type FieldOf<K extends ImportKind> = K extends 'dossiers' ? DossierField : DocumentField;

/** "N° Dossier" → "ndossier", "E-mail" → "email", "Prénom" → "prenom". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The mapping guessed from the headers alone. */
export function guessMapping<K extends ImportKind>(
  kind: K,
  headers: string[],
): ColumnMapping<FieldOf<K>> {
  const specs = FIELD_SPECS[kind] as Record<string, FieldSpec>;
  const used = new Set<string>();
  const columns: Partial<Record<string, string>> = {};
  const normalized = headers.map((header) => ({ header, key: normalizeHeader(header) }));
  for (const field of FIELDS_BY_KIND[kind]) {
    const synonyms = specs[field]!.synonyms;
    const found = normalized.find((h) => !used.has(h.header) && synonyms.includes(h.key));
    if (found) {
      columns[field] = found.header;
      used.add(found.header);
    }
  }
  if (kind === 'dossiers') guessOtherEmails(normalized, used, columns);
  return { columns } as ColumnMapping<FieldOf<K>>;
}

/** "Courriel parent 1", "E-mail mère": any header about e-mail fills the free e-mail slots. */
function guessOtherEmails(
  headers: { header: string; key: string }[],
  used: Set<string>,
  columns: Partial<Record<string, string>>,
): void {
  for (const { header, key } of headers) {
    if (used.has(header) || !/mail|courriel/.test(key)) continue;
    if (/optin|envoi|par(e)?mail/.test(key)) continue;
    const slot = columns.email1 === undefined && !key.endsWith('2') ? 'email1' : 'email2';
    if (columns[slot] !== undefined) continue;
    columns[slot] = header;
    used.add(header);
  }
}

/**
 * Checks a mapping against a file: every required field has a column, every column named
 * exists. Returns, for each mapped field, its column index.
 */
export function resolveMapping<K extends ImportKind>(
  kind: K,
  headers: string[],
  mapping: ColumnMapping<FieldOf<K>>,
  fileLabel: string,
  optionalOverrides: Partial<Record<FieldOf<K>, boolean>> = {},
): Partial<Record<FieldOf<K>, number>> {
  const specs = FIELD_SPECS[kind] as Record<string, FieldSpec>;
  const indexes: Partial<Record<string, number>> = {};
  for (const [field, header] of Object.entries(mapping.columns) as [string, string | undefined][]) {
    if (header === undefined || header === '') continue;
    if (!(field in specs)) throw new UserError('import.error.unknownField', { field });
    const index = headers.indexOf(header);
    if (index === -1) {
      throw new UserError('import.error.mappedColumnMissing', {
        file: fileLabel,
        column: header,
        field: specs[field]!.label,
      });
    }
    indexes[field] = index;
  }
  for (const [field, spec] of Object.entries(specs)) {
    const required = (optionalOverrides as Record<string, boolean>)[field] ?? spec.required;
    if (required && indexes[field] === undefined) {
      throw new UserError('import.error.missingColumn', {
        file: fileLabel,
        column: spec.label,
        headers: headers.join(', '),
      });
    }
  }
  for (const header of mapping.extraColumns ?? []) {
    if (!headers.includes(header)) {
      throw new UserError('import.error.mappedColumnMissing', {
        file: fileLabel,
        column: header,
        field: header,
      });
    }
  }
  return indexes as Partial<Record<FieldOf<K>, number>>;
}

// --- Saved mappings --------------------------------------------------------------------

export async function listMappings(db: Db): Promise<SavedMapping[]> {
  const all = await readSetting<Record<string, SavedMapping>>(db, MAPPINGS_SETTING, {});
  return Object.values(all).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export async function loadMapping<K extends ImportKind>(
  db: Db,
  kind: K,
  name: string,
): Promise<ColumnMapping<FieldOf<K>>> {
  const all = await readSetting<Record<string, SavedMapping>>(db, MAPPINGS_SETTING, {});
  const saved = all[name];
  if (!saved || saved.kind !== kind) {
    const names = Object.values(all)
      .filter((m) => m.kind === kind)
      .map((m) => m.name);
    throw new UserError('import.error.mappingNotFound', { name, names: names.join(', ') || '—' });
  }
  return {
    columns: saved.columns as Partial<Record<FieldOf<K>, string>>,
    ...(saved.extraColumns && { extraColumns: saved.extraColumns }),
  };
}

export async function saveMapping(
  db: Db,
  name: string,
  kind: ImportKind,
  mapping: ColumnMapping,
): Promise<SavedMapping> {
  const trimmed = name.trim();
  if (trimmed === '')
    throw new UserError('error.field.required', { field: 'nom de la correspondance' });
  const saved: SavedMapping = {
    name: trimmed,
    kind,
    columns: mapping.columns,
    ...(mapping.extraColumns?.length && { extraColumns: mapping.extraColumns }),
    savedAt: new Date().toISOString(),
  };
  // Read and written in one transaction: two workstations saving at once both keep theirs.
  await writeTransaction(db, async (tx) => {
    const all = await readSetting<Record<string, SavedMapping>>(tx, MAPPINGS_SETTING, {});
    await writeSetting(tx, MAPPINGS_SETTING, { ...all, [trimmed]: saved });
  });
  return saved;
}
