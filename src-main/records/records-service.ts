// Structures, staff, client groups, dossiers and correspondents: validation, then SQL.
import { UserError } from '../../src-shared/errors.js';
import type {
  ClientGroup,
  Correspondent,
  CorrespondentInput,
  Dossier,
  DossierInput,
  DossierPatch,
  DossierSearch,
  Page,
  StaffMember,
  Structure,
  StructureInput,
} from '../../src-shared/domain/records.js';
import { boundedText } from '../../src-shared/validation/record-text.js';
import { isValidEmail, maskSin } from '../../src-shared/validation/identity.js';
import { isUniqueViolation, writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/records-queries.js';
import type { CorrespondentRow, DossierRow, StructureRow } from '../db/schema.js';
import { optionalAddress } from './email-address.js';
import {
  correspondentRow,
  extraFields,
  familyLanguage,
  nullableText,
  optionalText,
  ownLanguage,
  requiredText,
  sinOrNull,
} from './record-input.js';

export const DEFAULT_STRUCTURE_NAME = 'Mon établissement';

export class RecordsService {
  constructor(private readonly db: Db) {}

  // --- Structures -------------------------------------------------------------------

  async listStructures(): Promise<Structure[]> {
    return (await q.listStructures(this.db)).map(toStructure);
  }

  async createStructure(input: StructureInput): Promise<Structure> {
    const id = await q.insertStructure(this.db, {
      name: requiredText('structureName', 'name', input.name),
      address: optionalText('structureAddress', input.address),
      phone: nullableText('phone', input.phone),
      locale: input.locale ?? 'fr-CA',
      currency: input.currency ?? 'CAD',
      sender_name: nullableText('senderName', input.senderName),
      functional_email: optionalAddress(input.functionalEmail),
      communication_email: optionalAddress(input.communicationEmail),
    });
    return this.getStructure(id);
  }

  async updateStructure(
    id: number,
    version: number,
    patch: Partial<StructureInput>,
  ): Promise<Structure> {
    const updated = await q.updateStructure(this.db, id, version, {
      ...(patch.name !== undefined && { name: requiredText('structureName', 'name', patch.name) }),
      ...(patch.address !== undefined && {
        address: optionalText('structureAddress', patch.address),
      }),
      ...(patch.phone !== undefined && { phone: nullableText('phone', patch.phone) }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.senderName !== undefined && {
        sender_name: nullableText('senderName', patch.senderName),
      }),
      ...(patch.functionalEmail !== undefined && {
        functional_email: optionalAddress(patch.functionalEmail),
      }),
      ...(patch.communicationEmail !== undefined && {
        communication_email: optionalAddress(patch.communicationEmail),
      }),
    });
    if (!updated) throw staleError('établissement');
    return this.getStructure(id);
  }

  async getStructure(idOrName: number | string): Promise<Structure> {
    const row = await q.findStructure(this.db, idOrName);
    if (!row) throw new UserError('error.structure.notFound', { structure: String(idOrName) });
    return toStructure(row);
  }

  /**
   * The structure a command works on: the one named, else the only one there is (created
   * on first use). With several and none named, asks which.
   */
  async chooseStructure(idOrName?: number | string): Promise<Structure> {
    if (idOrName !== undefined) return this.getStructure(idOrName);
    const all = await q.listStructures(this.db);
    // First use of a new data folder: work in a default organisation, renamed later.
    if (all.length === 0) return this.ensureDefaultStructure();
    if (all.length > 1) throw new UserError('error.structure.ambiguous', { example: all[0]!.id });
    return toStructure(all[0]!);
  }

  /** Creates the first structure on a new database so that every command has one. */
  async ensureDefaultStructure(name = DEFAULT_STRUCTURE_NAME): Promise<Structure> {
    const all = await q.listStructures(this.db);
    return all.length > 0 ? toStructure(all[0]!) : this.createStructure({ name });
  }

  // --- Staff and client groups ------------------------------------------------------

  async addStaff(structureId: number, name: string, email?: string | null): Promise<StaffMember> {
    const row = await q.insertStaff(
      this.db,
      structureId,
      requiredText('staffName', 'name', name),
      optionalAddress(email),
    );
    return { id: row.id, structureId: row.structure_id, name: row.name, email: row.email };
  }

  async listStaff(structureId: number): Promise<StaffMember[]> {
    return (await q.listStaff(this.db, structureId)).map((row) => ({
      id: row.id,
      structureId: row.structure_id,
      name: row.name,
      email: row.email,
    }));
  }

  async addClientGroup(
    structureId: number,
    name: string,
    email?: string | null,
  ): Promise<ClientGroup> {
    const row = await q.insertClientGroup(
      this.db,
      structureId,
      requiredText('groupName', 'name', name),
      optionalAddress(email),
    );
    return { id: row.id, structureId: row.structure_id, name: row.name, email: row.email };
  }

  async listClientGroups(structureId: number): Promise<ClientGroup[]> {
    return (await q.listClientGroups(this.db, structureId)).map((row) => ({
      id: row.id,
      structureId: row.structure_id,
      name: row.name,
      email: row.email,
    }));
  }

  // --- Dossiers -----------------------------------------------------------------------

  /** Creates a dossier and its correspondents in one transaction: all or nothing. */
  async createDossier(structureId: number, input: DossierInput): Promise<Dossier> {
    const number = requiredText('number', 'number', input.number);
    const row = {
      structure_id: structureId,
      number,
      title: nullableText('title', input.title),
      last_name: requiredText('lastName', 'lastName', input.lastName),
      first_name: optionalText('firstName', input.firstName),
      address: optionalText('address', input.address),
      manager_id: input.managerId ?? null,
      group_id: input.groupId ?? null,
      email_opt_in: input.emailOptIn ? 1 : 0,
      sin: sinOrNull(input.sin),
      extra: extraFields(input.extra ?? {}),
      language: familyLanguage(input.language),
    };
    const correspondents = (input.correspondents ?? []).map(correspondentRow);
    const id = await writeTransaction(this.db, async (tx) => {
      const dossierId = await q.insertDossier(tx, row);
      for (const [position, c] of correspondents.entries()) {
        await q.insertCorrespondent(tx, { ...c, dossier_id: dossierId, position });
      }
      return dossierId;
    }).catch(async (error: unknown) => {
      // Named once the transaction is over: PostgreSQL reads nothing more in a failed one.
      if (!isUniqueViolation(error)) throw error;
      const structure = await q.findStructure(this.db, structureId);
      throw new UserError('error.dossier.duplicateNumber', {
        number,
        structure: structure?.name ?? '',
      });
    });
    return this.getDossier(id);
  }

  /** Applies a patch if nobody changed the dossier since `version` was read. */
  async updateDossier(id: number, version: number, patch: DossierPatch): Promise<Dossier> {
    const updated = await q
      .updateDossier(this.db, id, version, {
        ...(patch.number !== undefined && {
          number: requiredText('number', 'number', patch.number),
        }),
        ...(patch.title !== undefined && { title: nullableText('title', patch.title) }),
        ...(patch.lastName !== undefined && {
          last_name: requiredText('lastName', 'lastName', patch.lastName),
        }),
        ...(patch.firstName !== undefined && {
          first_name: optionalText('firstName', patch.firstName),
        }),
        ...(patch.address !== undefined && { address: optionalText('address', patch.address) }),
        ...(patch.managerId !== undefined && { manager_id: patch.managerId }),
        ...(patch.groupId !== undefined && { group_id: patch.groupId }),
        ...(patch.emailOptIn !== undefined && { email_opt_in: patch.emailOptIn ? 1 : 0 }),
        ...(patch.sin !== undefined && { sin: sinOrNull(patch.sin) }),
        ...(patch.extra !== undefined && { extra: extraFields(patch.extra) }),
        ...(patch.language !== undefined && { language: familyLanguage(patch.language) }),
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new UserError('error.dossier.duplicateNumber', {
            number: patch.number ?? '',
            structure: '',
          });
        }
        throw error;
      });
    if (!updated) {
      await this.getDossier(id); // says "not found" when it is gone rather than "stale"
      throw staleError('dossier');
    }
    return this.getDossier(id);
  }

  async getDossier(id: number): Promise<Dossier> {
    const row = await q.findDossierById(this.db, id);
    if (!row) throw new UserError('error.dossier.notFound', { number: `#${id}` });
    return toDossier(row, await q.listCorrespondents(this.db, [id]));
  }

  async getDossierByNumber(structureId: number, number: string): Promise<Dossier> {
    const row = await q.findDossierByNumber(this.db, structureId, boundedText('number', number));
    if (!row) throw new UserError('error.dossier.notFound', { number });
    return toDossier(row, await q.listCorrespondents(this.db, [row.id]));
  }

  async searchDossiers(search: DossierSearch = {}): Promise<Page<Dossier>> {
    const { total, rows } = await q.searchDossiers(this.db, {
      ...(search.structureId !== undefined && { structureId: search.structureId }),
      ...(search.text !== undefined && { text: search.text }),
      limit: clampLimit(search.limit),
      offset: Math.max(0, search.offset ?? 0),
    });
    const correspondents = await q.listCorrespondents(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      total,
      items: rows.map((row) =>
        toDossier(
          row,
          correspondents.filter((c) => c.dossier_id === row.id),
        ),
      ),
    };
  }

  // --- Correspondents -----------------------------------------------------------------

  async addCorrespondent(dossierId: number, input: CorrespondentInput): Promise<Correspondent> {
    const dossier = await this.getDossier(dossierId);
    const id = await q.insertCorrespondent(this.db, {
      ...correspondentRow(input),
      dossier_id: dossierId,
      position: dossier.correspondents.length,
    });
    return (await this.getDossier(dossierId)).correspondents.find((c) => c.id === id)!;
  }

  async updateCorrespondent(id: number, version: number, patch: CorrespondentInput): Promise<void> {
    const ok = await q.updateCorrespondent(this.db, id, version, {
      ...(patch.name !== undefined && { name: optionalText('correspondentName', patch.name) }),
      ...(patch.relation !== undefined && { relation: nullableText('relation', patch.relation) }),
      ...(patch.email !== undefined && { email: optionalAddress(patch.email) }),
      ...(patch.receivesDocuments !== undefined && {
        receives_documents: patch.receivesDocuments ? 1 : 0,
      }),
      ...(patch.language !== undefined && { language: ownLanguage(patch.language) }),
    });
    if (!ok) throw staleError('correspondant');
  }

  async removeCorrespondent(id: number, version: number): Promise<void> {
    if (!(await q.deleteCorrespondent(this.db, id, version))) throw staleError('correspondant');
  }
}

// --- Validation and mapping -------------------------------------------------------------

const MAX_LIMIT = 500;

function clampLimit(limit: number | undefined): number {
  return Math.min(Math.max(1, limit ?? 50), MAX_LIMIT);
}

function staleError(record: string): UserError {
  return new UserError('error.record.stale', { record });
}

function toStructure(row: StructureRow): Structure {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    locale: row.locale,
    currency: row.currency,
    senderName: row.sender_name,
    functionalEmail: row.functional_email,
    communicationEmail: row.communication_email,
    version: row.version,
  };
}

export function dossierDisplayName(
  row: Pick<DossierRow, 'title' | 'first_name' | 'last_name'>,
): string {
  return [row.title, row.first_name, row.last_name].filter((part) => part && part.trim()).join(' ');
}

function toDossier(row: DossierRow, correspondents: CorrespondentRow[]): Dossier {
  return {
    id: row.id,
    structureId: row.structure_id,
    number: row.number,
    title: row.title,
    lastName: row.last_name,
    firstName: row.first_name,
    displayName: dossierDisplayName(row),
    address: row.address,
    managerId: row.manager_id,
    groupId: row.group_id,
    emailOptIn: row.email_opt_in === 1,
    hasSin: row.sin !== null,
    sinMasked: row.sin === null ? null : maskSin(row.sin),
    extra: JSON.parse(row.extra) as Record<string, string>,
    language: familyLanguage(row.language),
    version: row.version,
    correspondents: correspondents.map((c) => ({
      id: c.id,
      dossierId: c.dossier_id,
      name: c.name,
      relation: c.relation,
      email: c.email,
      emailValid: c.email !== null && isValidEmail(c.email),
      receivesDocuments: c.receives_documents === 1,
      language: ownLanguage(c.language),
      version: c.version,
    })),
  };
}
