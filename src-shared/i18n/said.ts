// A sentence kept in no language: its catalog key and parameters (a parameter may itself be a
// sentence: "Refusé par le serveur : {reason}"). The engine stores why a message failed, and
// the journal its events, this way, so that each screen says them in its own language; the
// server's own reply is kept beside, word for word. Texts stored before are plain French and
// are read as they are.
import { translate, type Language, type MessageKey } from './catalog.js';

export interface Said {
  code: string;
  params: Record<string, SaidParam>;
}
export type SaidParam = string | number | Said;

/** The sentence in `language`; the account's security (a parameter) said in it too. */
export function say(language: Language, said: Said): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params))
    params[name] = typeof value === 'object' ? say(language, value) : value;
  if (typeof params.security === 'string')
    params.current = translate(language, `mail.security.${params.security}` as MessageKey);
  return translate(language, said.code as MessageKey, params);
}

const STORED_PREFIX = '{"said":';

/** The text a database column keeps for a sentence said in no language. */
export function storeSaid(said: Said): string {
  return JSON.stringify({ said });
}

/** A column's text: its sentence when stored as one, else the plain text it is. */
export interface StoredText {
  /** In French, the office's language: for the CLI's French output and old readers. */
  text: string | null;
  said: Said | null;
}

export function readStored(stored: string | null): StoredText {
  if (stored === null || !stored.startsWith(STORED_PREFIX)) return { text: stored, said: null };
  try {
    const value = (JSON.parse(stored) as { said: unknown }).said;
    if (isSaid(value)) return { text: say('fr', value), said: value };
  } catch {
    // Not one of ours after all: shown as it is.
  }
  return { text: stored, said: null };
}

/** A stored text in `language`: its sentence said in it, or the plain text as it is. */
export function sayStored(language: Language, stored: string | null): string | null {
  const read = readStored(stored);
  return read.said ? say(language, read.said) : read.text;
}

function isSaid(value: unknown): value is Said {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || typeof params !== 'object' || params === null) return false;
  return Object.values(params).every(
    (p) => typeof p === 'string' || typeof p === 'number' || isSaid(p),
  );
}

/** What a screen shows of a read text (OutboxMessage.lastError / lastErrorSaid…): said in
 *  `language` when it is a sentence, else the text as it was stored. */
export function sayRead(language: Language, text: string | null, said: Said | null): string | null {
  return said ? say(language, said) : text;
}
