// Non-ASCII text in headers, as the standards ask and as nodemailer does not do it:
// - a display name (From) becomes several encoded words cut between words, each at most
//   MAX_ENCODED_WORD characters (RFC 2047 §2, §5(3)); nodemailer cuts in mid-word;
// - an attachment's `name=` (Content-Type) becomes a plain ASCII fallback ("Releve fiscal
//   2026.pdf"): an encoded word inside a quoted string is forbidden (RFC 2047 §5) and shown
//   as is by strict readers. The real name travels in Content-Disposition's `filename*`
//   (RFC 2231), which nodemailer already writes and every mail reader prefers.
import type MimeNode from 'nodemailer/lib/mime-node';

/** Short enough that "From: " plus one word stays within a 76-character line. */
export const MAX_ENCODED_WORD = 66;

const PREFIX = '=?UTF-8?Q?';
const SUFFIX = '?=';
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The private encoders of nodemailer's MimeNode this file replaces on one node. */
interface NodeEncoders {
  _encodeAddressName(name: string): string;
  _encodeWords(value: string): string;
}

/**
 * Makes the compiled message's headers follow the rules above: the root's address names,
 * every attachment's `name=` parameter. The tree is otherwise nodemailer's.
 */
export function conformHeaderWords(root: MimeNode): MimeNode {
  const encoders = root as MimeNode & NodeEncoders;
  const encodeName = encoders._encodeAddressName.bind(root);
  encoders._encodeAddressName = (name) =>
    PRINTABLE_ASCII.test(name) ? encodeName(name) : encodedPhrase(name);
  forEachNode(root, (node) => {
    if (!(node as { filename?: string }).filename) return;
    const own = node as MimeNode & NodeEncoders;
    // Only the Content-Type's name= goes through here on an attachment's own node.
    own._encodeWords = asciiFallback;
  });
  return root;
}

function forEachNode(node: MimeNode, visit: (node: MimeNode) => void): void {
  visit(node);
  for (const child of node.childNodes) forEachNode(child, visit);
}

/** "Relevé fiscal « 2026 ».pdf" → "Releve fiscal _ 2026 _.pdf": what an old reader shows. */
export function asciiFallback(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * A phrase as encoded words, cut between words; a single word too long for one encoded word
 * is cut between characters (never inside one). The space between two words is carried at
 * the end of the first word's encoded word: the space between encoded words is dropped when
 * they are read back.
 */
export function encodedPhrase(phrase: string): string {
  const words = phrase.replace(/\s+/g, ' ').trim().split(' ');
  const chunks: string[] = [];
  let current = '';
  words.forEach((word, index) => {
    const text = index < words.length - 1 ? `${word} ` : word;
    if (current && fits(current + text)) return void (current += text);
    if (current) chunks.push(current);
    current = '';
    for (const piece of fitting(text)) {
      if (current) chunks.push(current);
      current = piece;
    }
  });
  if (current) chunks.push(current);
  return chunks.map(encodedWord).join(' ');
}

function fits(text: string): boolean {
  return encodedWord(text).length <= MAX_ENCODED_WORD;
}

/** The word in pieces that each fit in one encoded word, cut between characters. */
function fitting(text: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of text) {
    if (piece && !fits(piece + character)) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** RFC 2047 Q encoding with only the characters a phrase may hold bare (§5(3)). */
function encodedWord(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const character = String.fromCharCode(byte);
    if (character === ' ') encoded += '_';
    else if (/[A-Za-z0-9!*+\-/]/.test(character)) encoded += character;
    else encoded += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${PREFIX}${encoded}${SUFFIX}`;
}
