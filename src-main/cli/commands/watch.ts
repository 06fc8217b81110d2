// `postier watch`: the exchange folder where the billing software drops its files.
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import type { Postier } from '../../app/postier.js';
import type { QueueHook } from '../../imports/drop-outcome.js';
import { ExchangeFolder } from '../../imports/exchange-folder.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printMessage } from '../output.js';

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

export function registerWatchCommand(program: Command, context: CliContext): void {
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
            printMessage(language, `import.watch.${outcome.status}`, {
              name: outcome.name,
              report: outcome.reportFile,
            }),
        });
        if (options.once) {
          const outcomes = await watcher.runOnce();
          if (outcomes.length === 0)
            printMessage(language, 'import.watch.nothing', { folder: path.resolve(dir) });
          if (outcomes.some((o) => o.status === 'error')) process.exitCode = 1;
          return;
        }
        printMessage(language, 'import.watch.started', {
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

function parseSeconds(value: string): number {
  const seconds = Number(value.replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(
      `--interval attend un nombre de secondes positif, pas « ${value} ».`,
    );
  }
  return seconds;
}
