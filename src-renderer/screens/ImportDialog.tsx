// Fichier > Importer…: dossiers from a CSV or Excel file. Choose the file, check which
// column feeds each field (guessed from the headers), see the rows as they would come in and
// those that would not (with their line and reason), import.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowImportRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { z } from 'zod';
import type { importOperations } from '../../src-shared/contract/imports.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';
import { chooseFiles, type StagedFile } from '../app/files.js';

type Preview = z.output<(typeof importOperations)[0]['output']>;

const useStyles = makeStyles({
  surface: { width: '1100px', maxWidth: '96vw' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    maxHeight: '70vh',
    overflow: 'auto',
  },
  mapping: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: '6px 12px' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'start',
    padding: '4px 6px',
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
  },
  td: { padding: '3px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  section: {
    margin: '4px 0 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function ImportDialog({ onClose }: { onClose: (imported: boolean) => void }) {
  const styles = useStyles();
  const { t, structureId, info, showError, notify } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState(false);

  const load = async (chosen: StagedFile, mapping?: Preview['mapping']) => {
    if (structureId === null) return;
    setBusy(true);
    try {
      setPreview(
        await call(
          api.imports.dossiersPreview({
            structureId,
            file: chosen.ref,
            ...(mapping && { mapping }),
          }),
        ),
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (!chosen) return;
      setFile(chosen);
      await load(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const remap = (field: string, header: string) => {
    if (!file || !preview) return;
    const columns = { ...preview.mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    void load(file, { ...preview.mapping, columns });
  };

  const commit = async () => {
    if (!file || !preview || structureId === null) return;
    setBusy(true);
    try {
      const result = await call(
        api.imports.dossiersCommit({ structureId, file: file.ref, mapping: preview.mapping }),
      );
      setImported(true);
      notify(
        t('ui.import.done', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        }),
      );
      onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose(imported)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('ui.import.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
              <Button icon={<DocumentAddRegular />} onClick={() => void choose()} disabled={busy}>
                {t('ui.import.chooseFile')}
              </Button>
              {busy && <Spinner size="tiny" />}
              {preview && (
                <span className={styles.note}>
                  {t('ui.import.fileInfo', {
                    file: preview.fileName,
                    format: preview.format.toUpperCase(),
                    encoding: preview.encoding ?? '',
                    rows: preview.rowCount,
                  })}
                </span>
              )}
            </div>
            {!preview && <p className={styles.note}>{t('ui.import.hint')}</p>}
            {preview && (
              <>
                <h3 className={styles.section}>{t('ui.import.columns')}</h3>
                <div className={styles.mapping}>
                  {preview.fields.map((field) => (
                    <Field
                      key={field}
                      label={t(`ui.import.field.${field as ImportField}`)}
                      size="small"
                    >
                      <Select
                        size="small"
                        value={preview.mapping.columns[field] ?? ''}
                        onChange={(_, d) => remap(field, d.value)}
                      >
                        <option value="">{t('ui.none')}</option>
                        {preview.headers.map((header) => (
                          <option key={header} value={header}>
                            {header}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ))}
                </div>
                <h3 className={styles.section}>
                  {t('ui.import.previewTitle', {
                    create: preview.toCreate,
                    update: preview.toUpdate,
                  })}
                </h3>
                <table className={styles.table} data-testid="import-preview">
                  <thead>
                    <tr>
                      <th className={styles.th}>{t('ui.import.line')}</th>
                      <th className={styles.th}>{t('ui.import.action')}</th>
                      <th className={styles.th}>{t('ui.dossiers.col.number')}</th>
                      <th className={styles.th}>{t('ui.dossiers.col.name')}</th>
                      <th className={styles.th}>{t('ui.dossiers.corr.email')}</th>
                      <th className={styles.th}>{t('ui.dossiers.col.optIn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row) => (
                      <tr key={row.line}>
                        <td className={styles.td}>{row.line}</td>
                        <td className={styles.td}>
                          {t(row.action === 'create' ? 'ui.import.create' : 'ui.import.update')}
                        </td>
                        <td className={styles.td}>{row.number}</td>
                        <td className={styles.td}>{row.displayName}</td>
                        <td className={styles.td}>{row.emails.join(', ')}</td>
                        <td className={styles.td}>
                          {row.emailOptIn ? t('ui.optIn.yes') : t('ui.optIn.no')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.rejected.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <strong>{t('ui.import.rejected', { count: preview.rejected.length })}</strong>
                      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                        {preview.rejected.map((problem, index) => (
                          <li key={index}>
                            {t('ui.import.problem', {
                              line: problem.line,
                              message: problem.message,
                            })}
                          </li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<ArrowImportRegular />}
              disabled={busy || !preview || preview.toCreate + preview.toUpdate === 0}
              onClick={() => void commit()}
            >
              {t('ui.import.import', {
                count: (preview?.toCreate ?? 0) + (preview?.toUpdate ?? 0),
              })}
            </Button>
            <Button onClick={() => onClose(imported)}>{t('ui.common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

type ImportField =
  | 'number'
  | 'title'
  | 'lastName'
  | 'firstName'
  | 'address'
  | 'postalCode'
  | 'city'
  | 'email1'
  | 'email2'
  | 'sin'
  | 'manager'
  | 'group'
  | 'emailOptIn';
