// Contract entries for structures, staff, client groups, dossiers and correspondents.
import { z } from 'zod';
import {
  RECORD_LIMITS,
  type ClientGroup,
  type Correspondent,
  type Dossier,
  type StaffMember,
  type Structure,
} from '../domain/records.js';
import { defineOperation } from './operation.js';
import { emptyInput, id, optionalText, pageOf, text, version } from './primitives.js';

/** The language a family (or one correspondent) reads. */
const familyLanguage = z.enum(['fr', 'en']);

export const structureSchema = z.object({
  id,
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  locale: z.string(),
  currency: z.string(),
  senderName: z.string().nullable(),
  functionalEmail: z.string().nullable(),
  communicationEmail: z.string().nullable(),
  version,
}) satisfies z.ZodType<Structure>;

const structureFields = {
  name: text(RECORD_LIMITS.structureName),
  address: text(RECORD_LIMITS.structureAddress).optional(),
  phone: optionalText(RECORD_LIMITS.phone),
  locale: z.enum(['fr-CA', 'fr-FR', 'fr-BE', 'fr-CH', 'en-CA', 'en-US', 'en-GB']).optional(),
  currency: z.enum(['CAD', 'EUR', 'CHF', 'USD', 'GBP']).optional(),
  senderName: optionalText(RECORD_LIMITS.senderName),
  functionalEmail: optionalText(RECORD_LIMITS.email),
  communicationEmail: optionalText(RECORD_LIMITS.email),
};

export const staffSchema = z.object({
  id,
  structureId: id,
  name: z.string(),
  email: z.string().nullable(),
}) satisfies z.ZodType<StaffMember>;

export const clientGroupSchema = z.object({
  id,
  structureId: id,
  name: z.string(),
  email: z.string().nullable(),
}) satisfies z.ZodType<ClientGroup>;

export const correspondentSchema = z.object({
  id,
  dossierId: id,
  name: z.string(),
  relation: z.string().nullable(),
  email: z.string().nullable(),
  emailValid: z.boolean(),
  receivesDocuments: z.boolean(),
  language: familyLanguage.nullable(),
  version,
}) satisfies z.ZodType<Correspondent>;

/** The SIN never crosses to the renderer: only whether there is one, and its last digits. */
export const dossierSchema = z.object({
  id,
  structureId: id,
  number: z.string(),
  title: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string(),
  displayName: z.string(),
  address: z.string(),
  managerId: id.nullable(),
  groupId: id.nullable(),
  emailOptIn: z.boolean(),
  hasSin: z.boolean(),
  sinMasked: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
  language: familyLanguage,
  version,
  correspondents: z.array(correspondentSchema),
}) satisfies z.ZodType<Dossier>;

const correspondentInput = z.strictObject({
  name: text(RECORD_LIMITS.correspondentName).optional(),
  relation: optionalText(RECORD_LIMITS.relation),
  email: optionalText(RECORD_LIMITS.email),
  receivesDocuments: z.boolean().optional(),
  language: familyLanguage.nullable().optional(),
});

const dossierFields = {
  number: text(RECORD_LIMITS.number),
  title: optionalText(RECORD_LIMITS.title),
  lastName: text(RECORD_LIMITS.lastName),
  firstName: text(RECORD_LIMITS.firstName).optional(),
  address: text(RECORD_LIMITS.address).optional(),
  managerId: id.nullable().optional(),
  groupId: id.nullable().optional(),
  emailOptIn: z.boolean().optional(),
  /** Digits, spaces or dashes; null removes it. */
  sin: optionalText(RECORD_LIMITS.sin),
  extra: z.record(text(RECORD_LIMITS.extraKey), text(RECORD_LIMITS.extraValue)).optional(),
  language: familyLanguage.optional(),
};

export const recordsOperations = [
  defineOperation('structures.list', emptyInput, z.array(structureSchema)),
  defineOperation('structures.create', z.strictObject(structureFields), structureSchema),
  defineOperation(
    'structures.update',
    z.strictObject({ id, version, patch: z.strictObject(structureFields).partial() }),
    structureSchema,
  ),
  defineOperation(
    'structures.lookups',
    z.strictObject({ structureId: id }),
    z.object({ staff: z.array(staffSchema), groups: z.array(clientGroupSchema) }),
  ),
  defineOperation(
    'dossiers.search',
    z.strictObject({
      structureId: id.optional(),
      text: text(200).optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    pageOf(dossierSchema),
  ),
  defineOperation('dossiers.get', z.strictObject({ id }), dossierSchema),
  defineOperation(
    'dossiers.create',
    z.strictObject({
      structureId: id,
      dossier: z.strictObject({
        ...dossierFields,
        correspondents: z.array(correspondentInput).max(RECORD_LIMITS.correspondents).optional(),
      }),
    }),
    dossierSchema,
  ),
  defineOperation(
    'dossiers.update',
    z.strictObject({ id, version, patch: z.strictObject(dossierFields).partial() }),
    dossierSchema,
  ),
  defineOperation(
    'dossiers.addCorrespondent',
    z.strictObject({ dossierId: id, correspondent: correspondentInput }),
    dossierSchema,
  ),
  defineOperation(
    'dossiers.updateCorrespondent',
    z.strictObject({ dossierId: id, id, version, patch: correspondentInput }),
    dossierSchema,
  ),
  defineOperation(
    'dossiers.removeCorrespondent',
    z.strictObject({ dossierId: id, id, version }),
    dossierSchema,
  ),
] as const;
