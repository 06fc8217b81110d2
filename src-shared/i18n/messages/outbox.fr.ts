// Messages for the sending engine, send status and the send journal, French: the reference.
export const outboxFr = {} as const;
