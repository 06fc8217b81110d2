// Building blocks of the contract's schemas. Strings are bounded (the renderer is untrusted)
// but not required here: the services check required fields and say which one is missing.
import { z } from 'zod';

export const id = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
export const version = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export function text(max: number) {
  return z.string().max(max);
}

/** A text that may be absent or cleared (null). */
export function optionalText(max: number) {
  return z.string().max(max).nullable().optional();
}

/** ISO date-time text, as stored ("2026-11-24T10:46:00.000Z"). */
export const isoDateTime = z.string().max(40);

export const emptyInput = z.strictObject({});

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ total: z.int().min(0), items: z.array(item) });
}
