// The bulk-send dialog's warnings for its current text and files: a thin adapter over
// PrepareService.bulkWarnings (the planner in dry run), staged files resolved to their paths.
import type { bulkWarningsOperations } from '../../../src-shared/contract/bulk-warnings.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof bulkWarningsOperations)[number]['name'];

export function bulkWarningsHandlers({ postier, staged }: HandlerDeps): HandlersFor<Name> {
  const files = (refs: string[] | undefined) => (refs ?? []).map((ref) => staged.resolve(ref).path);
  return {
    'sending.bulkWarnings': (input) =>
      postier.prepare.bulkWarnings({
        structureId: input.structureId,
        documentIds: input.documentIds,
        ...(input.subject !== undefined && { subject: input.subject }),
        ...(input.textBody !== undefined && { textBody: input.textBody }),
        ...(input.htmlBody !== undefined && { htmlBody: input.htmlBody }),
        generalAttachments: files(input.generalAttachments),
        recipientAttachments: Object.fromEntries(
          (input.recipientAttachments ?? []).map((r) => [r.documentId, files(r.files)]),
        ),
      }),
  };
}
