// Paramètres > Modèles de message: the office's subject and text for each document type, in
// plain words ([Nom de la personne], [Si : Date d’échéance]…[Fin si]) with menus to insert a
// field (by its label and an example) or a condition; texts pasted from Gestion des
// ressources or Winpass converted with a notice; a preview as a family reads it, signature
// and logo included; the structure's signature below. "Restore" goes back to Postier's own.
// "Langue des familles" chooses which of the type's templates is edited: the one French- or
// English-speaking families receive (the office's own language first).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { FAMILY_LANGUAGES } from '../../../src-shared/domain/family-language.js';
import { languageOf, type Language } from '../../../src-shared/i18n/catalog.js';
import { useApp } from '../../app/app-context.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { useSettingsStyles } from './settings-styles.js';
import { SignatureSection, useSignature } from './SignatureSection.js';
import { InsertConditionMenu, InsertFieldMenu } from '../../components/TemplateFieldMenus.js';
import { useTemplateEditor, type TemplateEditor } from './useTemplateEditor.js';

const usePreviewStyles = makeStyles({
  preview: {
    marginTop: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: '8px 12px',
    maxWidth: '736px',
    fontSize: tokens.fontSizeBase200,
  },
  body: { whiteSpace: 'pre-wrap', margin: '6px 0 0', fontFamily: tokens.fontFamilyBase },
  logo: { maxWidth: '300px', maxHeight: '120px', marginTop: '6px', display: 'block' },
});

export function TemplatesPage() {
  const { structureId } = useApp();
  if (structureId === null) return null;
  return <TemplatesOf structureId={structureId} />;
}

function TemplatesOf({ structureId }: { structureId: number }) {
  const styles = useSettingsStyles();
  const { t, structures } = useApp();
  const [type, setType] = useState<DocumentTypeCode>('invoice');
  const office = structures.find((s) => s.id === structureId);
  const [familyLanguage, setFamilyLanguage] = useState<Language>(() =>
    office ? languageOf(office.locale) : 'fr',
  );
  const signature = useSignature(structureId);
  const editor = useTemplateEditor(structureId, type, familyLanguage, signature.value);
  const loaded = editor.loaded.value;

  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.templates')}</h2>
      <div className={styles.form}>
        <DocumentTypeSelect<DocumentTypeCode>
          label={t('ui.journal.filter.type')}
          value={type}
          onChange={setType}
        />
        <Field label={t('ui.settings.templates.familyLanguage')} size="small">
          <Select
            size="small"
            value={familyLanguage}
            onChange={(_, d) => setFamilyLanguage(d.value as Language)}
          >
            {FAMILY_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`ui.language.${language}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.note} style={{ alignSelf: 'end' }}>
          {loaded?.isDefault
            ? t('ui.settings.templates.default')
            : t('ui.settings.templates.custom')}
        </div>
        <div className={`${styles.note} ${styles.wide}`}>{t('ui.templates.plainHint')}</div>
        <Field label={t('ui.bulk.subject')} size="small" className={styles.wide}>
          <Input
            ref={editor.subjectRef}
            size="small"
            value={editor.subject}
            onChange={(_, d) => editor.setSubject(d.value)}
            onFocus={editor.remember('subject')}
            onPaste={editor.onPaste('subject')}
          />
        </Field>
        <Field label={t('ui.bulk.body')} size="small" className={styles.wide}>
          <Textarea
            ref={editor.bodyRef}
            size="small"
            rows={10}
            resize="vertical"
            value={editor.text}
            onChange={(_, d) => editor.setText(d.value)}
            onFocus={editor.remember('body')}
            onPaste={editor.onPaste('body')}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void editor.save()}>
          {t('ui.common.save')}
        </Button>
        <InsertFieldMenu editor={editor} />
        <InsertConditionMenu editor={editor} />
        <Button
          icon={<ArrowResetRegular />}
          disabled={loaded?.isDefault}
          onClick={() => void editor.restore()}
        >
          {t('ui.settings.templates.restore')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.formWidth}>
        {editor.notices.map((notice, index) => (
          <MessageBar
            key={index}
            intent={notice.intent}
            style={{ marginTop: 8 }}
            data-testid="template-notice"
          >
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      <Preview editor={editor} logo={signature.value?.logo?.dataUrl ?? null} />
      <SignatureSection structureId={structureId} signature={signature} />
    </>
  );
}

function Preview({ editor, logo }: { editor: TemplateEditor; logo: string | null }) {
  const styles = useSettingsStyles();
  const preview = usePreviewStyles();
  const { t } = useApp();
  return (
    <section aria-labelledby="template-preview-title">
      <h3 id="template-preview-title" className={styles.section}>
        {t('ui.templates.preview')}
      </h3>
      <div className={preview.preview} data-testid="template-preview">
        {editor.sampleProblem ? (
          <span>{editor.sampleProblem}</span>
        ) : editor.sample ? (
          <>
            <strong>{editor.sample.subject}</strong>
            <p className={preview.body}>{editor.sample.text}</p>
            {logo && (
              <img className={preview.logo} src={logo} alt={t('ui.templates.signature.logo')} />
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
