// The contract's sending shapes as the send dialogs use them.
import type { z } from 'zod';
import type {
  bulkRowSchema,
  excludedSchema,
  mailAccountSchema,
  previewMessageSchema,
  warningSchema,
} from '../../src-shared/contract/sending.js';

export type BulkRow = z.output<typeof bulkRowSchema>;
export type Excluded = z.output<typeof excludedSchema>;
export type Warning = z.output<typeof warningSchema>;
export type Account = z.output<typeof mailAccountSchema>;
export type PreviewMessage = z.output<typeof previewMessageSchema>;

/** The sentence of a failure, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
