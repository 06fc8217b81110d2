// Dossiers and their correspondents from a client list: each row checked, then every good
// row inserted or updated by dossier number in one transaction (all or nothing).
import { DEFAULT_FAMILY_LANGUAGE } from '../../src-shared/domain/family-language.js';
import { isUserError, UserError } from '../../src-shared/errors.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { checkRecordText, quoted } from '../../src-shared/validation/record-text.js';
import { splitAddressList } from '../../src-shared/validation/address-list.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as iq from '../db/import-queries.js';
import * as rq from '../db/records-queries.js';
import type { NewCorrespondentRow, NewDossierRow } from '../db/schema.js';
import { dossierDisplayName } from '../records/records-service.js';
import { readYesNo } from './cell-values.js';
import { resolveMapping } from './column-mapping.js';
import type {
  ColumnMapping,
  DossierField,
  DossierImportPreview,
  DossierImportResult,
  DossierPreviewRow,
  LoadedTable,
  RowProblem,
} from './import-types.js';
import {
  cellProblem,
  checkExtraColumns,
  checkTextCells,
  checkedAddress,
  composeAddress,
  languageCell,
  optionalName,
  sinCell,
  tooManyAddresses,
} from './dossier-row-checks.js';
import { rejectDuplicates } from './row-problems.js';
import path from 'node:path';

/** A row that passed every check, as it will be written. */
export interface PlannedDossier {
  line: number;
  number: string;
  title: string | null;
  lastName: string;
  firstName: string;
  /** undefined: the column is not mapped, the stored value stays. */
  address: string | undefined;
  emails: string[];
  /** undefined: keep the stored SIN (no column, or an empty cell). */
  sin: string | undefined;
  /** The SIN fails its check digit: imported, and named in the preview's warnings. */
  sinDoubtful: boolean;
  /** undefined: keep the stored language (French for a new dossier). */
  language: Language | undefined;
  manager: string | null | undefined;
  group: string | null | undefined;
  emailOptIn: boolean | undefined;
  extra: Record<string, string>;
}

export interface DossierPlan {
  rows: PlannedDossier[];
  rejected: RowProblem[];
  warnings: RowProblem[];
}

type Indexes = Partial<Record<DossierField, number>>;

/** Checks every row; nothing is read from or written to the database. */
export function planDossiers(
  table: LoadedTable,
  mapping: ColumnMapping<DossierField>,
): DossierPlan {
  const indexes = resolveMapping('dossiers', table.headers, mapping, path.basename(table.file));
  checkExtraColumns(mapping.extraColumns ?? []);
  const extraIndexes = (mapping.extraColumns ?? []).map((header) => ({
    header,
    index: table.headers.indexOf(header),
  }));
  const rejected: RowProblem[] = [];
  const planned: PlannedDossier[] = [];
  for (const row of table.rows) {
    const cell = (field: DossierField) => {
      const index = indexes[field];
      return index === undefined ? undefined : (row.cells[index] ?? '').trim();
    };
    const result = planRow(row.line, cell, indexes, table.headers);
    if ('code' in result) {
      rejected.push(result);
      continue;
    }
    const extra = extraValues(row.line, row.cells, extraIndexes);
    if ('code' in extra) {
      rejected.push(extra);
      continue;
    }
    planned.push({ ...result, extra: extra.values });
  }
  const { kept, duplicates } = rejectDuplicates(planned, (row) => row.number);
  const sinColumn = table.headers[indexes.sin!] ?? '';
  const warnings = kept
    .filter((row) => row.sinDoubtful)
    .map((row): RowProblem => ({
      line: row.line,
      code: 'import.warning.sinCheckDigit',
      params: { number: row.number, column: sinColumn },
    }));
  return {
    rows: kept,
    rejected: [...rejected, ...duplicates].sort((a, b) => a.line - b.line),
    warnings,
  };
}

/** The extra columns' values of one row, bounded like a dossier's extra fields. */
function extraValues(
  line: number,
  cells: string[],
  extraIndexes: { header: string; index: number }[],
): { values: Record<string, string> } | RowProblem {
  const values: Record<string, string> = {};
  for (const { header, index } of extraIndexes) {
    const checked = checkRecordText('extraValue', cells[index] ?? '');
    if ('problem' in checked) return cellProblem(line, header, checked.problem);
    if (checked.text !== '') values[header] = checked.text;
  }
  return { values };
}

function planRow(
  line: number,
  rawCell: (field: DossierField) => string | undefined,
  indexes: Indexes,
  headers: string[],
): PlannedDossier | RowProblem {
  const column = (field: DossierField) => headers[indexes[field]!] ?? field;
  const texts = checkTextCells(line, rawCell, column);
  if ('code' in texts) return texts;
  const { cell } = texts;
  const number = cell('number') ?? '';
  if (number === '')
    return { line, code: 'import.reason.missingNumber', params: { column: column('number') } };
  const lastName = cell('lastName') ?? '';
  if (lastName === '') {
    return {
      line,
      code: 'import.reason.missingName',
      params: { number, column: column('lastName') },
    };
  }
  const emails: string[] = [];
  for (const field of ['email1', 'email2'] as const) {
    const addresses = splitAddressList(cell(field) ?? '');
    const tooMany = tooManyAddresses(line, column(field), addresses.length);
    if (tooMany) return tooMany;
    for (const typed of addresses) {
      const email = checkedAddress(line, number, column(field), typed);
      if (typeof email !== 'string') return email;
      if (!emails.some((e) => e.toLowerCase() === email.toLowerCase())) emails.push(email);
    }
  }
  const sin = sinCell(line, number, column('sin'), cell('sin'));
  if ('code' in sin) return sin;
  const language = languageCell(line, number, column('language'), cell('language'));
  if ('code' in language) return language;
  let emailOptIn: boolean | undefined;
  const optInCell = cell('emailOptIn');
  if (optInCell !== undefined) {
    const value = readYesNo(optInCell);
    if (value === null) {
      return {
        line,
        code: 'import.reason.invalidYesNo',
        params: { number, value: quoted(optInCell), column: quoted(column('emailOptIn')) },
      };
    }
    emailOptIn = value;
  }
  const address = composeAddress(cell('address'), cell('postalCode'), cell('city'));
  const whole = address === undefined ? null : checkRecordText('address', address);
  if (whole && 'problem' in whole) return cellProblem(line, column('address'), whole.problem);
  return {
    line,
    number,
    title: cell('title') || null,
    lastName,
    firstName: cell('firstName') ?? '',
    address,
    emails,
    sin: sin.sin,
    sinDoubtful: sin.doubtful,
    language: language.language,
    manager: optionalName(cell('manager')),
    group: optionalName(cell('group')),
    emailOptIn,
    extra: {},
  };
}

// --- Preview and commit ------------------------------------------------------------------

export async function previewDossiers(
  db: Db,
  structureId: number,
  table: LoadedTable,
  mapping: ColumnMapping<DossierField>,
  limit = 20,
): Promise<DossierImportPreview> {
  const plan = planDossiers(table, mapping);
  const existing = new Set((await iq.listDossiersForImport(db, structureId)).map((d) => d.number));
  const optInDefault = (row: PlannedDossier) => row.emailOptIn ?? row.emails.length > 0;
  const rows: DossierPreviewRow[] = plan.rows.slice(0, limit).map((row) => ({
    line: row.line,
    action: existing.has(row.number) ? 'update' : 'create',
    number: row.number,
    displayName: dossierDisplayName({
      title: row.title,
      first_name: row.firstName,
      last_name: row.lastName,
    }),
    address: row.address ?? '',
    emails: row.emails,
    emailOptIn: optInDefault(row),
    hasSin: row.sin !== undefined,
    manager: row.manager ?? null,
    group: row.group ?? null,
  }));
  const toUpdate = plan.rows.filter((row) => existing.has(row.number)).length;
  return {
    mapping,
    rows,
    toCreate: plan.rows.length - toUpdate,
    toUpdate,
    rejected: plan.rejected,
    warnings: plan.warnings,
  };
}

/**
 * Imports every good row in one write transaction: a failure part-way (disk, lock, crash)
 * leaves the database as it was, and says so.
 */
export async function commitDossiers(
  db: Db,
  structureId: number,
  table: LoadedTable,
  mapping: ColumnMapping<DossierField>,
): Promise<DossierImportResult> {
  const plan = planDossiers(table, mapping);
  try {
    const written = await writeTransaction(db, (tx) => writeDossiers(tx, structureId, plan.rows));
    return { ...written, rejected: plan.rejected, warnings: plan.warnings };
  } catch (error) {
    throw rolledBack(path.basename(table.file), error);
  }
}

export function rolledBack(file: string, error: unknown): UserError {
  // The cause is told in French, the language of the office and of the import report.
  const detail = isUserError(error)
    ? translate('fr', error.code, error.params)
    : error instanceof Error
      ? error.message
      : String(error);
  return new UserError('import.error.rolledBack', { file, detail });
}

async function writeDossiers(
  tx: Db,
  structureId: number,
  rows: PlannedDossier[],
): Promise<Omit<DossierImportResult, 'rejected' | 'warnings'>> {
  const staff = await resolveNames(
    rows.map((r) => r.manager),
    await rq.listStaff(tx, structureId),
    async (name) => (await rq.insertStaff(tx, structureId, name, null)).id,
  );
  const groups = await resolveNames(
    rows.map((r) => r.group),
    await rq.listClientGroups(tx, structureId),
    async (name) => (await rq.insertClientGroup(tx, structureId, name, null)).id,
  );
  const existing = new Map(
    (await iq.listDossiersForImport(tx, structureId)).map((d) => [d.number, d]),
  );
  const creates = rows.filter((row) => !existing.has(row.number));
  const updates = rows.filter((row) => existing.has(row.number));

  const createdIds = await iq.insertDossiers(
    tx,
    creates.map((row): NewDossierRow => ({
      structure_id: structureId,
      number: row.number,
      title: row.title,
      last_name: row.lastName,
      first_name: row.firstName,
      address: row.address ?? '',
      manager_id: staff.idOf(row.manager) ?? null,
      group_id: groups.idOf(row.group) ?? null,
      email_opt_in: (row.emailOptIn ?? row.emails.length > 0) ? 1 : 0,
      sin: row.sin ?? null,
      extra: JSON.stringify(row.extra),
      // Every row names every column: one multi-row INSERT takes no DEFAULT in SQLite.
      language: row.language ?? DEFAULT_FAMILY_LANGUAGE,
    })),
  );
  for (const row of updates) {
    const current = existing.get(row.number)!;
    await iq.updateDossierForImport(tx, current.id, {
      title: row.title,
      last_name: row.lastName,
      first_name: row.firstName,
      ...(row.address !== undefined && { address: row.address }),
      ...(row.manager !== undefined && { manager_id: staff.idOf(row.manager) ?? null }),
      ...(row.group !== undefined && { group_id: groups.idOf(row.group) ?? null }),
      ...(row.emailOptIn !== undefined && { email_opt_in: row.emailOptIn ? 1 : 0 }),
      ...(row.sin !== undefined && { sin: row.sin }),
      ...(row.language !== undefined && { language: row.language }),
      ...(Object.keys(row.extra).length > 0 && {
        extra: JSON.stringify({ ...(JSON.parse(current.extra) as object), ...row.extra }),
      }),
    });
  }
  const dossierIds = new Map<string, number>([
    ...createdIds,
    ...updates.map((row): [string, number] => [row.number, existing.get(row.number)!.id]),
  ]);
  await writeCorrespondents(tx, structureId, rows, dossierIds);
  return {
    imported: creates.length,
    updated: updates.length,
    createdStaff: staff.created,
    createdGroups: groups.created,
  };
}

/**
 * E-mail 1 and 2 become correspondents who receive documents. An address the dossier
 * already has is kept (and set to receive); correspondents absent from the file stay.
 */
async function writeCorrespondents(
  tx: Db,
  structureId: number,
  rows: PlannedDossier[],
  dossierIds: Map<string, number>,
): Promise<void> {
  const byDossier = new Map<number, iq.ImportCorrespondentKey[]>();
  for (const c of await iq.listCorrespondentsForImport(tx, structureId)) {
    const list = byDossier.get(c.dossier_id) ?? [];
    list.push(c);
    byDossier.set(c.dossier_id, list);
  }
  const inserts: NewCorrespondentRow[] = [];
  const toReceive: number[] = [];
  for (const row of rows) {
    const dossierId = dossierIds.get(row.number)!;
    const current = byDossier.get(dossierId) ?? [];
    let position = current.reduce((max, c) => Math.max(max, c.position + 1), 0);
    for (const email of row.emails) {
      const same = current.find((c) => c.email?.toLowerCase() === email.toLowerCase());
      if (same) {
        if (same.receives_documents === 0) toReceive.push(same.id);
        continue;
      }
      inserts.push({
        dossier_id: dossierId,
        name: [row.firstName, row.lastName].filter((p) => p).join(' '),
        relation: null,
        email,
        receives_documents: 1,
        position: position++,
      });
    }
  }
  await iq.insertCorrespondents(tx, inserts);
  await iq.markCorrespondentsReceiving(tx, toReceive);
}

interface NameResolver {
  idOf(name: string | null | undefined): number | undefined;
  created: string[];
}

/** Managers and groups by name (case and accents as typed); the missing ones are created. */
async function resolveNames(
  names: (string | null | undefined)[],
  existing: { id: number; name: string }[],
  create: (name: string) => Promise<number>,
): Promise<NameResolver> {
  const key = (name: string) => name.trim().toLocaleLowerCase('fr');
  const ids = new Map(existing.map((row) => [key(row.name), row.id]));
  const created: string[] = [];
  for (const name of names) {
    if (!name || ids.has(key(name))) continue;
    ids.set(key(name), await create(name));
    created.push(name);
  }
  return { idOf: (name) => (name ? ids.get(key(name)) : undefined), created };
}
