// muhammara (a native addon) loaded on first use: a command that neither encrypts, stamps nor
// splits a PDF never pays for loading it. require() because encryptPdfSync is synchronous.
import { createRequire } from 'node:module';
import type muhammara from 'muhammara';

let addon: typeof muhammara | undefined;

export function pdfAddon(): typeof muhammara {
  addon ??= createRequire(import.meta.url)('muhammara') as typeof muhammara;
  return addon;
}
