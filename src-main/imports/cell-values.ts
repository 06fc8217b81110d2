// Cell values as billing software writes them: French amounts ("1 234,56 €"), French dates
// ("31/10/2026"), periods ("10/2026", "octobre 2026"), yes/no flags, document type names.
// Each parser returns null for a value it cannot read; the caller names the row.
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../src-shared/domain/document-types.js';
import { parseAmount } from '../../src-shared/format/money.js';
import { parseIsoDate } from '../../src-shared/format/dates.js';
import { readPeriod as readTypedPeriod } from '../../src-shared/format/period-input.js';
import { normalizeHeader } from './column-mapping.js';

/** Cents, or null. Accepts "1 234,56", "1234.56", "1.234,56", "1,234.56", "12 €", "-7,05 $". */
export function readAmount(text: string): number | null {
  let value = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^([-+]?)(?:€|\$|eur|cad|usd|chf)/i, '$1')
    .replace(/(?:€|\$|eur|cad|usd|chf)$/i, '');
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(value)) value = value.replace(/\./g, '');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '');
  value = value.replace(/^\+/, '');
  if (/^-?\d+([.,]\d{1,2})?$/.test(value)) return safe(() => parseAmount(value));
  // More decimals: a spreadsheet's floating-point result (e.g. 10.004999999).
  if (/^-?\d+[.,]\d+$/.test(value)) {
    const cents = Math.round(Number(value.replace(',', '.')) * 100);
    return Number.isSafeInteger(cents) ? cents : null;
  }
  return null;
}

/** YYYY-MM-DD, or null. Accepts 31/10/2026, 31-10-2026, 31.10.2026, 31/10/26, 2026-10-31. */
export function readDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (iso) return isoDate(iso[1]!, iso[2]!, iso[3]!);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/.exec(value);
  if (french) {
    const year = french[3]!.length === 2 ? `20${french[3]}` : french[3]!;
    return isoDate(year, french[2]!, french[1]!);
  }
  return null;
}

/** YYYY-MM or YYYY, or null: a period as typed (see period-input.ts), or a full date's month. */
export function readPeriod(text: string): string | null {
  return readTypedPeriod(text) ?? readDate(text)?.slice(0, 7) ?? null;
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', '1', 'x', 'vrai', 'true', 'v']);
const FALSE_WORDS = new Set(['non', 'n', 'no', '0', 'faux', 'false', 'f', '']);

/** true / false, or null for a value that is neither. */
export function readYesNo(text: string): boolean | null {
  const value = normalizeHeader(text);
  if (text.trim() === '✓' || text.trim() === '✔') return true;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}

const TYPE_NAMES: Record<string, DocumentTypeCode> = {
  facture: 'invoice',
  factures: 'invoice',
  fact: 'invoice',
  fac: 'invoice',
  fa: 'invoice',
  avis: 'notice',
  avisdecheance: 'notice',
  avisecheance: 'notice',
  ae: 'notice',
  duenotice: 'notice',
  relevefiscal: 'taxslip',
  releve24: 'taxslip',
  rl24: 'taxslip',
  recufiscal: 'taxslip',
  taxslip: 'taxslip',
  relevedecompte: 'statement',
  relevecompte: 'statement',
  releve: 'statement',
  accountstatement: 'statement',
  formulairedeverification: 'verification',
  verification: 'verification',
  verificationform: 'verification',
};

/** A type code from a code or a French or English name ("Facture", "Avis d'échéance"). */
export function readDocumentType(text: string): DocumentTypeCode | null {
  const value = normalizeHeader(text);
  const code = DOCUMENT_TYPE_CODES.find((c) => c === value);
  return code ?? TYPE_NAMES[value] ?? null;
}

function isoDate(year: string, month: string, day: string): string | null {
  return safe(() => parseIsoDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`));
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
