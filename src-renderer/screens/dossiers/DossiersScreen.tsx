// Dossiers: the searchable list on the left (paged in SQL), the selected dossier's form on
// the right with its correspondents.
import {
  SearchBox,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  DocumentBulletListRegular,
  PersonAddRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/records.js';
import { api, call } from '../../api.js';
import { useApp, useCommand, useStatusText } from '../../app/app-context.js';
import { usePagedList } from '../../app/use-paged-list.js';
import type { GridColumn, GridHandle } from '../../components/DataGrid.js';
import { PagedDataGrid } from '../../components/PagedDataGrid.js';
import { RowCount } from '../../components/RowCount.js';
import { UnsavedChangesDialog } from '../../components/UnsavedChangesDialog.js';
import { useScreenStyles } from '../../components/screen-styles.js';
import { EMPTY_SELECTION, selectOnly, type Selection } from '../../logic/selection.js';
import { DossierForm } from './DossierForm.js';

const useStyles = makeStyles({
  toolbar: { gap: '2px' },
  search: { width: '300px', marginLeft: '8px' },
  // Narrower on a 1024-pixel screen, so that the form beside it keeps its fields whole.
  list: {
    width: 'clamp(370px, 36vw, 440px)',
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
  },
  form: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  empty: { padding: '24px', color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type Editing = { kind: 'existing'; dossierId: number } | { kind: 'new' } | null;

export function DossiersScreen() {
  const styles = useStyles();
  const screen = useScreenStyles();
  const app = useApp();
  const { t, structureId, showError, focus } = app;
  const [generation, setGeneration] = useState(0);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [editing, setEditing] = useState<Editing>(
    focus?.dossierId ? { kind: 'existing', dossierId: focus.dossierId } : null,
  );
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Editing | undefined>(undefined);
  /** Where to go once the form is saved, when the user chose Enregistrer on leaving it. */
  const afterSave = useRef<Editing | undefined>(undefined);
  const formArea = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<GridHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const list = usePagedList<Dossier>(
    (offset, limit) =>
      call(
        api.dossiers.search({
          ...(structureId !== null && { structureId }),
          ...(query && { text: query }),
          offset,
          limit,
        }),
      ),
    `${structureId}|${query}`,
    showError,
  );
  useEffect(() => setSelection(EMPTY_SELECTION), [list.rows]);
  useStatusText(t('ui.common.rows', { count: list.total }));

  /** Switching dossier with unsaved changes asks first. */
  const open = useCallback(
    (next: Editing) => {
      afterSave.current = undefined;
      if (dirty) setPending(next);
      else setEditing(next);
    },
    [dirty],
  );

  const onSelectionChange = (next: Selection) => {
    setSelection(next);
    const row =
      next.focus !== null && next.selected.size === 1 ? list.rows.rowAt(next.focus) : undefined;
    if (row && !(editing?.kind === 'existing' && editing.dossierId === row.id))
      open({ kind: 'existing', dossierId: row.id });
  };

  useCommand('edit.find', () => searchRef.current?.focus());
  useCommand('view.refresh', () => list.reload());
  useCommand('dossier.new', () => open({ kind: 'new' }));

  const columns: GridColumn<Dossier>[] = [
    { id: 'number', header: t('ui.dossiers.col.number'), width: 60, cell: (d) => d.number },
    {
      id: 'name',
      header: t('ui.dossiers.col.name'),
      width: 130,
      grow: true,
      cell: (d) => d.displayName,
    },
    {
      id: 'optIn',
      header: t('ui.dossiers.col.optIn'),
      width: 90,
      align: 'center',
      cell: (d) => (d.emailOptIn ? t('ui.optIn.yes') : t('ui.optIn.no')),
    },
    {
      id: 'addresses',
      header: t('ui.dossiers.col.addresses'),
      width: 82,
      align: 'end',
      cell: (d) => {
        const receiving = d.correspondents.filter((c) => c.receivesDocuments && c.email);
        const bad = receiving.some((c) => !c.emailValid);
        return <span className={bad ? styles.bad : undefined}>{receiving.length}</span>;
      },
      title: (d) =>
        d.correspondents
          .map((c) => c.email)
          .filter(Boolean)
          .join(', '),
    },
  ];

  const saved = (dossier: Dossier, created: boolean) => {
    setDirty(false);
    // The form opens again on what was saved (its new version, the SIN masked again).
    setGeneration((g) => g + 1);
    list.reload();
    const next = afterSave.current;
    afterSave.current = undefined;
    setEditing(next !== undefined ? next : { kind: 'existing', dossierId: dossier.id });
    app.notify(
      t(created ? 'ui.dossiers.created' : 'ui.dossiers.saved', { number: dossier.number }),
    );
  };

  return (
    <div className={screen.screen}>
      <Toolbar
        className={mergeClasses(screen.toolbar, styles.toolbar)}
        size="small"
        aria-label={t('ui.screen.dossiers')}
      >
        <ToolbarButton icon={<PersonAddRegular />} onClick={() => open({ kind: 'new' })}>
          {t('ui.dossiers.new')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => list.reload()}>
          {t('ui.common.refresh')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton
          icon={<DocumentBulletListRegular />}
          disabled={editing?.kind !== 'existing'}
          onClick={() =>
            editing?.kind === 'existing' &&
            app.navigate('journal', { dossierId: editing.dossierId })
          }
        >
          {t('ui.dossiers.documents')}
        </ToolbarButton>
        <SearchBox
          ref={searchRef}
          className={styles.search}
          size="small"
          placeholder={t('ui.dossiers.searchPlaceholder')}
          aria-label={t('ui.common.search')}
          value={text}
          onChange={(_, data) => setText(data.value)}
          onKeyDown={(event) => event.key === 'ArrowDown' && gridRef.current?.focus()}
        />
      </Toolbar>
      <div className={screen.split}>
        <div className={styles.list}>
          <PagedDataGrid
            label={t('ui.screen.dossiers')}
            testId="dossiers-grid"
            columns={columns}
            list={list}
            selection={selection}
            onSelectionChange={onSelectionChange}
            onOpen={(index) => {
              const row = list.rows.rowAt(index);
              if (row) onSelectionChange(selectOnly(index));
              document.getElementById('dossier-form-first')?.focus();
            }}
            emptyText={t('ui.dossiers.empty')}
            handleRef={gridRef}
          />
          <RowCount text={t('ui.common.rows', { count: list.total })} />
        </div>
        <section ref={formArea} className={styles.form} aria-label={t('ui.dossiers.form.newTitle')}>
          {editing === null ? (
            <div className={styles.empty}>{t('ui.dossiers.noSelection')}</div>
          ) : (
            <DossierForm
              key={editing.kind === 'new' ? 'new' : `${editing.dossierId}.${generation}`}
              dossierId={editing.kind === 'existing' ? editing.dossierId : null}
              onDirtyChange={setDirty}
              onSaved={saved}
              onCancelNew={() => {
                // "Annuler" is the user's own choice to drop the new dossier: nothing to ask.
                setDirty(false);
                setEditing(null);
              }}
            />
          )}
        </section>
      </div>
      <UnsavedChangesDialog
        open={pending !== undefined}
        title={t('ui.screen.dossiers')}
        message={t('ui.dossiers.unsaved')}
        onSave={() => {
          // The form saves as with its own button; a refused save stays on the form.
          afterSave.current = pending;
          setPending(undefined);
          formArea.current?.querySelector('form')?.requestSubmit();
        }}
        onDiscard={() => {
          setDirty(false);
          setEditing(pending ?? null);
          setPending(undefined);
        }}
        onCancel={() => setPending(undefined)}
      />
    </div>
  );
}
