// "Valider et envoyer" after queuing for validation: the batch's messages still pending,
// validated as the user would in Suivi des envois (each at the version read, so a message
// changed elsewhere meanwhile is left as it is and counted).
import { api, call } from '../../api.js';

const PAGE = 500;
/** What one outbox.validate call takes. */
const PER_CALL = 10_000;

export interface BatchValidation {
  changed: number;
  skipped: number;
}

export type Target = { id: number; version: number };

/** The batch's messages waiting for validation, at the version read now. */
export async function pendingOfBatch(batchId: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { page } = await call(
      api.outbox.search({ batchId, statuses: ['pending'], limit: PAGE, offset }),
    );
    targets.push(...page.items.map((m) => ({ id: m.id, version: m.version })));
    if (offset + PAGE >= page.total) return targets;
  }
}

export async function validateTargets(targets: Target[]): Promise<BatchValidation> {
  const outcome: BatchValidation = { changed: 0, skipped: 0 };
  for (let start = 0; start < targets.length; start += PER_CALL) {
    const result = await call(
      api.outbox.validate({ messages: targets.slice(start, start + PER_CALL) }),
    );
    outcome.changed += result.changed.length;
    outcome.skipped += result.skipped.length;
  }
  return outcome;
}
