// Contract of the sending robot as the window sees it (`postier service run` on a server):
// whether one holds the sending lease, where, and when it last beat.
import { z } from 'zod';
import type { RobotStatus } from '../domain/robot.js';
import { defineOperation } from './operation.js';
import { emptyInput, isoDateTime } from './primitives.js';

export const robotStatusSchema = z.object({
  running: z.boolean(),
  active: z.boolean(),
  workstation: z.string().nullable(),
  pid: z.int().nullable(),
  startedAt: isoDateTime.nullable(),
  lastBeatAt: isoDateTime.nullable(),
}) satisfies z.ZodType<RobotStatus>;

export const robotOperations = [
  defineOperation('robot.status', emptyInput, robotStatusSchema),
] as const;
