// Messages for mail accounts, credentials, transports and connection tests, French: the reference.
export const mailFr = {} as const;
