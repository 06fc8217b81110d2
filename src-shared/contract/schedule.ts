// Contract of scheduled sends, the accounts' sending window and the test copy (issue 17,
// points 2 and 4): moving a batch to another time (or to now), the passed-schedule limit,
// the window of a structure's account, and "M'envoyer un exemplaire".
import { z } from 'zod';
import { SCHEDULE_LIMIT_MAX_HOURS } from '../domain/schedule.js';
import { defineOperation } from './operation.js';
import { emptyInput, id, isoDateTime, text } from './primitives.js';
import { queueInput } from './sending.js';

const windowSchema = z.strictObject({
  days: z.array(z.int().min(0).max(6)).min(1).max(7),
  from: z
    .int()
    .min(0)
    .max(24 * 60),
  to: z
    .int()
    .min(0)
    .max(24 * 60),
});

const limitSchema = z.strictObject({
  scheduleLimitHours: z.int().min(1).max(SCHEDULE_LIMIT_MAX_HOURS),
});

export const scheduleOperations = [
  /** A batch (or chosen messages) to another time; `notBefore` null: sent now. */
  defineOperation(
    'outbox.reschedule',
    z.strictObject({
      batchId: id.optional(),
      messageIds: z.array(id).max(100_000).optional(),
      notBefore: isoDateTime.nullable(),
    }),
    z.object({ changed: z.array(id), at: isoDateTime.nullable() }),
  ),
  defineOperation('schedule.limit', emptyInput, limitSchema),
  defineOperation('schedule.setLimit', limitSchema, limitSchema.strip()),
  defineOperation(
    'schedule.window',
    z.strictObject({ structureId: id }),
    z.object({ window: windowSchema.strip().nullable() }),
  ),
  defineOperation(
    'schedule.setWindow',
    z.strictObject({ structureId: id, window: windowSchema.nullable() }),
    z.object({ window: windowSchema.strip().nullable() }),
  ),
  /** The exact message of one recipient of this send, to `to`, "[TEST] " first; nothing queued. */
  defineOperation(
    'sending.testCopy',
    queueInput.omit({ notBefore: true }).extend({
      dossierNumber: text(50).optional(),
      recipient: text(254).optional(),
      to: text(254),
    }),
    z.object({
      to: z.string(),
      subject: z.string(),
      recipient: z.string(),
      dossierNumber: z.string(),
      documentNumber: z.string(),
    }),
  ),
] as const;
