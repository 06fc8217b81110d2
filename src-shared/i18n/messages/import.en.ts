import type { importFr } from './import.fr.js';

export const importEn: Record<keyof typeof importFr, string> = {
  'import.error.fileNotFound': 'The file “{file}” cannot be found: check the path.',
  'import.error.emptyFile':
    'The file “{file}” is empty: export it again from your billing software.',
  'import.error.noRows': 'The file “{file}” has a header line and no data: check the export.',
  'import.error.oldExcelFormat':
    'The file “{file}” is in the Excel 97-2003 format (.xls), which Postier does not read: open it in Excel and save it as .xlsx or CSV.',
  'import.error.csvSyntax':
    'The file “{file}” is malformed at line {line} ({detail}): check the quotes on that line, or choose another delimiter.',
  'import.error.workbookUnreadable':
    'The workbook “{file}” cannot be read ({detail}): open it in Excel and save it again as .xlsx.',
  'import.error.sheetNotFound':
    'The workbook “{file}” has no sheet “{sheet}”: choose one of these: {sheets}.',

  'import.error.unknownField':
    'The column mapping names an unknown field “{field}”: save it again.',
  'import.error.mappedColumnMissing':
    'The column “{column}” (for “{field}”) is not in the file “{file}”: choose the column that replaces it.',
  'import.error.missingColumn':
    'The file “{file}” has no “{column}” column, which is required: add it to the export, or say which column holds it (columns found: {headers}).',
  'import.error.mappingNotFound': 'No column mapping named “{name}”: choose one of these: {names}.',
  'import.error.rolledBack':
    'The import of “{file}” was interrupted and cancelled, nothing was imported ({detail}): fix the problem and run the import again.',

  'import.reason.missingNumber': 'Missing record number (column “{column}”).',
  'import.reason.missingName': 'Record {number}: missing name (column “{column}”).',
  'import.reason.invalidEmail':
    'Record {number}: the e-mail address “{email}” (column “{column}”) is not valid.',
  'import.reason.invalidSin':
    'Record {number}: the SIN (column “{column}”) does not have 9 digits.',
  'import.reason.invalidYesNo':
    'Record {number}: “{value}” (column “{column}”) is neither yes nor no.',
  'import.reason.duplicateInFile':
    'Number {number} is also on line {lines}: none of these lines is imported, keep only one.',
  'import.reason.missingDocumentNumber': 'Missing document number (column “{column}”).',
  'import.reason.missingDossierNumber':
    'Document {number}: missing record number (column “{column}”).',
  'import.reason.unknownDossier':
    'Document {number}: there is no record {dossier}; import or create that record first.',
  'import.reason.unknownType':
    'Document {number}: unknown type “{value}” (column “{column}”); possible types: {types}.',
  'import.reason.missingType':
    'Document {number}: missing type; fill in the “{column}” column or choose a default type.',
  'import.reason.invalidAmount':
    'Document {number}: unreadable amount “{value}” (column “{column}”); write for example 1234.56.',
  'import.reason.invalidDate':
    'Document {number}: unreadable date “{value}” (column “{column}”); write it DD/MM/YYYY.',
  'import.reason.invalidPeriod':
    'Document {number}: unreadable period “{value}” (column “{column}”); write MM/YYYY or YYYY.',
  'import.reason.missingPeriod':
    'Document {number}: neither a period nor an issue date; fill in one of them.',
  'import.reason.documentExists':
    'Document {number} ({type}) already exists: it is not imported twice.',
  'import.reason.pdfNotFound': 'Document {number}: the PDF “{file}” is not in the PDF folder.',
  'import.reason.pdfAmbiguous':
    'Document {number}: several PDFs match it ({files}); rename them or give a file name pattern.',
  'import.reason.pdfUnreadable': 'Document {number}: the PDF “{file}” cannot be used ({reason}).',

  'import.error.pdfDirNotFound': 'The PDF folder “{folder}” cannot be found: check the path.',
  'import.error.pdfDirNeeded':
    'The file names a PDF for each document: give the folder that holds these PDFs.',
  'import.error.pdfPattern':
    'The PDF name pattern “{pattern}” is not valid ({detail}): write for example invoice_{numero} or {dossier}-*.',
  'import.error.keyInvalid':
    'The expression “{pattern}” ({option}) is not valid ({detail}): write for example Invoice no. (\\d+).',
  'import.error.keyNoGroup':
    'The expression “{pattern}” ({option}) must put the number in parentheses: write for example Invoice no. (\\d+).',
  'import.error.pdfNoText':
    'The PDF “{file}” holds no text (scanned pages?): Postier cannot find the numbers in it; export it again from your software.',
  'import.error.noKeyFound':
    'No page of “{file}” contains “{pattern}”: check the expression against the PDF’s text.',
  'import.reason.keyUnknown':
    'Pages {pages}: “{key}” is neither a known document number nor a known record number; these pages are not imported.',
  'import.reason.keyRepeated':
    'Pages {pages}: number {key} is already on pages {otherPages}; these pages are not imported.',
  'import.reason.keyAmbiguous':
    'Pages {pages}: several documents have number {key}; give the document type.',
  'import.reason.alreadySent':
    'Pages {pages}: document {key} is already sent or queued; its PDF is not replaced.',
  'import.reason.splitDocumentExists':
    'Pages {pages} (record {key}): document {number} already exists; these pages are not imported.',

  'import.error.watchFolderNotFound':
    'The exchange folder “{folder}” cannot be found: check the path (and that the network drive is connected).',
  'import.error.dropEmpty':
    'The drop holds neither a CSV or Excel file nor a PDF: nothing to import.',
  'import.error.dropNeedsKey':
    'The drop holds only PDFs, without a CSV or Excel file: give the expression that finds the numbers in the pages (--key) to split them.',
  'import.watch.started': 'Watching “{folder}” every {seconds} s. Stop: Ctrl+C.',
  'import.watch.done': 'Drop “{name}” imported; report: {report}',
  'import.watch.error':
    'Drop “{name}” failed, nothing or not everything was imported; report: {report}',
  'import.watch.duplicate':
    'Drop “{name}” was already imported, nothing is imported again; report: {report}',
  'import.watch.nothing': 'No drop ready in “{folder}”.',

  'import.report.title': 'Postier — import report for the drop “{name}”',
  'import.report.processed': 'Processed on {date} at {time} by {user} (workstation {workstation}).',
  'import.report.status.done': 'Result: imported.',
  'import.report.status.error':
    'Result: ERROR, the drop was not fully imported (see below); fix it and drop it again.',
  'import.report.status.duplicate': 'Result: already imported, nothing was imported twice.',
  'import.report.file.dossiers': 'File “{file}” (records; {format}):',
  'import.report.file.documents': 'File “{file}” (documents; {format}):',
  'import.report.file.split': 'File “{file}” ({pages}-page PDF to split):',
  'import.report.dossiers':
    '{imported, plural, one {# record created} other {# records created}}, {updated} updated, {rejected, plural, one {# row rejected} other {# rows rejected}}.',
  'import.report.documents':
    '{imported, plural, one {# document imported} other {# documents imported}}: {withPdf} with their PDF, {generated, plural, one {# PDF generated} other {# PDFs generated}}, {withoutPdf} without a PDF; {attached, plural, one {# PDF attached} other {# PDFs attached}} to documents already there; {rejected, plural, one {# row rejected} other {# rows rejected}}.',
  'import.report.split':
    '{documents, plural, one {# document receives its PDF} other {# documents receive their PDF}}.',
  'import.report.createdStaff': 'Managers added: {names}.',
  'import.report.createdGroups': 'Groups added: {names}.',
  'import.report.lineProblem': 'Line {line}: {reason}',
  'import.report.pageProblem': '{reason}',
  'import.report.rowRef': 'line {line} (no. {number})',
  'import.report.rowsWithoutPdf': 'Without a PDF: {names}.',
  'import.report.unusedPdfs': 'Unused PDFs: {names}.',
  'import.report.pagesBeforeFirstKey': 'Pages before the first number, not imported: {names}.',
  'import.report.failed': 'ERROR: {message}',
  'import.report.fileFailed': 'File “{file}”: ERROR, {message}',
  'import.report.duplicate':
    'This drop (same files, same content) was already imported on {at} as “{name}”.',
  'import.report.interrupted':
    'The import of this drop, started on {at} by {user} (workstation {workstation}), was interrupted (Postier or the computer stopped): check in Postier what was imported, then drop the files again.',
  'import.report.queued':
    'Sending: {queued, plural, one {# e-mail queued} other {# e-mails queued}}; {excluded, plural, one {# document left out} other {# documents left out}}.',
  'import.report.excluded': 'Document {document} left out: {reason}',
  'import.report.queueFailed': 'Sending: nothing was queued ({message}).',

  'import.format.sheet': 'sheet “{sheet}”',
  'import.format.text': '{encoding} encoding, {delimiter} delimiter',
  'import.encoding.utf8': 'UTF-8',
  'import.encoding.win1252': 'Windows-1252 (ANSI)',
  'import.encoding.utf16le': 'UTF-16',
  'import.delimiter.tab': 'tab',

  'import.cli.detected':
    'File “{file}”: {format}; {rows, plural, one {# data row} other {# data rows}}.',
  'import.cli.mapping': 'Columns: {columns}.',
  'import.cli.dossiersPreview':
    'Preview (nothing imported): {create, plural, one {# record to create} other {# records to create}}, {update} to update, {rejected, plural, one {# row rejected} other {# rows rejected}}.',
  'import.cli.dossiersDone':
    'Import finished: {imported, plural, one {# record created} other {# records created}}, {updated} updated, {rejected, plural, one {# row rejected} other {# rows rejected}}.',
  'import.cli.documentsPreview':
    'Preview (nothing imported): {count, plural, one {# document to import} other {# documents to import}}, {rejected, plural, one {# row rejected} other {# rows rejected}}, {unmatchedRows} without a PDF, {unmatchedFiles, plural, one {# unused PDF} other {# unused PDFs}}.',
  'import.cli.documentsDone':
    'Import finished: {imported, plural, one {# document} other {# documents}} ({withPdf} with a PDF, {generated, plural, one {# PDF generated} other {# PDFs generated}}, {withoutPdf} without a PDF), {attached, plural, one {# PDF attached} other {# PDFs attached}} to documents already there, {rejected, plural, one {# row rejected} other {# rows rejected}}.',
  'import.cli.lineProblem': 'Line {line}: {reason}',
  'import.cli.withoutPdf': 'Without a PDF: {names}',
  'import.cli.unusedPdfs': 'Unused PDFs: {names}',
  'import.cli.mappingSaved': 'Column mapping “{name}” saved for the next imports.',
  'import.cli.splitPreview':
    'Preview (nothing imported): {pages, plural, one {# page} other {# pages}}, {documents, plural, one {# document} other {# documents}}, {unmatched, plural, one {# unrecognized number} other {# unrecognized numbers}}.',
  'import.cli.splitDone':
    'Split finished: {pages, plural, one {# page} other {# pages}}, {documents, plural, one {# document receives its PDF} other {# documents receive their PDF}}, {unmatched, plural, one {# unrecognized number} other {# unrecognized numbers}}.',
  'import.cli.splitPart': 'Pages {pages} → {action} {number} (record {dossier})',
  'import.cli.splitAction.create': 'new document',
  'import.cli.splitAction.attach': 'PDF attached to document',
  'import.cli.splitAction.replace': 'PDF replaced for document',
  'import.cli.splitAction.none': 'nothing for',
  'import.cli.pagesBeforeFirstKey': 'Pages before the first number (not imported): {pages}',

  'export.error.format': 'The export file “{file}” must end in .csv or .xlsx: choose one of them.',
  'export.done': '{rows, plural, one {# row exported} other {# rows exported}} to “{file}”.',
  'export.sheet.documents': 'Documents',
  'export.sheet.sendJournal': 'Send journal',
  'export.column.id': 'Id',
  'export.column.type': 'Type',
  'export.column.number': 'Document no.',
  'export.column.dossier': 'Record no.',
  'export.column.name': 'Name',
  'export.column.period': 'Period',
  'export.column.issueDate': 'Issue date',
  'export.column.dueDate': 'Due date',
  'export.column.amount': 'Amount',
  'export.column.tax': 'Taxes',
  'export.column.currency': 'Currency',
  'export.column.pdf': 'PDF',
  'export.column.emailState': 'E-mail',
  'export.column.lastSentAt': 'Last sent',
  'export.pdf.imported': 'imported',
  'export.pdf.generated': 'generated',
};
