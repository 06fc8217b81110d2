// `postier dossiers import`, `documents import|split|export`, `watch`, `journal export-xlsx`:
// getting the billing software's files in, and the journals out.
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import {
  DOCUMENT_EMAIL_STATES,
  type DocumentEmailState,
} from '../../../src-shared/domain/statuses.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import { UserError, type ErrorParams } from '../../../src-shared/errors.js';
import type { Postier } from '../../app/postier.js';
import { formatOf } from '../../imports/drop-report.js';
import { ExchangeFolder, type QueueHook } from '../../imports/exchange-folder.js';
import { pageRange } from '../../imports/pdf-split.js';
import {
  DOCUMENT_FIELDS,
  DOSSIER_FIELDS,
  TEXT_ENCODINGS,
  type ColumnMapping,
  type ImportKind,
  type LoadedTable,
  type RowProblem,
  type SplitPart,
  type TableReadOptions,
  type TextEncodingName,
} from '../../imports/import-types.js';
import { exportDocumentJournal } from '../../exports/document-journal-export.js';
import { exportSendJournalXlsx } from '../../outbox/journal-xlsx.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';
import { collect } from './arguments.js';

interface TableOptions {
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

interface DossierImportOptions extends TableOptions {
  extra: string[];
}

interface DocumentImportOptions extends TableOptions {
  pdfDir?: string;
  pdfPattern?: string;
  type?: DocumentTypeCode;
  generateMissing?: boolean;
}

interface SplitOptions {
  key: string;
  keyIs: 'auto' | 'document' | 'dossier';
  type?: DocumentTypeCode;
  period?: string;
  issueDate?: string;
  numberKey?: string;
  amountKey?: string;
  dryRun?: boolean;
  json?: boolean;
  structure?: string;
}

interface WatchOptions {
  once?: boolean;
  queue?: boolean;
  interval: number;
  mapping?: string;
  documentsMapping?: string;
  type?: DocumentTypeCode;
  pdfPattern?: string;
  generateMissing?: boolean;
  key?: string;
  period?: string;
  structure?: string;
}

export function registerImportCommands(program: Command, context: CliContext): void {
  const dossiers = parentCommand(program, 'dossiers', 'dossiers (clients, résidents, enfants)');
  const documents = parentCommand(program, 'documents', 'journal des documents');
  const journal = parentCommand(program, 'journal', 'journal des envois');

  withTableOptions(
    dossiers
      .command('import')
      .description('importe ou met à jour des dossiers depuis un fichier CSV ou Excel (.xlsx)')
      .argument('<file>', 'fichier CSV, TXT ou XLSX exporté du logiciel de facturation')
      .option(
        '--extra <column>',
        'colonne à garder comme champ libre des modèles (répétable)',
        collect,
        [],
      ),
  ).action(async (file: string, options: DossierImportOptions, command: Command) => {
    await context.withPostier(command, async (postier) => {
      const language = cliLanguage();
      const { table, mapping, structureId } = await prepareTable(
        postier,
        'dossiers',
        file,
        options,
        language,
      );
      if (options.extra.length > 0) mapping.extraColumns = options.extra;
      if (options.dryRun) {
        const preview = await postier.imports.previewDossiers(table, mapping, { structureId });
        if (options.json) {
          printJson({
            dryRun: true,
            toCreate: preview.toCreate,
            toUpdate: preview.toUpdate,
            rows: preview.rows,
            rejected: rejectedJson(preview.rejected, language),
          });
        } else {
          say(language, 'import.cli.dossiersPreview', {
            create: preview.toCreate,
            update: preview.toUpdate,
            rejected: preview.rejected.length,
          });
          printProblems(preview.rejected, language);
        }
        return;
      }
      const result = await postier.imports.importDossiers(table, mapping, { structureId });
      await saveMappingIfAsked(postier, 'dossiers', mapping, options, language);
      if (options.json) {
        printJson({ ...result, rejected: rejectedJson(result.rejected, language) });
      } else {
        say(language, 'import.cli.dossiersDone', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        });
        printProblems(result.rejected, language);
      }
    });
  });

  withTableOptions(
    documents
      .command('import')
      .description('importe des documents depuis un fichier CSV ou Excel, avec leurs PDF')
      .argument('<file>', 'fichier CSV, TXT ou XLSX : une ligne par document')
      .option('--pdf-dir <dir>', 'dossier des PDF (un PDF par document, reconnu à son nom)')
      .option(
        '--pdf-pattern <pattern>',
        'modèle de nom des PDF : facture_{numero}, {dossier}-*, ou une expression régulière',
      )
      .addOption(
        new Option('--type <type>', 'type des lignes sans colonne Type').choices(
          DOCUMENT_TYPE_CODES,
        ),
      )
      .option('--generate-missing', 'génère le PDF des lignes qui n’en ont pas'),
  ).action(async (file: string, options: DocumentImportOptions, command: Command) => {
    await context.withPostier(command, async (postier) => {
      const language = cliLanguage();
      const { table, mapping, structureId } = await prepareTable(
        postier,
        'documents',
        file,
        options,
        language,
      );
      const importOptions = {
        structureId,
        ...(options.pdfDir && { pdfDir: path.resolve(options.pdfDir) }),
        ...(options.pdfPattern && { pdfPattern: options.pdfPattern }),
        ...(options.type && { defaultType: options.type }),
        generateMissing: options.generateMissing === true,
      };
      if (options.dryRun) {
        const preview = await postier.imports.previewDocuments(table, mapping, importOptions);
        if (options.json) {
          printJson({
            dryRun: true,
            ...preview,
            rejected: rejectedJson(preview.rejected, language),
          });
        } else {
          say(language, 'import.cli.documentsPreview', {
            count: preview.toImport,
            rejected: preview.rejected.length,
            unmatchedRows: preview.unmatchedRows.length,
            unmatchedFiles: preview.unmatchedFiles.length,
          });
          printProblems(preview.rejected, language);
          printUnmatched(preview.unmatchedRows, preview.unmatchedFiles, language);
        }
        return;
      }
      const result = await postier.imports.importDocuments(table, mapping, importOptions);
      await saveMappingIfAsked(postier, 'documents', mapping, options, language);
      if (options.json) {
        printJson({ ...result, rejected: rejectedJson(result.rejected, language) });
      } else {
        say(language, 'import.cli.documentsDone', {
          imported: result.imported,
          withPdf: result.withPdf,
          generated: result.generated,
          withoutPdf: result.withoutPdf,
          attached: result.attached,
          rejected: result.rejected.length,
        });
        printProblems(result.rejected, language);
        printUnmatched(result.unmatchedRows, result.unmatchedFiles, language);
      }
    });
  });

  documents
    .command('split')
    .description(
      'découpe un PDF regroupant tous les documents : un PDF par document, reconnu à son numéro',
    )
    .argument('<merged.pdf>', 'le PDF fusionné')
    .requiredOption(
      '--key <regex>',
      'expression dont le premier groupe est le numéro, ex. "Facture n° (\\d+)"',
    )
    .addOption(
      new Option('--key-is <kind>', 'ce que la clé désigne')
        .choices(['auto', 'document', 'dossier'])
        .default('auto'),
    )
    .addOption(
      new Option('--type <type>', 'type des documents (créés ou cherchés)').choices(
        DOCUMENT_TYPE_CODES,
      ),
    )
    .option(
      '--period <p>',
      'période des documents créés : AAAA-MM ou AAAA (mois de --issue-date par défaut)',
    )
    .option(
      '--issue-date <date>',
      'date d’émission des documents créés, AAAA-MM-JJ (aujourd’hui par défaut)',
    )
    .option('--number-key <regex>', 'expression dont le premier groupe est le n° du document créé')
    .option(
      '--amount-key <regex>',
      'expression dont le premier groupe est le montant du document créé',
    )
    .option('--dry-run', 'montre le découpage sans rien importer')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (file: string, options: SplitOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const structure = await postier.records.chooseStructure(options.structure);
        const result = await postier.imports.splitPdf(path.resolve(file), {
          structureId: structure.id,
          key: options.key,
          keyKind: options.keyIs,
          ...(options.type && { type: options.type }),
          ...(options.period && { period: options.period }),
          ...(options.issueDate && { issueDate: options.issueDate }),
          ...(options.numberKey && { numberKey: options.numberKey }),
          ...(options.amountKey && { amountKey: options.amountKey }),
          dryRun: options.dryRun === true,
        });
        if (options.json) {
          printJson({
            ...result,
            unmatchedKeys: result.unmatchedKeys.map((part) => ({
              ...part,
              reason: translate(language, part.problem!.code, part.problem!.params),
            })),
          });
          return;
        }
        say(language, result.dryRun ? 'import.cli.splitPreview' : 'import.cli.splitDone', {
          pages: result.pageCount,
          documents: result.documents.length,
          unmatched: result.unmatchedKeys.length,
        });
        for (const part of result.documents)
          say(language, 'import.cli.splitPart', splitPartParams(part, language));
        for (const part of result.unmatchedKeys) {
          process.stdout.write(
            `${translate(language, part.problem!.code, part.problem!.params)}\n`,
          );
        }
        if (result.pagesBeforeFirstKey.length > 0) {
          say(language, 'import.cli.pagesBeforeFirstKey', {
            pages: result.pagesBeforeFirstKey.join(', '),
          });
        }
      });
    });

  documents
    .command('export')
    .description('exporte le journal des documents en CSV (Excel français) ou en classeur .xlsx')
    .requiredOption('--out <file>', 'fichier .csv ou .xlsx à écrire')
    .addOption(new Option('--type <type>', 'type de document').choices(DOCUMENT_TYPE_CODES))
    .option('--period <p>', 'période AAAA-MM ou AAAA')
    .option('--from-period <p>', 'depuis cette période incluse')
    .option('--to-period <p>', 'jusqu’à cette période incluse')
    .addOption(new Option('--status <state>', 'état de l’envoi').choices(DOCUMENT_EMAIL_STATES))
    .option('--search <text>', 'numéro de document ou de dossier, nom')
    .option('--structure <id|name>', 'établissement')
    .action(
      async (
        options: {
          out: string;
          type?: DocumentTypeCode;
          period?: string;
          fromPeriod?: string;
          toPeriod?: string;
          status?: DocumentEmailState;
          search?: string;
          structure?: string;
        },
        command: Command,
      ) => {
        await context.withPostier(command, async (postier) => {
          const language = cliLanguage();
          const structure = options.structure
            ? await postier.records.getStructure(options.structure)
            : undefined;
          const result = await exportDocumentJournal(
            postier.db,
            options.out,
            {
              ...(structure && { structureId: structure.id }),
              ...(options.type && { types: [options.type] }),
              ...(options.period && { period: options.period }),
              ...(options.fromPeriod && { periodFrom: options.fromPeriod }),
              ...(options.toPeriod && { periodTo: options.toPeriod }),
              ...(options.status && { emailStates: [options.status] }),
              ...(options.search && { text: options.search }),
            },
            language,
          );
          say(language, 'export.done', { rows: result.rows, file: result.file });
        });
      },
    );

  journal
    .command('export-xlsx')
    .description('exporte le journal des envois en classeur Excel (.xlsx, dates et montants typés)')
    .requiredOption('--out <file.xlsx>', 'classeur à écrire')
    .option('--from <date>', 'depuis ce jour inclus (AAAA-MM-JJ)')
    .option('--to <date>', 'jusqu’à ce jour inclus (AAAA-MM-JJ)')
    .action(async (options: { out: string; from?: string; to?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const result = await exportSendJournalXlsx(postier.db, options.out, {
          ...(options.from && { from: options.from }),
          ...(options.to && { to: options.to }),
          language,
        });
        say(language, 'export.done', { rows: result.rows, file: result.file });
      });
    });

  program
    .command('watch')
    .description(
      'surveille un dossier d’échange : importe chaque dépôt (CSV/Excel + PDF), le range dans done/ ou error/ avec un rapport',
    )
    .argument('<dir>', 'dossier d’échange où le logiciel de facturation dépose ses fichiers')
    .option('--once', 'traite ce qui est là puis s’arrête (tâches planifiées)')
    .option('--queue', 'met les documents importés en file d’envoi')
    .option('--interval <seconds>', 'secondes entre deux passages', parseSeconds, 10)
    .option('--mapping <name>', 'correspondance de colonnes enregistrée pour les dossiers')
    .option(
      '--documents-mapping <name>',
      'correspondance de colonnes enregistrée pour les documents',
    )
    .addOption(
      new Option('--type <type>', 'type des documents sans colonne Type').choices(
        DOCUMENT_TYPE_CODES,
      ),
    )
    .option('--pdf-pattern <pattern>', 'modèle de nom des PDF (voir documents import)')
    .option('--generate-missing', 'génère le PDF des documents qui n’en ont pas')
    .option(
      '--key <regex>',
      'pour un dépôt de PDF seuls : expression qui trouve les numéros (voir documents split)',
    )
    .option('--period <p>', 'période des documents créés par découpage')
    .option('--structure <id|name>', 'établissement')
    .action(async (dir: string, options: WatchOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const structure = await postier.records.chooseStructure(options.structure);
        const watcher = new ExchangeFolder(postier.imports, postier.db, {
          folder: dir,
          intervalMs: options.interval * 1000,
          structureId: structure.id,
          ...(options.mapping && { dossierMapping: options.mapping }),
          ...(options.documentsMapping && { documentMapping: options.documentsMapping }),
          ...(options.type && { defaultType: options.type }),
          ...(options.pdfPattern && { pdfPattern: options.pdfPattern }),
          ...(options.key && { splitKey: options.key }),
          ...(options.period && { period: options.period }),
          generateMissing: options.generateMissing === true,
          ...(options.queue && { queue: queueHook(postier, structure.id, language) }),
          onDrop: (outcome) =>
            say(language, `import.watch.${outcome.status}`, {
              name: outcome.name,
              report: outcome.reportFile,
            }),
        });
        if (options.once) {
          const outcomes = await watcher.runOnce();
          if (outcomes.length === 0)
            say(language, 'import.watch.nothing', { folder: path.resolve(dir) });
          if (outcomes.some((o) => o.status === 'error')) process.exitCode = 1;
          return;
        }
        say(language, 'import.watch.started', {
          folder: path.resolve(dir),
          seconds: options.interval,
        });
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          await watcher.run(stop.signal);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });
}

/** The existing `dossiers` / `documents` / `journal` command, created only if missing. */
function parentCommand(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((c) => c.name() === name) ??
    program.command(name).description(description)
  );
}

function withTableOptions(command: Command): Command {
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
async function prepareTable<K extends ImportKind>(
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

async function saveMappingIfAsked(
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

function queueHook(postier: Postier, structureId: number, language: Language): QueueHook {
  return async (documentIds) => {
    const result = await postier.prepare.prepare({ structureId, documentIds });
    return {
      queued: result.queued.length,
      excluded: result.excluded.map((e) => ({
        document: e.documentNumber,
        reason:
          translate(language, `exclusion.${e.reason}` as MessageKey) +
          (e.detail ? ` (${e.detail})` : ''),
      })),
    };
  };
}

function rejectedJson(problems: RowProblem[], language: Language) {
  return problems.map((p) => ({
    line: p.line,
    reason: translate(language, p.code, p.params),
    code: p.code,
  }));
}

function printProblems(problems: RowProblem[], language: Language): void {
  for (const p of problems) {
    say(language, 'import.cli.lineProblem', {
      line: p.line,
      reason: translate(language, p.code, p.params),
    });
  }
}

function printUnmatched(
  rows: { line: number; number: string }[],
  files: string[],
  language: Language,
): void {
  if (rows.length > 0) {
    say(language, 'import.cli.withoutPdf', {
      names: rows
        .map((r) => translate(language, 'import.report.rowRef', { line: r.line, number: r.number }))
        .join(', '),
    });
  }
  if (files.length > 0) say(language, 'import.cli.unusedPdfs', { names: files.join(', ') });
}

function splitPartParams(part: SplitPart, language: Language): ErrorParams {
  return {
    pages: pageRange(part.pages),
    action: translate(language, `import.cli.splitAction.${part.action}`),
    number: part.documentNumber ?? part.key,
    dossier: part.dossierNumber ?? '—',
  };
}

function say(language: Language, key: MessageKey, params: ErrorParams = {}): void {
  process.stdout.write(`${translate(language, key, params)}\n`);
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

function parseSeconds(value: string): number {
  const seconds = Number(value.replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(
      `--interval attend un nombre de secondes positif, pas « ${value} ».`,
    );
  }
  return seconds;
}
