// The outbox's search criteria as typed, and the search they make (empty ones left out).
import type { MessageStatus } from '../../../src-shared/domain/statuses.js';

export interface Criteria {
  createdFrom: string;
  createdTo: string;
  sentFrom: string;
  sentTo: string;
  dossierNumber: string;
  queuedBy: string;
  workstation: string;
  email: string;
  statuses: MessageStatus[];
}

export const NO_CRITERIA: Criteria = {
  createdFrom: '',
  createdTo: '',
  sentFrom: '',
  sentTo: '',
  dossierNumber: '',
  queuedBy: '',
  workstation: '',
  email: '',
  statuses: [],
};

export function searchOf(criteria: Criteria, structureId: number | null) {
  return {
    ...(structureId !== null && { structureId }),
    ...(criteria.statuses.length > 0 && { statuses: criteria.statuses }),
    ...(criteria.createdFrom && { createdFrom: criteria.createdFrom }),
    ...(criteria.createdTo && { createdTo: criteria.createdTo }),
    ...(criteria.sentFrom && { sentFrom: criteria.sentFrom }),
    ...(criteria.sentTo && { sentTo: criteria.sentTo }),
    ...(criteria.dossierNumber.trim() && { dossierNumber: criteria.dossierNumber.trim() }),
    ...(criteria.queuedBy.trim() && { queuedBy: criteria.queuedBy.trim() }),
    ...(criteria.workstation.trim() && { workstation: criteria.workstation.trim() }),
    // The address box finds a recipient by name, address or document number too.
    ...(criteria.email.trim() && { text: criteria.email.trim() }),
  };
}
