// Paramètres > Types de documents: each type's password rule, the password used when a dossier
// lacks what the rule needs, and the watermark of its drafts. Choose a type in the list, change
// it below, save; a change made meanwhile on another workstation is refused, not overwritten.
// The rule is shown and typed in plain words ([NAS du dossier]), saved as Handlebars ({{nas}}).
import { Button, mergeClasses, tokens, makeStyles } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { DocumentType } from '../../../src-shared/domain/documents.js';
import { SIN_FIELD } from '../../../src-shared/domain/template-fields.js';
import {
  fieldToken,
  fromPlainWords,
  toPlainWords,
} from '../../../src-shared/domain/template-words.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { InsertFieldMenu } from '../../components/TemplateFieldMenus.js';
import { TextField } from '../../components/TextField.js';
import { describePasswordRule } from '../sending-texts.js';
import { useSettingsStyles } from './settings-styles.js';
import { failureText } from './template-texts.js';

const useStyles = makeStyles({
  row: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  editor: {
    marginTop: '14px',
    padding: '10px 12px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '736px',
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // The rule and, beside its box (level with it, under the label), "Insérer un champ".
  ruleRow: { gridColumn: '1 / -1', display: 'flex', gap: '8px', alignItems: 'flex-start' },
  rule: { flex: '1 1 auto', maxWidth: '520px' },
  insert: { marginTop: '22px', flex: 'none' },
});

interface Draft {
  passwordRule: string;
  passwordFallback: string;
  watermark: string;
}

const draftOf = (type: DocumentType, inWords: (rule: string) => string): Draft => ({
  passwordRule: inWords(type.passwordRule ?? ''),
  passwordFallback: type.passwordFallback ?? '',
  watermark: type.watermark ?? '',
});

export function TypesPage() {
  const styles = useSettingsStyles();
  const own = useStyles();
  const app = useApp();
  const { t, documentTypes, setDocumentTypes, language, showError, notify } = app;
  const [code, setCode] = useState(documentTypes[0]?.code ?? null);
  const type = documentTypes.find((d) => d.code === code) ?? null;
  // The fields a rule may use: the templates' (the structure's own included) and the SIN.
  const fieldList = useAsync(
    () =>
      app.structureId === null
        ? Promise.resolve([])
        : call(api.templates.fields({ structureId: app.structureId })),
    String(app.structureId),
    showError,
  );
  const known = [...(fieldList.value ?? []), SIN_FIELD];
  const inWords = (rule: string) => toPlainWords(rule, known, language);
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(type && draftOf(type, inWords)), [type, fieldList.value, language]);
  /** The rule typed, as Handlebars, or why it cannot be read. */
  const typedRule = (() => {
    try {
      return { rule: fromPlainWords(draft?.passwordRule ?? '', known).trim(), problem: null };
    } catch (error) {
      return { rule: null, problem: failureText(error, t) };
    }
  })();
  const name = (d: DocumentType) => (language === 'fr' ? d.nameFr : d.nameEn);
  const set = (key: keyof Draft, value: string) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  // "Insérer un champ" puts the field's [label] where the caret was in the rule.
  const ruleInput = useRef<HTMLInputElement>(null);
  const insertField = (field: string) => {
    const input = ruleInput.current;
    const text = draft?.passwordRule ?? '';
    const start = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? start;
    const token = fieldToken(language, field);
    set('passwordRule', text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  // The SIN first: what a password rule most often is.
  const ruleFields = [SIN_FIELD, ...(fieldList.value ?? []).filter((f) => f !== SIN_FIELD)];

  /** Up and down arrows go through the list, as in any Windows list. */
  const move = (key: string, from: string) => {
    const index = documentTypes.findIndex((d) => d.code === from);
    const next = key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : -1;
    const rows = document.querySelectorAll<HTMLElement>('[data-testid="document-types"] tbody tr');
    if (next >= 0 && next < documentTypes.length) rows[next]?.focus();
  };

  const save = async () => {
    if (!type || !draft) return;
    if (typedRule.rule === null) return;
    try {
      const patch = { ...draft, passwordRule: typedRule.rule };
      const saved = await call(
        api.documents.updateType({ code: type.code, version: type.version, patch }),
      );
      setDocumentTypes(documentTypes.map((d) => (d.code === saved.code ? saved : d)));
      notify(t('ui.settings.types.saved', { type: name(saved) }));
    } catch (error) {
      showError(error);
      // Another workstation's change: show what is there now.
      setDocumentTypes(await call(api.documents.types({})).catch(() => documentTypes));
    }
  };

  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.types')}</h2>
      <table className={styles.table} data-testid="document-types">
        <thead>
          <tr>
            <th className={styles.th}>{t('ui.settings.types.name')}</th>
            <th className={styles.th}>{t('ui.settings.types.password')}</th>
            <th className={styles.th}>{t('ui.settings.types.fallback')}</th>
            <th className={styles.th}>{t('ui.settings.types.watermark')}</th>
            <th className={styles.th}>{t('ui.settings.types.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {documentTypes.map((d) => (
            <tr
              key={d.code}
              aria-selected={d.code === code}
              className={mergeClasses(own.row, d.code === code && own.selected)}
              tabIndex={0}
              onClick={() => setCode(d.code)}
              onFocus={() => setCode(d.code)}
              onKeyDown={(event) => move(event.key, d.code)}
            >
              <td className={styles.td}>{name(d)}</td>
              <td className={styles.td}>
                {d.passwordRule
                  ? describePasswordRule(d.passwordRule, t)
                  : t('ui.settings.types.noPassword')}
              </td>
              <td className={styles.td}>{d.passwordFallback ?? ''}</td>
              <td className={styles.td}>{d.watermark ?? ''}</td>
              <td className={styles.td}>
                {d.requiresSummaryNumber ? t('ui.common.yes') : t('ui.common.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {type && draft && (
        <section
          className={own.editor}
          aria-label={t('ui.settings.types.edit', { type: name(type) })}
        >
          <h3 className={styles.section} style={{ marginTop: 0 }}>
            {t('ui.settings.types.edit', { type: name(type) })}
          </h3>
          <div className={styles.form} style={{ marginTop: 8 }}>
            <div className={own.ruleRow}>
              <TextField
                className={own.rule}
                label={t('ui.settings.types.rule')}
                hint={
                  typedRule.problem !== null ? (
                    <span className={own.problem} data-testid="rule-problem">
                      {typedRule.problem}
                    </span>
                  ) : typedRule.rule ? (
                    t('ui.settings.types.ruleMeans', {
                      rule: describePasswordRule(typedRule.rule, t),
                    })
                  ) : (
                    t('ui.settings.types.ruleHint', { sin: fieldToken(language, SIN_FIELD) })
                  )
                }
                placeholder={fieldToken(language, SIN_FIELD)}
                value={draft.passwordRule}
                inputRef={ruleInput}
                onChange={(value) => set('passwordRule', value)}
              />
              <div className={own.insert}>
                <InsertFieldMenu size="small" editor={{ fields: ruleFields, insertField }} />
              </div>
            </div>
            <TextField
              label={t('ui.settings.types.fallback')}
              hint={t('ui.settings.types.fallbackHint')}
              placeholder="000000000"
              disabled={!draft.passwordRule.trim()}
              value={draft.passwordFallback}
              onChange={(value) => set('passwordFallback', value)}
            />
            <TextField
              label={t('ui.settings.types.watermark')}
              hint={t('ui.settings.types.watermarkHint')}
              className={styles.wide}
              value={draft.watermark}
              onChange={(value) => set('watermark', value)}
            />
          </div>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<SaveRegular />}
              disabled={typedRule.rule === null}
              onClick={() => void save()}
            >
              {t('ui.common.save')}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
