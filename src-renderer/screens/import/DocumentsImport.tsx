// The import wizard's documents page: the billing export (one row per invoice or notice),
// the PDF of each document chosen together (Ctrl+A in the folder) and matched by its name,
// the columns, the rows as they would come in with the PDF each gets, then the result.
import {
  Button,
  Checkbox,
  DialogActions,
  DialogContent,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import {
  ArrowImportRegular,
  DismissRegular,
  DocumentAddRegular,
  DocumentPdfRegular,
} from '@fluentui/react-icons';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { useApp } from '../../app/app-context.js';
import { formatAmount } from '../../app/format.js';
import { useTypeName } from '../../app/type-names.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { TextField } from '../../components/TextField.js';
import type { ImportPageProps } from './import-page.js';
import { MappingFields, RejectedRows, lineAndAction, useImportStyles } from './import-parts.js';
import {
  useDocumentsImport,
  type DocumentsPreview,
  type DocumentsResult,
} from './useDocumentsImport.js';

type DocumentField =
  | 'dossierNumber'
  | 'type'
  | 'number'
  | 'period'
  | 'issueDate'
  | 'dueDate'
  | 'amount'
  | 'tax'
  | 'summaryNumber'
  | 'pdfFile';

export function DocumentsImport({ header, onImported, onClose }: ImportPageProps) {
  const styles = useImportStyles();
  const app = useApp();
  const { t, structureId, locale } = app;
  const currency = app.structures.find((s) => s.id === structureId)?.currency ?? 'CAD';
  const page = useDocumentsImport(onImported);
  const { file, pdfs, preview, busy, result } = page;
  const typeName = useTypeName();
  const pdfText = (row: DocumentsPreview['rows'][number]) =>
    row.pdf === 'file'
      ? row.pdfFile
      : row.pdf === 'generate'
        ? t('ui.import.documents.pdfGenerated')
        : t('ui.import.documents.pdfNone');

  return (
    <>
      <DialogContent className={styles.content}>
        {header}
        <div className={styles.options}>
          <Field label={t('ui.import.documents.table')} size="small" className={styles.span2}>
            <div className={styles.row}>
              <Button
                size="small"
                icon={<DocumentAddRegular />}
                disabled={busy || result !== null}
                onClick={page.chooseTable}
              >
                {t('ui.import.chooseFile')}
              </Button>
              <span className={styles.note}>
                {preview
                  ? t('ui.import.fileInfo', {
                      file: preview.fileName,
                      format: preview.format.toUpperCase(),
                      encoding: preview.encoding ?? '',
                      rows: preview.rowCount,
                    })
                  : (file?.name ?? '')}
              </span>
            </div>
          </Field>
          <Field label={t('ui.import.documents.pdfs')} size="small" className={styles.span2}>
            <div className={styles.row}>
              <Button
                size="small"
                icon={<DocumentPdfRegular />}
                disabled={result !== null}
                onClick={page.choosePdfs}
              >
                {t('ui.import.documents.choosePdfs')}
              </Button>
              {pdfs.length > 0 && (
                <span className={styles.chip} data-testid="import-pdfs">
                  {t('ui.import.documents.pdfCount', { count: pdfs.length })}
                  <Button
                    size="small"
                    appearance="transparent"
                    icon={<DismissRegular />}
                    aria-label={t('ui.common.remove')}
                    disabled={result !== null}
                    onClick={page.clearPdfs}
                  />
                </span>
              )}
            </div>
          </Field>
          <TextField
            label={t('ui.import.documents.pattern')}
            hint={t('ui.import.documents.patternHint')}
            className={styles.span2}
            placeholder="facture_{numero}"
            disabled={result !== null}
            value={page.pattern}
            onChange={page.setPattern}
          />
          <DocumentTypeSelect<DocumentTypeCode>
            label={t('ui.import.documents.defaultType')}
            value={page.defaultType}
            disabled={result !== null}
            onChange={page.setDefaultType}
          />
          <Checkbox
            checked={page.generate}
            disabled={result !== null}
            onChange={(_, d) => page.setGenerate(d.checked === true)}
            label={t('ui.import.documents.generate')}
          />
        </div>
        {busy && <Spinner size="tiny" label={t('ui.common.loading')} labelPosition="after" />}
        {!file && <p className={styles.note}>{t('ui.import.documents.hint')}</p>}
        {result && <ImportResult result={result} />}
        {preview && !result && (
          <>
            <h3 className={styles.section}>{t('ui.import.columns')}</h3>
            <MappingFields
              fields={preview.fields}
              headers={preview.headers}
              mapping={preview.mapping}
              label={(field) => t(`ui.import.docField.${field as DocumentField}`)}
              onChange={page.setMapping}
            />
            <h3 className={styles.section}>
              {t('ui.import.documents.previewTitle', { count: preview.toImport })}
            </h3>
            <SimpleTable
              testId="import-documents-preview"
              rows={preview.rows}
              rowKey={(row) => row.line}
              columns={[
                ...lineAndAction<(typeof preview.rows)[number]>(t, 'ui.import.documents.attach'),
                { header: t('ui.import.docField.dossierNumber'), cell: (row) => row.dossierNumber },
                { header: t('ui.import.docField.type'), cell: (row) => typeName(row.type) },
                { header: t('ui.import.docField.number'), cell: (row) => row.number },
                { header: t('ui.import.docField.period'), cell: (row) => row.period },
                {
                  header: t('ui.import.docField.amount'),
                  align: 'end',
                  cell: (row) => formatAmount(row.amountCents, currency, locale),
                },
                { header: t('ui.import.documents.pdf'), cell: pdfText },
              ]}
            />
            {preview.rowCount > preview.rows.length + preview.rejected.length && (
              <div className={styles.note}>
                {t('ui.import.documents.firstRows', { count: preview.rows.length })}
              </div>
            )}
            <Unmatched rows={preview.unmatchedRows} files={preview.unmatchedFiles} />
            <RejectedRows rejected={preview.rejected} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {!result && (
          <Button
            appearance="primary"
            icon={<ArrowImportRegular />}
            disabled={busy || !preview || preview.toImport === 0}
            onClick={page.commit}
          >
            {t('ui.import.import', { count: preview?.toImport ?? 0 })}
          </Button>
        )}
        <Button appearance={result ? 'primary' : 'secondary'} onClick={onClose}>
          {t('ui.common.close')}
        </Button>
      </DialogActions>
    </>
  );
}

/** Rows that found no PDF, PDFs no row claimed: said, never silently dropped. */
function Unmatched({ rows, files }: { rows: { line: number; number: string }[]; files: string[] }) {
  const { t } = useApp();
  if (rows.length === 0 && files.length === 0) return null;
  const list = (items: string[]) =>
    items.slice(0, 12).join(', ') + (items.length > 12 ? ', …' : '');
  return (
    <MessageBar intent="info" layout="multiline" data-testid="import-unmatched">
      <MessageBarBody>
        {rows.length > 0 && (
          <div>
            {t('ui.import.documents.rowsWithoutPdf', {
              count: rows.length,
              rows: list(rows.map((r) => `${r.line} (${r.number})`)),
            })}
          </div>
        )}
        {files.length > 0 && (
          <div>
            {t('ui.import.documents.unusedPdfs', { count: files.length, files: list(files) })}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function ImportResult({ result }: { result: DocumentsResult }) {
  const { t } = useApp();
  return (
    <>
      <MessageBar intent="success" layout="multiline" data-testid="import-result">
        <MessageBarBody>
          <MessageBarTitle>{t('ui.import.resultTitle')}</MessageBarTitle>
          {t('ui.import.documents.done', {
            imported: result.imported,
            attached: result.attached,
            withPdf: result.withPdf,
            generated: result.generated,
            withoutPdf: result.withoutPdf,
          })}
        </MessageBarBody>
      </MessageBar>
      <Unmatched rows={result.unmatchedRows} files={result.unmatchedFiles} />
      <RejectedRows rejected={result.rejected} title="ui.import.notImported" />
    </>
  );
}
