// Passwords in the operating system's vault, through keytar, under the service "Postier".
import type * as KeytarModule from 'keytar';
import type { CredentialStore } from './credential-store-interface.js';

export const KEYTAR_SERVICE = 'Postier';
const PROBE_ACCOUNT = 'postier-probe';

type Keytar = Pick<typeof KeytarModule, 'getPassword' | 'setPassword' | 'deletePassword'>;

export class KeytarCredentialStore implements CredentialStore {
  readonly description = 'keytar';

  private constructor(private readonly keytar: Keytar) {}

  /**
   * Loads keytar (only now: opening Postier must not touch D-Bus) and asks the vault one
   * harmless question, so that an unusable vault is found here and not at the first send.
   */
  static async open(probeTimeoutMs: number): Promise<KeytarCredentialStore> {
    const loaded = await import('keytar');
    // keytar is CommonJS: its functions are on the default export.
    const keytar = loaded.default;
    await withTimeout(keytar.getPassword(KEYTAR_SERVICE, PROBE_ACCOUNT), probeTimeoutMs);
    return new KeytarCredentialStore(keytar);
  }

  get(ref: string): Promise<string | null> {
    return this.keytar.getPassword(KEYTAR_SERVICE, ref);
  }

  set(ref: string, secret: string): Promise<void> {
    return this.keytar.setPassword(KEYTAR_SERVICE, ref, secret);
  }

  delete(ref: string): Promise<boolean> {
    return this.keytar.deletePassword(KEYTAR_SERVICE, ref);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the vault within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
