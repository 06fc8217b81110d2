// What `dossiers import` and `documents import` share: the table options, reading the file
// with its column mapping, and printing the rows refused.
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import { UserError } from '../../../src-shared/errors.js';
import type { Postier } from '../../app/postier.js';
import { formatOf } from '../../imports/drop-report.js';
import {
  DOCUMENT_FIELDS,
  DOSSIER_FIELDS,
  TEXT_ENCODINGS,
  type ColumnMapping,
  type ImportKind,
  type LoadedTable,
  type RowProblem,
  type TableReadOptions,
  type TextEncodingName,
} from '../../imports/import-types.js';
import { printMessage } from '../output.js';
import { collect } from './arguments.js';

export interface TableOptions {
  mapping?: string;
  saveMapping?: string;
  map: string[];
  encoding?: TextEncodingName;
  delimiter?: string;
  sheet?: string;
  dryRun?: boolean;
  json?: boolean;
  structure?: string;
}

export function withTableOptions(command: Command): Command {
  return command
    .option('--mapping <name>', 'correspondance de colonnes enregistrée à utiliser')
    .option('--save-mapping <name>', 'enregistre la correspondance utilisée sous ce nom')
    .option(
      '--map <field=column>',
      'associe un champ à une colonne, ex. email2="Courriel mère" (répétable)',
      collect,
      [],
    )
    .addOption(
      new Option('--encoding <encoding>', 'encodage du fichier texte (détecté sinon)').choices(
        TEXT_ENCODINGS,
      ),
    )
    .option(
      '--delimiter <char>',
      'séparateur du fichier texte : ";" "," "tab" (détecté sinon)',
      parseDelimiter,
    )
    .option('--sheet <name>', 'feuille du classeur Excel (la première sinon)')
    .option('--dry-run', 'aperçu : vérifie tout, n’importe rien')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement');
}

/** Reads the file, chooses the mapping, and says what was detected (on stderr with --json). */
export async function prepareTable<K extends ImportKind>(
  postier: Postier,
  kind: K,
  file: string,
  options: TableOptions,
  language: Language,
) {
  const structure = await postier.records.chooseStructure(options.structure);
  const readOptions: TableReadOptions = {
    ...(options.encoding && { encoding: options.encoding }),
    ...(options.delimiter && { delimiter: options.delimiter }),
    ...(options.sheet && { sheet: options.sheet }),
  };
  const table = await postier.imports.loadTable(path.resolve(file), readOptions);
  const mapping = await postier.imports.mappingFor(kind, table, options.mapping);
  applyColumnOverrides(kind, mapping, options.map);
  const out = options.json ? process.stderr : process.stdout;
  out.write(`${describeTable(table, language)}\n`);
  out.write(
    `${translate(language, 'import.cli.mapping', {
      columns: Object.entries(mapping.columns)
        .map(([field, column]) => `${field} ← « ${column} »`)
        .join(', '),
    })}\n`,
  );
  return { table, mapping, structureId: structure.id };
}

function describeTable(table: LoadedTable, language: Language): string {
  return translate(language, 'import.cli.detected', {
    file: path.basename(table.file),
    format: formatOf(table),
    rows: table.rows.length,
  });
}

function applyColumnOverrides(kind: ImportKind, mapping: ColumnMapping, overrides: string[]): void {
  const fields: readonly string[] = kind === 'dossiers' ? DOSSIER_FIELDS : DOCUMENT_FIELDS;
  for (const override of overrides) {
    const match = /^([A-Za-z0-9]+)=(.*)$/.exec(override);
    if (!match || !fields.includes(match[1]!)) {
      throw new UserError('error.cli.argument', {
        argument: '--map',
        problem: `champ=colonne attendu, avec un champ parmi ${fields.join(', ')} ; reçu « ${override} »`,
      });
    }
    const columns = mapping.columns as Record<string, string | undefined>;
    if (match[2]!.trim() === '') delete columns[match[1]!];
    else columns[match[1]!] = match[2]!.trim();
  }
}

export async function saveMappingIfAsked(
  postier: Postier,
  kind: ImportKind,
  mapping: ColumnMapping,
  options: TableOptions,
  language: Language,
): Promise<void> {
  if (!options.saveMapping) return;
  const saved = await postier.imports.saveMapping(options.saveMapping, kind, mapping);
  (options.json ? process.stderr : process.stdout).write(
    `${translate(language, 'import.cli.mappingSaved', { name: saved.name })}\n`,
  );
}

export function rejectedJson(problems: RowProblem[], language: Language) {
  return problems.map((p) => ({
    line: p.line,
    reason: translate(language, p.code, p.params),
    code: p.code,
  }));
}

export function printProblems(problems: RowProblem[], language: Language): void {
  for (const p of problems) {
    printMessage(language, 'import.cli.lineProblem', {
      line: p.line,
      reason: translate(language, p.code, p.params),
    });
  }
}

export function printUnmatched(
  rows: { line: number; number: string }[],
  files: string[],
  language: Language,
): void {
  if (rows.length > 0) {
    printMessage(language, 'import.cli.withoutPdf', {
      names: rows
        .map((r) => translate(language, 'import.report.rowRef', { line: r.line, number: r.number }))
        .join(', '),
    });
  }
  if (files.length > 0)
    printMessage(language, 'import.cli.unusedPdfs', { names: files.join(', ') });
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = {
    tab: '\t',
    '\\t': '\t',
    tabulation: '\t',
    'point-virgule': ';',
    virgule: ',',
  };
  const delimiter = named[value.toLowerCase()] ?? value;
  if (delimiter.length !== 1) {
    throw new InvalidArgumentError(
      `un séparateur est un seul caractère (; , | ou tab), pas « ${value} ».`,
    );
  }
  return delimiter;
}
