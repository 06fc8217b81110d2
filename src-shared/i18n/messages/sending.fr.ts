// Messages for templates and preparing bulk sends (recipients, exclusions, attachments, passwords), French: the reference.
export const sendingFr = {} as const;
