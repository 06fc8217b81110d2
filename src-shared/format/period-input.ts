// A period as people type it: "11/2026", "2026-11", "novembre 2026", "nov. 2026", "Nov 2026",
// "202611" for a month, "2026" for a year (tax slips). Every door that takes a typed period
// (the window's fields, the CLI's --period, the document import) reads it here, so the same
// words are understood everywhere and anything else is refused naming the forms expected.
import { UserError } from '../errors.js';

/** Month names and their usual abbreviations, French and English, without accents. */
const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aou: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
}; // prettier-ignore

/** "YYYY-MM" (a month) or "YYYY" (a year), or null when the text is not a period. */
export function readPeriod(text: string): string | null {
  const value = text.trim();
  if (/^\d{4}$/.test(value)) return value;
  let match = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})$/.exec(value);
  if (match) return month(match[1]!, match[2]!);
  match = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(value);
  if (match) return month(match[2]!, match[1]!);
  const named = /^([\p{L}.]+)\s*(\d{4})$/u.exec(value);
  const number = named ? MONTHS[monthWord(named[1]!)] : undefined;
  return named && number ? month(named[2]!, String(number)) : null;
}

/** The period as stored ("2026-11", "2026"); refused with the forms expected otherwise. */
export function parseTypedPeriod(text: string): string {
  const period = readPeriod(text);
  if (period === null) throw new UserError('error.period.invalid', { value: text.trim() });
  return period;
}

/** "Nov." → "nov", "Décembre" → "decembre", "août" → "aout". */
function monthWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

function month(year: string, monthNumber: string): string | null {
  const m = Number(monthNumber);
  if (m < 1 || m > 12) return null;
  return `${year}-${String(m).padStart(2, '0')}`;
}
