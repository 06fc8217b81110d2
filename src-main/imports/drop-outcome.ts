// What became of a drop of the exchange folder: the types its report and its caller share,
// in a file of their own so that the report does not import the folder's poller.

export interface QueueOutcome {
  queued: number;
  excluded: { document: string; reason: string }[];
}

/** Queues the documents of a drop for sending (the outbox's bulk-send preparation). */
export type QueueHook = (documentIds: number[]) => Promise<QueueOutcome>;

export type DropStatus = 'done' | 'error' | 'duplicate';

export interface DropOutcome {
  name: string;
  status: DropStatus;
  /** Where the drop's files are now. */
  movedTo: string;
  reportFile: string;
  documentIds: number[];
}
