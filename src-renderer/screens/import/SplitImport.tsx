// The import wizard's merged-PDF page: one PDF holding every invoice, cut where the key (the
// number printed on each first page) changes. "Aperçu" is a dry run that shows each part and
// what would become of it; "Découper et importer" does it, with the same settings only.
import {
  Button,
  DialogActions,
  DialogContent,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
} from '@fluentui/react-components';
import { CutRegular, DocumentPdfRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { TextField } from '../../components/TextField.js';
import type { ImportPageProps } from './import-page.js';
import { useImportStyles } from './import-parts.js';
import {
  useSplitImport,
  type KeyKind,
  type Part,
  type SplitResult,
  type SplitSettings,
} from './useSplitImport.js';

export function SplitImport({ header, onImported, onClose }: ImportPageProps) {
  const styles = useImportStyles();
  const { t } = useApp();
  const page = useSplitImport(onImported);
  const { file, settings, set, busy, preview, previewed, done, shown, locked } = page;
  return (
    <>
      <DialogContent className={styles.content}>
        {header}
        <div className={styles.options}>
          <Field label={t('ui.import.split.file')} size="small" className={styles.span2}>
            <div className={styles.row}>
              <Button
                size="small"
                icon={<DocumentPdfRegular />}
                disabled={busy || locked}
                onClick={page.choose}
              >
                {t('ui.import.split.choose')}
              </Button>
              <span className={styles.note}>{file?.name ?? ''}</span>
            </div>
          </Field>
          <Field
            label={t('ui.import.split.key')}
            size="small"
            required
            hint={t('ui.import.split.keyHint')}
            className={styles.span2}
          >
            <Input
              size="small"
              value={settings.key}
              placeholder="Facture n° (\d+)"
              disabled={locked}
              onChange={(_, d) => set('key', d.value)}
            />
          </Field>
          <Field label={t('ui.import.split.keyKind')} size="small">
            <Select
              size="small"
              value={settings.keyKind}
              disabled={locked}
              onChange={(_, d) => set('keyKind', d.value as KeyKind)}
            >
              {(['auto', 'document', 'dossier'] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`ui.import.split.keyKind.${kind}`)}
                </option>
              ))}
            </Select>
          </Field>
          <DocumentTypeSelect<SplitSettings['type']>
            label={t('ui.import.split.type')}
            value={settings.type}
            disabled={locked}
            anyLabel={t('ui.import.split.anyType')}
            onChange={(value) => set('type', value)}
          />
          <TextField
            label={t('ui.import.split.period')}
            placeholder={t('ui.import.split.periodPlaceholder')}
            disabled={locked}
            value={settings.period}
            onChange={(value) => set('period', value)}
          />
          <TextField
            label={t('ui.import.split.issueDate')}
            placeholder={t('ui.import.split.issueDatePlaceholder')}
            disabled={locked}
            value={settings.issueDate}
            onChange={(value) => set('issueDate', value)}
          />
          <TextField
            label={t('ui.import.split.numberKey')}
            hint={t('ui.import.split.createdHint')}
            className={styles.span2}
            disabled={locked}
            value={settings.numberKey}
            onChange={(value) => set('numberKey', value)}
          />
          <TextField
            label={t('ui.import.split.amountKey')}
            className={styles.span2}
            placeholder="Total : ([\d ,.]+)"
            disabled={locked}
            value={settings.amountKey}
            onChange={(value) => set('amountKey', value)}
          />
        </div>
        {busy && <Spinner size="tiny" label={t('ui.import.split.reading')} labelPosition="after" />}
        {!shown && <p className={styles.note}>{t('ui.import.split.hint')}</p>}
        {preview && !previewed && !done && (
          <p className={styles.note}>{t('ui.import.split.changed')}</p>
        )}
        {shown && <SplitParts result={shown} />}
      </DialogContent>
      <DialogActions>
        {!done && (
          <>
            <Button
              className={styles.nowrap}
              icon={<DocumentSearchRegular />}
              disabled={busy || !file || settings.key.trim() === ''}
              onClick={() => page.run(true)}
            >
              {t('ui.import.split.preview')}
            </Button>
            <Button
              className={styles.nowrap}
              appearance="primary"
              icon={<CutRegular />}
              disabled={busy || !previewed || previewed.documents.length === 0}
              onClick={() => page.run(false)}
            >
              {t('ui.import.split.import', { count: previewed?.documents.length ?? 0 })}
            </Button>
          </>
        )}
        <Button appearance={done ? 'primary' : 'secondary'} onClick={onClose}>
          {t('ui.common.close')}
        </Button>
      </DialogActions>
    </>
  );
}

function SplitParts({ result }: { result: SplitResult }) {
  const { t } = useApp();
  const pages = (part: Part) =>
    part.pages.length > 1 ? `${part.pages[0]}–${part.pages.at(-1)}` : String(part.pages[0] ?? '');
  return (
    <>
      <MessageBar
        intent={result.dryRun ? 'info' : 'success'}
        layout="multiline"
        data-testid="split-summary"
      >
        <MessageBarBody>
          <MessageBarTitle>
            {t(result.dryRun ? 'ui.import.split.previewTitle' : 'ui.import.resultTitle')}
          </MessageBarTitle>
          {t(result.dryRun ? 'ui.import.split.wouldMake' : 'ui.import.split.made', {
            pages: result.pageCount,
            documents: result.documents.length,
            unmatched: result.unmatchedKeys.length,
          })}
          {result.pagesBeforeFirstKey.length > 0 && (
            <div>
              {t('ui.import.split.pagesBefore', { pages: result.pagesBeforeFirstKey.join(', ') })}
            </div>
          )}
        </MessageBarBody>
      </MessageBar>
      <SimpleTable
        testId="split-parts"
        rows={result.documents}
        rowKey={(part) => `${part.key}-${part.pages[0]}`}
        columns={[
          { header: t('ui.import.split.col.key'), cell: (part) => part.key },
          { header: t('ui.import.split.col.pages'), cell: pages },
          {
            header: t('ui.import.action'),
            cell: (part) => t(`ui.import.split.action.${part.action}`),
          },
          { header: t('ui.import.docField.number'), cell: (part) => part.documentNumber ?? '' },
          {
            header: t('ui.import.docField.dossierNumber'),
            cell: (part) => part.dossierNumber ?? '',
          },
        ]}
      />
      {result.unmatchedKeys.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="split-unmatched">
          <MessageBarBody>
            <strong>
              {t('ui.import.split.unmatched', { count: result.unmatchedKeys.length })}
            </strong>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
              {result.unmatchedKeys.map((part) => (
                <li key={`${part.key}-${part.pages[0]}`}>
                  {t('ui.import.split.unmatchedPart', {
                    pages: pages(part),
                    problem: part.problem ?? part.key,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
