// `postier documents add|list|pdf`, then import, split and export from their own files.
import type { Command } from 'commander';
import { Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import { describeSendState } from '../../../src-shared/domain/document-send-state.js';
import type { JournalDocument } from '../../../src-shared/domain/documents.js';
import {
  DOCUMENT_EMAIL_STATES,
  type DocumentEmailState,
} from '../../../src-shared/domain/statuses.js';
import { formatMoney } from '../../../src-shared/format/money.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage, printTable } from '../output.js';
import { parseAmountArgument, parseCount, parseId } from './arguments.js';
import { registerDocumentExportCommand } from './documents-export.js';
import { registerDocumentImportCommand } from './documents-import.js';
import { registerDocumentSplitCommand } from './documents-split.js';
import { PERIOD_HELP, parsePeriodOption } from './period-option.js';

interface AddOptions {
  dossier: string;
  type: DocumentTypeCode;
  number: string;
  period: string;
  amount: number;
  tax?: number;
  issueDate?: string;
  dueDate?: string;
  summaryNumber?: string;
  pdf?: string;
  structure?: string;
}

interface ListOptions {
  type?: DocumentTypeCode;
  period?: string;
  status?: DocumentEmailState;
  search?: string;
  dossier?: string;
  limit: number;
  offset: number;
  json?: boolean;
  structure?: string;
}

export function registerDocumentCommands(program: Command, context: CliContext): void {
  const documents = program.command('documents').description('journal des documents');

  documents
    .command('add')
    .description('ajoute un document ; sans --pdf, Postier génère le PDF')
    .requiredOption('--dossier <n>', 'numéro du dossier')
    .addOption(
      new Option('--type <type>', 'type de document')
        .choices(DOCUMENT_TYPE_CODES)
        .makeOptionMandatory(),
    )
    .requiredOption('--number <x>', 'numéro du document')
    .requiredOption('--period <p>', PERIOD_HELP, parsePeriodOption)
    .requiredOption('--amount <a>', 'montant total (ex. 1234,56)', parseAmountArgument)
    .option('--tax <a>', 'dont taxes', parseAmountArgument)
    .option('--issue-date <date>', 'date d’émission AAAA-MM-JJ (aujourd’hui par défaut)')
    .option('--due-date <date>', 'date d’échéance AAAA-MM-JJ')
    .option('--summary-number <n>', 'numéro de sommaire (relevés fiscaux)')
    .option('--pdf <file>', 'PDF existant à joindre tel quel')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: AddOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const document = await postier.documents.addDocument({
          structureId: structure.id,
          dossierNumber: options.dossier,
          type: options.type,
          number: options.number,
          period: options.period,
          amountCents: options.amount,
          ...(options.tax !== undefined && { taxCents: options.tax }),
          ...(options.issueDate !== undefined && { issueDate: options.issueDate }),
          ...(options.dueDate !== undefined && { dueDate: options.dueDate }),
          ...(options.summaryNumber !== undefined && { summaryNumber: options.summaryNumber }),
          ...(options.pdf !== undefined && { pdfFile: options.pdf }),
        });
        process.stdout.write(
          `Document ${document.number} ajouté (id ${document.id}) pour le dossier ${document.dossierNumber}` +
            ` : ${formatMoney(document.amountCents, document.currency, structure.locale)}, PDF ${
              document.pdfSource === 'imported' ? 'importé' : 'généré'
            }.\n`,
        );
      });
    });

  documents
    .command('list')
    .description('liste le journal des documents, du plus récent au plus ancien')
    .addOption(new Option('--type <type>', 'type de document').choices(DOCUMENT_TYPE_CODES))
    .option('--period <p>', PERIOD_HELP, parsePeriodOption)
    .addOption(new Option('--status <state>', 'état de l’envoi').choices(DOCUMENT_EMAIL_STATES))
    .option('--search <text>', 'numéro de document ou de dossier, nom')
    .option('--dossier <n>', 'numéro du dossier')
    .option('--limit <n>', 'nombre de lignes', parseCount('--limit'), 500)
    .option('--offset <n>', 'lignes à sauter', parseCount('--offset'), 0)
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: ListOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = options.structure
          ? await postier.records.getStructure(options.structure)
          : undefined;
        const dossier = options.dossier
          ? await postier.records.getDossierByNumber(
              (structure ?? (await postier.records.chooseStructure())).id,
              options.dossier,
            )
          : undefined;
        const page = await postier.documents.journal({
          ...(structure && { structureId: structure.id }),
          ...(dossier && { dossierId: dossier.id }),
          ...(options.type && { types: [options.type] }),
          ...(options.period && { period: options.period }),
          ...(options.status && { emailStates: [options.status] }),
          ...(options.search && { text: options.search }),
          limit: options.limit,
          offset: options.offset,
        });
        if (options.json) printJson(page.items.map(documentJson));
        else printDocuments(page.items, page.total);
      });
    });

  documents
    .command('pdf')
    .description('écrit le PDF d’un document dans un fichier')
    .argument('<id>', 'numéro (id) du document, tel que « documents list » l’affiche', parseId)
    .requiredOption('--out <file>', 'fichier PDF à écrire')
    .action(async (id: number, options: { out: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const written = await postier.documents.exportPdf(id, options.out);
        process.stdout.write(`PDF du document ${id} écrit : ${written}\n`);
      });
    });

  registerDocumentImportCommand(documents, context);
  registerDocumentSplitCommand(documents, context);
  registerDocumentExportCommand(documents, context);
}

function documentJson(d: JournalDocument) {
  return {
    id: d.id,
    type: d.type,
    number: d.number,
    dossier: d.dossierNumber,
    name: d.dossierName,
    period: d.period,
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    amount: d.amountCents / 100,
    currency: d.currency,
    pdf: d.hasPdf ? d.pdfSource : null,
    emailState: d.emailState,
    send: d.send,
    lastSentAt: d.lastSentAt,
  };
}

function printDocuments(items: JournalDocument[], total: number): void {
  printTable(items, [
    { header: 'Id', value: (d) => String(d.id) },
    { header: 'Type', value: (d) => d.type },
    { header: 'N°', value: (d) => d.number },
    { header: 'Dossier', value: (d) => `${d.dossierNumber} ${d.dossierName}` },
    { header: 'Période', value: (d) => d.period },
    { header: 'Montant', value: (d) => (d.amountCents / 100).toFixed(2) },
    {
      header: 'E-mail',
      value: (d) => {
        const went = d.lastSentAt && (d.send.state === 'sent' || d.send.state === 'partial');
        return `${describeSendState(cliLanguage(), d.send)}${went ? ` ✉ ${d.lastSentAt}` : ''}`;
      },
    },
  ]);
  printMessage(cliLanguage(), 'documents.cli.shown', { shown: items.length, total });
}
