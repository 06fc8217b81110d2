// What every credential store offers, in a file of its own: the stores implement it and the
// module that chooses between them (credential-store.ts) imports them, so they cannot
// import that module back.
export interface CredentialStore {
  /** Which store this is, for messages ("keytar" or the fallback file). */
  readonly description: string;
  get(ref: string): Promise<string | null>;
  set(ref: string, secret: string): Promise<void>;
  /** True when there was something to delete. */
  delete(ref: string): Promise<boolean>;
}
