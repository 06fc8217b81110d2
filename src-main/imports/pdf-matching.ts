// Which PDF of a folder belongs to which row: by a name pattern the user gives, else by
// finding the document number (then the dossier number) in the file name on token
// boundaries, so that "12" never matches "112" nor "F-2026-0012".
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { RowProblem } from './import-types.js';

export interface MatchableRow {
  line: number;
  number: string;
  dossierNumber: string;
  /** A file name given by the row itself (a "Fichier PDF" column). */
  explicitFile: string | null;
}

export interface PdfMatches {
  /** Row line → file, relative to the PDF folder. */
  fileByLine: Map<number, string>;
  problems: RowProblem[];
  unmatchedFiles: string[];
}

const MAX_KEY_LENGTH = 40;

/** PDF files of a folder and its subfolders, relative, with forward slashes, sorted. */
export function listPdfFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder, { recursive: true }) as string[];
  } catch {
    throw new UserError('import.error.pdfDirNotFound', { folder });
  }
  return entries
    .filter((entry) => entry.toLowerCase().endsWith('.pdf'))
    .filter((entry) => fs.statSync(path.join(folder, entry)).isFile())
    .map((entry) => entry.split(path.sep).join('/'))
    .sort((a, b) => a.localeCompare(b, 'fr'));
}

export function matchPdfFiles(rows: MatchableRow[], files: string[], pattern?: string): PdfMatches {
  const fileByLine = new Map<number, string>();
  const problems: RowProblem[] = [];
  const claimed = new Set<string>();
  const claim = (row: MatchableRow, candidates: string[]): boolean => {
    const free = candidates.filter((file) => !claimed.has(file));
    if (free.length === 1) {
      fileByLine.set(row.line, free[0]!);
      claimed.add(free[0]!);
      return true;
    }
    if (free.length > 1) {
      problems.push({
        line: row.line,
        code: 'import.reason.pdfAmbiguous',
        params: {
          number: row.number,
          files: [...free].sort((a, b) => a.localeCompare(b, 'fr')).join(', '),
        },
      });
      return true;
    }
    return false;
  };

  const byBaseName = groupBy(files, (file) => path.posix.basename(file).toLowerCase());
  for (const row of rows.filter((r) => r.explicitFile)) {
    const name = path.basename(row.explicitFile!.replace(/\\/g, '/')).toLowerCase();
    if (!claim(row, byBaseName.get(name) ?? [])) {
      problems.push({
        line: row.line,
        code: 'import.reason.pdfNotFound',
        params: { number: row.number, file: row.explicitFile! },
      });
    }
  }
  const open = rows.filter((row) => !row.explicitFile);
  const index = pattern ? patternIndex(files, pattern) : tokenIndex(files);
  // The document number first: it names one document; a dossier number may name several.
  const unmatched = open.filter((row) => !claim(row, index.byNumber.get(key(row.number)) ?? []));
  const rowsPerDossier = groupBy(open, (row) => key(row.dossierNumber));
  for (const row of unmatched) {
    if (rowsPerDossier.get(key(row.dossierNumber))!.length === 1) {
      claim(row, index.byDossier.get(key(row.dossierNumber)) ?? []);
    }
  }
  return { fileByLine, problems, unmatchedFiles: files.filter((file) => !claimed.has(file)) };
}

function key(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Every run of a file's name that starts and ends on a token boundary (a change between
 * letters, digits and other characters), mapped to the files holding it.
 */
function tokenIndex(files: string[]): NameIndex {
  const index = new Map<string, string[]>();
  for (const file of files) {
    const stem = path.posix
      .basename(file)
      .replace(/\.pdf$/i, '')
      .toLowerCase();
    const bounds = boundaries(stem);
    const keys = new Set<string>();
    for (let i = 0; i < bounds.length; i++) {
      for (let j = i + 1; j < bounds.length; j++) {
        const start = bounds[i]!;
        const end = bounds[j]!;
        if (end - start > MAX_KEY_LENGTH) break;
        if (charClass(stem[start]!) === 'other' || charClass(stem[end - 1]!) === 'other') continue;
        keys.add(stem.slice(start, end));
      }
    }
    for (const k of keys) addTo(index, k, file);
  }
  return { byNumber: index, byDossier: index };
}

function boundaries(text: string): number[] {
  const bounds = [0];
  for (let i = 1; i < text.length; i++) {
    if (charClass(text[i - 1]!) !== charClass(text[i]!)) bounds.push(i);
  }
  bounds.push(text.length);
  return bounds;
}

function charClass(char: string): 'digit' | 'letter' | 'other' {
  if (char >= '0' && char <= '9') return 'digit';
  return /\p{L}/u.test(char) ? 'letter' : 'other';
}

/**
 * A name template (`facture_{numero}`, `{dossier}-*.pdf`) or a regular expression whose
 * first group is the number; returns the number each file names.
 */
function patternIndex(files: string[], pattern: string): NameIndex {
  const regex = compileNamePattern(pattern);
  const byNumber = new Map<string, string[]>();
  const byDossier = new Map<string, string[]>();
  for (const file of files) {
    const name = path.posix.basename(file);
    // The name without ".pdf" first: `facture_{numero}` must not take ".pdf" into the number.
    const match = regex.exec(name.replace(/\.pdf$/i, '')) ?? regex.exec(name);
    const { numero, dossier } = match?.groups ?? {};
    if (numero) addTo(byNumber, key(numero), file);
    if (dossier) addTo(byDossier, key(dossier), file);
    // A plain regular expression: its first group may be either number.
    if (match && !numero && !dossier && match[1]) {
      addTo(byNumber, key(match[1]), file);
      addTo(byDossier, key(match[1]), file);
    }
  }
  return { byNumber, byDossier };
}

export function compileNamePattern(pattern: string): RegExp {
  try {
    if (/\{(numero|dossier)\}/.test(pattern)) {
      const source = pattern
        .split(/(\{numero\}|\{dossier\}|\*)/)
        .map((part) => {
          if (part === '{numero}') return '(?<numero>.+?)';
          if (part === '{dossier}') return '(?<dossier>.+?)';
          if (part === '*') return '.*?';
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return new RegExp(`^${source}$`, 'iu');
    }
    const regex = new RegExp(pattern, 'iu');
    if (!/\((?!\?)/.test(pattern) && !/\(\?<\w+>/.test(pattern)) {
      throw new Error('il faut un groupe entre parenthèses autour du numéro');
    }
    return regex;
  } catch (error) {
    throw new UserError('import.error.pdfPattern', { pattern, detail: (error as Error).message });
  }
}

interface NameIndex {
  byNumber: Map<string, string[]>;
  byDossier: Map<string, string[]>;
}

function addTo<T>(map: Map<string, T[]>, k: string, item: T): void {
  const list = map.get(k);
  if (list) list.push(item);
  else map.set(k, [item]);
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) addTo(groups, keyOf(item), item);
  return groups;
}
