// The form of one dossier: identity, opt-in, SIN (masked), manager and group, and its
// correspondents with their addresses checked as they are typed.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Switch,
  Textarea,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Dossier } from '../../src-shared/domain/records.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';
import { useAsync } from '../app/use-async.js';
import {
  correspondentChanges,
  correspondentInput,
  draftErrors,
  draftOf,
  dossierPatch,
  isDirty,
  newCorrespondent,
  newDossierInput,
  type CorrespondentDraft,
  type DossierDraft,
} from '../logic/dossier-draft.js';

const useStyles = makeStyles({
  form: {
    padding: '12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    maxWidth: '900px',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  grid: { display: 'grid', gridTemplateColumns: '120px 100px 1fr 1fr', gap: '8px 12px' },
  half: { gridColumn: 'span 2' },
  fill: { width: '100%', minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  two: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px 12px', alignItems: 'start' },
  sin: { display: 'flex', gap: '8px', alignItems: 'end' },
  sinValue: { fontFamily: tokens.fontFamilyMonospace, padding: '5px 0' },
  section: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: '4px 0 0',
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: '4px 6px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: '3px 6px',
    verticalAlign: 'top',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px' },
});

export interface DossierFormProps {
  dossierId: number | null;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (dossier: Dossier, created: boolean) => void;
  onCancelNew: () => void;
}

export function DossierForm({ dossierId, onDirtyChange, onSaved, onCancelNew }: DossierFormProps) {
  const { t, showError, structureId } = useApp();
  const loaded = useAsync(
    () => (dossierId === null ? Promise.resolve(null) : call(api.dossiers.get({ id: dossierId }))),
    String(dossierId),
    showError,
  );
  const lookups = useAsync(
    () =>
      structureId === null
        ? Promise.resolve({ staff: [], groups: [] })
        : call(api.structures.lookups({ structureId })),
    String(structureId),
    showError,
  );
  if (loaded.loading || loaded.value === undefined)
    return <Spinner size="small" style={{ margin: 24 }} label={t('ui.common.loading')} />;
  return (
    <LoadedForm
      original={loaded.value}
      staff={lookups.value?.staff ?? []}
      groups={lookups.value?.groups ?? []}
      onDirtyChange={onDirtyChange}
      onSaved={onSaved}
      onCancelNew={onCancelNew}
    />
  );
}

function LoadedForm(props: {
  original: Dossier | null;
  staff: { id: number; name: string }[];
  groups: { id: number; name: string }[];
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (dossier: Dossier, created: boolean) => void;
  onCancelNew: () => void;
}) {
  const styles = useStyles();
  const { t, showError, structureId } = useApp();
  const { original } = props;
  const [draft, setDraft] = useState<DossierDraft>(() => {
    const initial = draftOf(original);
    return original ? initial : { ...initial, correspondents: [newCorrespondent()] };
  });
  const [saving, setSaving] = useState(false);
  const errors = useMemo(() => draftErrors(draft), [draft]);
  const dirty = isDirty(original, draft);
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <K extends keyof DossierDraft>(key: K, value: DossierDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setCorrespondent = (key: string, patch: Partial<CorrespondentDraft>) =>
    setDraft((d) => ({
      ...d,
      correspondents: d.correspondents.map((c) => (c.key === key ? { ...c, ...patch } : c)),
    }));

  const save = async () => {
    if (Object.keys(errors).length > 0 || saving) return;
    setSaving(true);
    try {
      if (!original) {
        if (structureId === null) return;
        const created = await call(
          api.dossiers.create({ structureId, dossier: newDossierInput(draft) }),
        );
        props.onSaved(created, true);
        return;
      }
      let current = original;
      const patch = dossierPatch(original, draft);
      if (Object.keys(patch).length > 0)
        current = await call(
          api.dossiers.update({ id: original.id, version: original.version, patch }),
        );
      const changes = correspondentChanges(original, draft);
      for (const removed of changes.removed) {
        current = await call(
          api.dossiers.removeCorrespondent({
            dossierId: original.id,
            id: removed.id,
            version: removed.version,
          }),
        );
      }
      for (const updated of changes.updated) {
        current = await call(
          api.dossiers.updateCorrespondent({
            dossierId: original.id,
            id: updated.id!,
            version: updated.version!,
            patch: correspondentInput(updated),
          }),
        );
      }
      for (const added of changes.added) {
        current = await call(
          api.dossiers.addCorrespondent({
            dossierId: original.id,
            correspondent: correspondentInput(added),
          }),
        );
      }
      props.onSaved(current, false);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const fieldError = (key: string) => (errors[key] ? t(errors[key]!) : undefined);

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
      aria-label={
        original
          ? t('ui.dossiers.form.title', { number: original.number })
          : t('ui.dossiers.form.newTitle')
      }
    >
      <div className={styles.header}>
        <h2 className={styles.title}>
          {original
            ? `${t('ui.dossiers.form.title', { number: original.number })} — ${original.displayName}`
            : t('ui.dossiers.form.newTitle')}
        </h2>
        <Toolbar size="small">
          <ToolbarButton
            appearance="primary"
            icon={<SaveRegular />}
            disabled={!dirty || saving || Object.keys(errors).length > 0}
            type="submit"
            onClick={() => void save()}
          >
            {t('ui.common.save')}
          </ToolbarButton>
          {!original && (
            <ToolbarButton icon={<DismissRegular />} onClick={props.onCancelNew}>
              {t('ui.common.cancel')}
            </ToolbarButton>
          )}
        </Toolbar>
      </div>

      <div className={styles.grid}>
        <Field
          label={t('ui.dossiers.field.number')}
          required
          validationMessage={fieldError('number')}
        >
          <Input
            className={styles.fill}
            id="dossier-form-first"
            size="small"
            value={draft.number}
            onChange={(_, d) => set('number', d.value)}
          />
        </Field>
        <Field label={t('ui.dossiers.field.title')}>
          <Input
            className={styles.fill}
            size="small"
            value={draft.title}
            onChange={(_, d) => set('title', d.value)}
          />
        </Field>
        <Field
          label={t('ui.dossiers.field.lastName')}
          required
          validationMessage={fieldError('lastName')}
        >
          <Input
            size="small"
            value={draft.lastName}
            onChange={(_, d) => set('lastName', d.value)}
          />
        </Field>
        <Field label={t('ui.dossiers.field.firstName')}>
          <Input
            size="small"
            value={draft.firstName}
            onChange={(_, d) => set('firstName', d.value)}
          />
        </Field>
        <Field label={t('ui.dossiers.field.manager')} className={styles.half}>
          <Select
            size="small"
            value={draft.managerId ?? ''}
            onChange={(_, d) => set('managerId', d.value ? Number(d.value) : null)}
          >
            <option value="">{t('ui.none')}</option>
            {props.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.dossiers.field.group')} className={styles.half}>
          <Select
            size="small"
            value={draft.groupId ?? ''}
            onChange={(_, d) => set('groupId', d.value ? Number(d.value) : null)}
          >
            <option value="">{t('ui.none')}</option>
            {props.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.dossiers.field.address')} className={styles.wide}>
          <Textarea
            size="small"
            rows={4}
            value={draft.address}
            onChange={(_, d) => set('address', d.value)}
            resize="vertical"
          />
        </Field>
      </div>

      <div className={styles.two}>
        <Checkbox
          checked={draft.emailOptIn}
          onChange={(_, d) => set('emailOptIn', d.checked === true)}
          label={t('ui.dossiers.field.optIn')}
        />
        <Field label={t('ui.dossiers.field.sin')} validationMessage={fieldError('sin')}>
          <div className={styles.sin}>
            {draft.newSin === null ? (
              <>
                <span className={styles.sinValue} data-testid="sin-masked">
                  {draft.clearSin
                    ? t('ui.dossiers.sin.none')
                    : (original?.sinMasked ?? t('ui.dossiers.sin.none'))}
                </span>
                <Button
                  size="small"
                  onClick={() => setDraft((d) => ({ ...d, newSin: '', clearSin: false }))}
                >
                  {t('ui.dossiers.sin.change')}
                </Button>
                {original?.hasSin && !draft.clearSin && (
                  <Button size="small" onClick={() => set('clearSin', true)}>
                    {t('ui.dossiers.sin.remove')}
                  </Button>
                )}
              </>
            ) : (
              <>
                <Input
                  size="small"
                  type="password"
                  autoComplete="off"
                  placeholder={t('ui.dossiers.sin.placeholder')}
                  aria-label={t('ui.dossiers.field.sin')}
                  value={draft.newSin}
                  onChange={(_, d) => set('newSin', d.value)}
                />
                <Button
                  size="small"
                  icon={<DismissRegular />}
                  aria-label={t('ui.common.cancel')}
                  onClick={() => set('newSin', null)}
                />
              </>
            )}
          </div>
        </Field>
      </div>

      <h3 className={styles.section}>{t('ui.dossiers.correspondents')}</h3>
      <table className={styles.table} data-testid="correspondents">
        <thead>
          <tr>
            <th className={styles.th}>{t('ui.dossiers.corr.name')}</th>
            <th className={styles.th}>{t('ui.dossiers.corr.relation')}</th>
            <th className={styles.th}>{t('ui.dossiers.corr.email')}</th>
            <th className={styles.th}>{t('ui.dossiers.corr.receives')}</th>
            <th className={styles.th} />
          </tr>
        </thead>
        <tbody>
          {draft.correspondents.map((c, index) => {
            const emailError = errors[`correspondents.${index}.email`];
            return (
              <tr key={c.key}>
                <td className={styles.td}>
                  <Input
                    size="small"
                    aria-label={t('ui.dossiers.corr.nameLabel')}
                    value={c.name}
                    onChange={(_, d) => setCorrespondent(c.key, { name: d.value })}
                  />
                </td>
                <td className={styles.td}>
                  <Input
                    size="small"
                    aria-label={t('ui.dossiers.corr.relation')}
                    value={c.relation}
                    onChange={(_, d) => setCorrespondent(c.key, { relation: d.value })}
                    style={{ width: 110 }}
                  />
                </td>
                <td className={styles.td}>
                  <Field
                    validationMessage={emailError ? t(emailError) : undefined}
                    validationState={emailError ? 'error' : 'none'}
                  >
                    <Input
                      size="small"
                      type="email"
                      aria-label={t('ui.dossiers.corr.email')}
                      value={c.email}
                      onChange={(_, d) => setCorrespondent(c.key, { email: d.value })}
                      style={{ minWidth: 240 }}
                    />
                  </Field>
                </td>
                <td className={styles.td}>
                  <Switch
                    aria-label={t('ui.dossiers.corr.receives')}
                    checked={c.receivesDocuments}
                    onChange={(_, d) => setCorrespondent(c.key, { receivesDocuments: d.checked })}
                  />
                </td>
                <td className={styles.td}>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('ui.dossiers.corr.remove')}
                    title={t('ui.dossiers.corr.remove')}
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        correspondents: d.correspondents.filter((x) => x.key !== c.key),
                      }))
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {draft.correspondents.length === 0 && (
        <div className={styles.note}>{t('ui.dossiers.corr.none')}</div>
      )}
      <div className={styles.actions}>
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() =>
            setDraft((d) => ({ ...d, correspondents: [...d.correspondents, newCorrespondent()] }))
          }
        >
          {t('ui.dossiers.corr.add')}
        </Button>
      </div>
      {Object.keys(errors).length > 0 && dirty && (
        <div className={styles.note}>{t('ui.dossiers.fixErrors')}</div>
      )}
    </form>
  );
}
