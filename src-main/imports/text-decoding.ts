// Which encoding a text export was written in. French Windows billing software writes
// Windows-1252 (ANSI) more often than UTF-8; Excel's "Texte Unicode" writes UTF-16.
import iconv from 'iconv-lite';
import type { TextEncodingName } from './import-types.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The encoding was chosen by the user, not detected. */
  overridden: boolean;
}

/**
 * Detects the encoding (BOM, else strict UTF-8, else Windows-1252) unless the user
 * chose one; a wrong guess is corrected by choosing again.
 */
export function decodeText(bytes: Uint8Array, override?: TextEncodingName): DecodedText {
  const encoding = override ?? detectEncoding(bytes);
  return { text: decodeAs(bytes, encoding), encoding, overridden: override !== undefined };
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, UTF8_BOM)) return 'utf8';
  if (startsWith(bytes, UTF16LE_BOM)) return 'utf16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    // Not valid UTF-8: a byte such as 0xE9 alone is é in Windows-1252.
    return 'win1252';
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf8':
      return stripBom(new TextDecoder('utf-8').decode(buffer));
    case 'utf16le':
      return stripBom(iconv.decode(buffer, 'utf16le'));
    case 'win1252':
      return iconv.decode(buffer, 'win1252');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
