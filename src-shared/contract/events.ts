// Events the main side pushes to the renderer: menu choices, bulk-send progress, the consent
// page of an account being connected.
import { z } from 'zod';
import type { RunSummary, SendProgress } from '../domain/outbox.js';
import { MENU_COMMANDS } from './menus.js';
import { defineEvent } from './operation.js';
import { id } from './primitives.js';

export const sendProgressSchema = z.object({
  sent: z.int(),
  failed: z.int(),
  retrying: z.int(),
  uncertain: z.int(),
  remaining: z.int(),
  nextSendAt: z.string().nullable(),
}) satisfies z.ZodType<SendProgress>;

export const runSummarySchema = z.object({
  sent: z.int(),
  failed: z.int(),
  retrying: z.int(),
  uncertain: z.int(),
  excluded: z.int(),
  remaining: z.int(),
  stoppedBy: z.object({ code: z.string(), message: z.string() }).nullable(),
}) satisfies z.ZodType<RunSummary>;

export const contractEvents = [
  defineEvent('menu.command', z.object({ command: z.enum(MENU_COMMANDS) })),
  defineEvent(
    'sending.progress',
    z.object({ progress: sendProgressSchema.extend({ total: z.int() }), paused: z.boolean() }),
  ),
  defineEvent(
    'sending.finished',
    z.object({
      summary: runSummarySchema,
      /** Stopped by the user's pause: the rest waits for "Reprendre". */
      paused: z.boolean(),
      cancelled: z.boolean(),
      /** The account's limit per run or per day stopped it; the rest goes later. */
      limitReached: z.enum(['run', 'day']).nullable(),
      nextSendAt: z.string().nullable(),
    }),
  ),
  /** Connecting a Microsoft 365 / Google account: the consent page to open (methods.connect). */
  defineEvent('methods.authorizationUrl', z.object({ structureId: id, url: z.string() })),
  /** Something changed in the outbox (another screen or workstation): lists refresh. */
  defineEvent('outbox.changed', z.object({})),
  /** Another workstation's lock held past 2 s (waiting), then gone or given up (not waiting). */
  defineEvent(
    'database.waiting',
    z.object({ waiting: z.boolean(), holder: z.string().max(300).nullable() }),
  ),
] as const;
