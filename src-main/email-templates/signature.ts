// A structure's signature: a few lines of text and an optional logo (PNG or JPEG, small),
// added after the text and the HTML of every message the structure sends. In the HTML the
// logo is an image whose bytes travel with the message (a data: address here, which the MIME
// builder turns into an inline related part referenced by cid:), so the family sees it
// without loading anything from the Internet, and the preview shows it as it will be.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';

export type LogoType = 'image/png' | 'image/jpeg';

export interface SignatureLogo {
  contentType: LogoType;
  base64: string;
}

export interface Signature {
  text: string;
  logo: SignatureLogo | null;
  /** The image's text for readers without images: the structure's name. */
  name: string;
}

/** A logo goes with every message: small enough not to weigh on a batch of thousands. */
export const LOGO_MAX_BYTES = 50 * 1024;
export const SIGNATURE_MAX_CHARS = 1000;

/** The usual mark before a signature ("-- " alone on its line): mail programs know it. */
const TEXT_SEPARATOR = '\n\n-- \n';

export function hasSignature(signature: Signature | null): signature is Signature {
  return signature !== null && (signature.text.trim() !== '' || signature.logo !== null);
}

export function signatureText(text: string, signature: Signature): string {
  if (signature.text.trim() === '') return text;
  return `${text.replace(/\s+$/, '')}${TEXT_SEPARATOR}${signature.text.trim()}\n`;
}

export function signatureHtml(html: string, signature: Signature): string {
  const lines = signature.text
    .trim()
    .split(/\r?\n/)
    .map((line) => escapeHtml(line));
  const parts = [
    ...(lines.length && lines[0] !== '' ? [`<p>${lines.join('<br>\n')}</p>`] : []),
    ...(signature.logo
      ? [
          `<p><img src="${logoDataUrl(signature.logo)}" alt="${escapeHtml(signature.name)}" style="max-width:300px;max-height:120px"></p>`,
        ]
      : []),
  ];
  if (parts.length === 0) return html;
  const block = `<div class="signature" style="margin-top:1.5em">\n${parts.join('\n')}\n</div>`;
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? `${html}\n${block}` : `${html.slice(0, end)}${block}\n${html.slice(end)}`;
}

export function logoDataUrl(logo: SignatureLogo): string {
  return `data:${logo.contentType};base64,${logo.base64}`;
}

/**
 * Reads a logo file the user chose: PNG or JPEG by its content (not its name), at most
 * LOGO_MAX_BYTES. Throws a UserError naming the file and saying what to do.
 */
export function readLogoFile(file: string): { bytes: Buffer; contentType: LogoType } {
  const name = path.basename(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (!stat?.isFile()) throw new UserError('error.signature.logoUnreadable', { file: name });
  if (stat.size > LOGO_MAX_BYTES) {
    throw new UserError('error.signature.logoSize', {
      file: name,
      size: Math.ceil(stat.size / 1024),
      max: LOGO_MAX_BYTES / 1024,
    });
  }
  const bytes = fs.readFileSync(file);
  const contentType = logoTypeOf(bytes);
  if (!contentType) throw new UserError('error.signature.logoType', { file: name });
  return { bytes, contentType };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function logoTypeOf(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}
