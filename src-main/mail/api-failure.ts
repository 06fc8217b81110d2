// Failures about one answer of a mail API (Microsoft Graph, Gmail): each names the service and
// quotes its detail, in the sentence of the `methods` catalog its caller chooses.
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import {
  MethodFailure,
  shortText,
  type MethodFailureExtra,
} from '../../src-shared/domain/method-failure.js';
import type { SendFailureKind, SendFailureReason } from './transport.js';

export type FailureMaker = (
  kind: SendFailureKind,
  reason: SendFailureReason,
  code: MessageKey,
  params?: Record<string, string | number>,
) => MethodFailure;

/** Failures about one API answer: each names the service and quotes its detail. */
export function apiFailureMaker(
  service: string,
  detail: string,
  extra: MethodFailureExtra,
): FailureMaker {
  return (kind, reason, code, params = {}) =>
    new MethodFailure(kind, reason, code, { service, detail: shortText(detail), ...params }, extra);
}
