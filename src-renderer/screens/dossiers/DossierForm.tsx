// The form of one dossier: identity, opt-in, SIN (masked), manager and group, the language
// the family's messages are written in, and its correspondents with their addresses checked
// as they are typed. The state lives in useDossierForm.
import {
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Textarea,
  Toolbar,
  ToolbarButton,
} from '@fluentui/react-components';
import { DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { RECORD_LIMITS, type Dossier } from '../../../src-shared/domain/records.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import type { DossierDraft } from '../../logic/dossier-draft.js';
import { CorrespondentsTable } from './CorrespondentsTable.js';
import { LanguageSelect } from './LanguageSelect.js';
import { useDossierFormStyles } from './dossier-form-styles.js';
import { SinField } from './SinField.js';
import { useDossierForm, type DossierFormEvents, type DossierFormState } from './useDossierForm.js';

type Lookup = { id: number; name: string };

export interface DossierFormProps extends DossierFormEvents {
  dossierId: number | null;
  onCancelNew: () => void;
}

export function DossierForm({ dossierId, ...events }: DossierFormProps) {
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
      {...events}
    />
  );
}

function LoadedForm({
  original,
  staff,
  groups,
  onCancelNew,
  ...events
}: DossierFormEvents & {
  original: Dossier | null;
  staff: Lookup[];
  groups: Lookup[];
  onCancelNew: () => void;
}) {
  const styles = useDossierFormStyles();
  const { t } = useApp();
  const form = useDossierForm(original, events);
  const { draft, set, shownErrors } = form;
  const fieldError = (key: string) => (shownErrors[key] ? t(shownErrors[key]!) : undefined);
  const title = original
    ? t('ui.dossiers.form.title', { number: original.number })
    : t('ui.dossiers.form.newTitle');

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        form.save();
      }}
      onKeyDown={form.onKeyDown}
      aria-label={title}
    >
      <div className={styles.header}>
        <h2 className={styles.title}>{original ? `${title} — ${original.displayName}` : title}</h2>
        <Toolbar size="small">
          <ToolbarButton
            appearance="primary"
            icon={<SaveRegular />}
            // Off while a problem is shown; a new form's untouched fields are said on click.
            disabled={!form.dirty || form.saving || Object.keys(shownErrors).length > 0}
            type="submit"
            onClick={form.save}
          >
            {t('ui.common.save')}
          </ToolbarButton>
          {!original && (
            <ToolbarButton icon={<DismissRegular />} onClick={onCancelNew}>
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
            // A new dossier: the user types its number at once.
            autoFocus={!original}
            size="small"
            value={draft.number}
            maxLength={RECORD_LIMITS.number}
            onChange={(_, d) => set('number', d.value)}
          />
        </Field>
        <Field label={t('ui.dossiers.field.title')}>
          <Input
            className={styles.fill}
            size="small"
            value={draft.title}
            maxLength={RECORD_LIMITS.title}
            onChange={(_, d) => set('title', d.value)}
          />
        </Field>
        <Field
          label={t('ui.dossiers.field.lastName')}
          required
          validationMessage={fieldError('lastName')}
        >
          <Input
            className={styles.fill}
            size="small"
            value={draft.lastName}
            maxLength={RECORD_LIMITS.lastName}
            onChange={(_, d) => set('lastName', d.value)}
          />
        </Field>
        <Field label={t('ui.dossiers.field.firstName')}>
          <Input
            className={styles.fill}
            size="small"
            value={draft.firstName}
            maxLength={RECORD_LIMITS.firstName}
            onChange={(_, d) => set('firstName', d.value)}
          />
        </Field>
        <LookupSelect
          form={form}
          field="managerId"
          label={t('ui.dossiers.field.manager')}
          options={staff}
        />
        <LookupSelect
          form={form}
          field="groupId"
          label={t('ui.dossiers.field.group')}
          options={groups}
        />
        <LanguageSelect
          className={styles.half}
          value={draft.language}
          onChange={(language) => set('language', language ?? 'fr')}
        />
        <Field label={t('ui.dossiers.field.address')} className={styles.wide}>
          <Textarea
            size="small"
            rows={4}
            value={draft.address}
            maxLength={RECORD_LIMITS.address}
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
        <SinField form={form} original={original} error={fieldError('sin')} />
      </div>

      <CorrespondentsTable form={form} />
      {Object.keys(shownErrors).length > 0 && (
        <div className={styles.note}>{t('ui.dossiers.fixErrors')}</div>
      )}
    </form>
  );
}

/** The dossier's manager or client group, or none. */
function LookupSelect({
  form,
  field,
  label,
  options,
}: {
  form: DossierFormState;
  field: keyof DossierDraft & ('managerId' | 'groupId');
  label: string;
  options: Lookup[];
}) {
  const styles = useDossierFormStyles();
  const { t } = useApp();
  return (
    <Field label={label} className={styles.half}>
      <Select
        size="small"
        value={form.draft[field] ?? ''}
        onChange={(_, d) => form.set(field, d.value ? Number(d.value) : null)}
      >
        <option value="">{t('ui.none')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
