// Contract of Paramètres > Notifications: who receives each staff notification (the office's
// choice per event, else the cascade), and the staff with their address and language.
import { z } from 'zod';
import {
  CASCADE_STEPS,
  NOTIFICATION_EVENTS,
  type NotificationSettings,
} from '../domain/notifications.js';
import { RECORD_LIMITS } from '../domain/records.js';
import { defineOperation } from './operation.js';
import { id, optionalText, text } from './primitives.js';

const language = z.enum(['fr', 'en']);
const event = z.enum(NOTIFICATION_EVENTS);

const choiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('cascade') }),
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('chosen'), staffIds: z.array(id), addresses: z.array(z.string()) }),
]);

export const notificationSettingsSchema = z.object({
  structureId: id,
  managerId: id.nullable(),
  staff: z.array(z.object({ id, name: z.string(), email: z.string().nullable(), language })),
  events: z.array(
    z.object({
      event,
      choice: choiceSchema,
      recipients: z.array(
        z.object({
          address: z.string(),
          name: z.string().nullable(),
          language,
          source: z.enum(['staff', 'address', ...CASCADE_STEPS]),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<NotificationSettings>;

export const notificationsOperations = [
  defineOperation(
    'notifications.get',
    z.strictObject({ structureId: id }),
    notificationSettingsSchema,
  ),
  /** One event's choice: the cascade, nobody, or chosen staff members and addresses. */
  defineOperation(
    'notifications.setChoice',
    z.strictObject({
      structureId: id,
      event,
      mode: z.enum(['cascade', 'off', 'chosen']),
      staffIds: z.array(id).max(200).optional(),
      addresses: z.array(text(RECORD_LIMITS.email)).max(50).optional(),
    }),
    notificationSettingsSchema,
  ),
  /** Adds a staff member, or changes the one of that name. */
  defineOperation(
    'notifications.saveStaff',
    z.strictObject({
      structureId: id,
      name: text(RECORD_LIMITS.staffName),
      email: optionalText(RECORD_LIMITS.email),
      language,
    }),
    notificationSettingsSchema,
  ),
  /** The staff member the cascade starts with, or none. */
  defineOperation(
    'notifications.setManager',
    z.strictObject({ structureId: id, staffId: id.nullable() }),
    notificationSettingsSchema,
  ),
] as const;
