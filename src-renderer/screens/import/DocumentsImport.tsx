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
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  documentsPreviewSchema,
  documentsResultSchema,
} from '../../../src-shared/contract/imports.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';
import { formatAmount } from '../../app/format.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { useTypeName } from '../../app/type-names.js';
import { TextField } from '../../components/TextField.js';
import type { ImportPageProps } from './import-page.js';
import { MappingFields, RejectedRows, useImportStyles, type TableMapping } from './import-parts.js';

type Preview = z.output<typeof documentsPreviewSchema>;
type Result = z.output<typeof documentsResultSchema>;
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
  const { t, structureId, info, locale, showError, notify } = app;
  const currency = app.structures.find((s) => s.id === structureId)?.currency ?? 'CAD';
  const [file, setFile] = useState<StagedFile | null>(null);
  const [pdfs, setPdfs] = useState<StagedFile[]>([]);
  const [pattern, setPattern] = useState('');
  const [defaultType, setDefaultType] = useState<DocumentTypeCode>('invoice');
  const [generate, setGenerate] = useState(false);
  const [mapping, setMapping] = useState<TableMapping | undefined>(undefined);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const options = () => ({
    structureId: structureId!,
    file: file!.ref,
    ...(pdfs.length > 0 && { pdfFiles: pdfs.map((p) => p.ref) }),
    ...(pattern.trim() && { pdfPattern: pattern.trim() }),
    defaultType,
    generateMissing: generate,
  });

  // Any change of the file, the PDFs or an option shows the rows again (a pause for typing).
  useEffect(() => {
    if (!file || structureId === null || result) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      call(api.imports.documentsPreview({ ...options(), ...(mapping && { mapping }) }))
        .then((value) => current && setPreview(value))
        .catch((error: unknown) => {
          if (current) {
            setPreview(null);
            showError(error);
          }
        })
        .finally(() => current && setBusy(false));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // options() reads exactly these.
  }, [file, pdfs, pattern, defaultType, generate, mapping, structureId, result]);

  const chooseTable = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (!chosen) return;
      setMapping(undefined);
      setFile(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const choosePdfs = async () => {
    try {
      const chosen = await chooseFiles(info.nativeFileDialogs, 'import', true);
      if (chosen.length > 0) setPdfs(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const commit = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const done = await call(
        api.imports.documentsCommit({ ...options(), mapping: preview.mapping }),
      );
      setResult(done);
      onImported();
      notify(t('ui.import.documents.doneShort', { count: done.imported + done.attached }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const typeName = useTypeName();
  const pdfText = (row: Preview['rows'][number]) =>
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
                onClick={() => void chooseTable()}
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
                onClick={() => void choosePdfs()}
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
                    onClick={() => setPdfs([])}
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
            value={pattern}
            onChange={(value) => setPattern(value)}
          />
          <DocumentTypeSelect<DocumentTypeCode>
            label={t('ui.import.documents.defaultType')}
            value={defaultType}
            disabled={result !== null}
            onChange={setDefaultType}
          />
          <Checkbox
            checked={generate}
            disabled={result !== null}
            onChange={(_, d) => setGenerate(d.checked === true)}
            label={t('ui.import.documents.generate')}
          />
        </div>
        {busy && <Spinner size="tiny" label={t('ui.common.loading')} labelPosition="after" />}
        {!file && <p className={styles.note}>{t('ui.import.documents.hint')}</p>}
        {result && <DocumentsResult result={result} />}
        {preview && !result && (
          <>
            <h3 className={styles.section}>{t('ui.import.columns')}</h3>
            <MappingFields
              fields={preview.fields}
              headers={preview.headers}
              mapping={preview.mapping}
              label={(field) => t(`ui.import.docField.${field as DocumentField}`)}
              onChange={setMapping}
            />
            <h3 className={styles.section}>
              {t('ui.import.documents.previewTitle', { count: preview.toImport })}
            </h3>
            <SimpleTable
              testId="import-documents-preview"
              rows={preview.rows}
              rowKey={(row) => row.line}
              columns={[
                { header: t('ui.import.line'), cell: (row) => row.line },
                {
                  header: t('ui.import.action'),
                  cell: (row) =>
                    t(row.action === 'create' ? 'ui.import.create' : 'ui.import.documents.attach'),
                },
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
            onClick={() => void commit()}
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

function DocumentsResult({ result }: { result: Result }) {
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
