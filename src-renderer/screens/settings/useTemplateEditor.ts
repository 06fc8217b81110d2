// The template editor's state: the subject and text in plain words ([Nom de la personne],
// [Si : Date d’échéance]…[Fin si]), turned into Handlebars only to save or preview; pasted
// keywords of Gestion des ressources and Winpass converted with a notice; the sample the
// family would read, refreshed as the user types. One template per type and families'
// language: `familyLanguage` chooses which is loaded, saved and previewed.
import { useEffect, useRef, useState, type ClipboardEvent } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { convertLegacyKeywords } from '../../../src-shared/domain/legacy-keywords.js';
import type { Language } from '../../../src-shared/i18n/catalog.js';
import {
  conditionTokens,
  fieldToken,
  fromPlainWords,
  rewordPlain,
  toPlainWords,
} from '../../../src-shared/domain/template-words.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { caretBack, wrapSelection } from '../../logic/text-editing.js';
import { failureText, legacyNotices, type Notice } from './template-texts.js';

type Part = 'subject' | 'body';
type TextElement = HTMLInputElement | HTMLTextAreaElement;

export interface Sample {
  subject: string;
  text: string;
}

/** `signature`: any value that changes with the structure's signature, to refresh the sample. */
export function useTemplateEditor(
  structureId: number,
  type: DocumentTypeCode,
  familyLanguage: Language,
  signature: unknown,
) {
  const { t, language, showError, notify } = useApp();
  const loaded = useAsync(
    () => call(api.templates.get({ structureId, type, language: familyLanguage })),
    `${structureId}|${type}|${familyLanguage}`,
    showError,
  );
  const fieldList = useAsync(
    () => call(api.templates.fields({ structureId })),
    String(structureId),
    showError,
  );
  const fields = fieldList.value ?? [];
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [notices, setNotices] = useState<Notice[]>([]);
  const [sample, setSample] = useState<Sample | null>(null);
  const [sampleProblem, setSampleProblem] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastPart = useRef<Part>('body');

  // Loaded (not on a change of language, which keeps the text being edited: below).
  useEffect(() => {
    if (!loaded.value || !fieldList.value) return;
    setSubject(toPlainWords(loaded.value.subject, fieldList.value, language));
    setText(toPlainWords(loaded.value.text, fieldList.value, language));
  }, [loaded.value, fieldList.value]);
  // Another screen language: the same text, its words in that language; old notices go.
  useEffect(() => {
    setNotices([]);
    const reword = (value: string) => rewordPlain(value, fields, language);
    setSubject(reword);
    setText(reword);
  }, [language]);
  useEffect(() => setNotices([]), [structureId, type, familyLanguage]);
  /** An edit makes a refusal out of date: it goes (a conversion notice stays). */
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setNotices((shown) => shown.filter((notice) => notice.intent !== 'error'));
  };

  /** The Handlebars to save: the loaded HTML is kept only while the text is unchanged. */
  const source = () => {
    const body = fromPlainWords(text, fields);
    return {
      subject: fromPlainWords(subject, fields),
      text: body,
      html: body === loaded.value?.text ? loaded.value.html : null,
    };
  };

  // The sample follows the text, a moment after the user stops typing.
  useEffect(() => {
    if (!loaded.value || !fieldList.value) return;
    const timer = setTimeout(() => {
      let template;
      try {
        template = source();
      } catch (error) {
        setSampleProblem(failureText(error, t));
        return;
      }
      call(api.templates.sample({ structureId, template, language: familyLanguage })).then(
        (value) => {
          setSample(value);
          setSampleProblem(null);
        },
        (error: unknown) => setSampleProblem(failureText(error, t)),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [subject, text, loaded.value, fieldList.value, structureId, familyLanguage, signature]);

  const elementOf = (part: Part): TextElement | null =>
    part === 'subject' ? subjectRef.current : bodyRef.current;
  const valueOf = (part: Part) => (part === 'subject' ? subject : text);
  const setValue = (part: Part, value: string) =>
    part === 'subject' ? setSubject(value) : setText(value);

  /** Puts `before` (and `after`, around the selection) where the caret is. */
  const insert = (part: Part, before: string, after = '') => {
    const element = elementOf(part);
    const value = valueOf(part);
    const result = wrapSelection(value, element, before, after);
    setValue(part, result.text);
    caretBack(element, result.caret);
  };

  return {
    loaded,
    fields,
    subject,
    text,
    setSubject: edit(setSubject),
    setText: edit(setText),
    notices,
    sample,
    sampleProblem,
    subjectRef,
    bodyRef,
    remember: (part: Part) => () => {
      lastPart.current = part;
    },
    insertField: (field: string) => insert(lastPart.current, fieldToken(language, field)),
    insertCondition: (field: string, kind: 'if' | 'unless') => {
      const { open, close } = conditionTokens(language, field, kind);
      const element = bodyRef.current;
      const hasSelection = element && element.selectionEnd > element.selectionStart;
      insert(
        'body',
        open,
        `${hasSelection ? '' : t('ui.templates.condition.placeholder')}${close}`,
      );
    },
    /** A paste from a former product: its keywords become fields, with a notice. */
    onPaste: (part: Part) => (event: ClipboardEvent<TextElement>) => {
      const pasted = event.clipboardData.getData('text/plain');
      if (!pasted) return;
      const result = convertLegacyKeywords(pasted, fields);
      const plain = toPlainWords(result.source, fields, language);
      if (plain === pasted && result.unknown.length === 0) return;
      event.preventDefault();
      lastPart.current = part;
      insert(part, plain);
      setNotices(legacyNotices(result, language, t));
    },
    save: async () => {
      try {
        const template = source();
        // Keywords typed by hand are converted by the service too: said here the same way.
        const typed = convertLegacyKeywords(`${template.subject}\n${template.text}`, fields);
        loaded.set(
          await call(api.templates.save({ structureId, type, template, language: familyLanguage })),
        );
        setNotices(typed.conversions.length ? legacyNotices(typed, language, t) : []);
        notify(t('ui.settings.saved'));
      } catch (error) {
        setNotices([{ intent: 'error', text: failureText(error, t) }]);
      }
    },
    restore: async () => {
      try {
        loaded.set(
          await call(
            api.templates.save({ structureId, type, template: null, language: familyLanguage }),
          ),
        );
        notify(t('ui.settings.saved'));
      } catch (error) {
        setNotices([{ intent: 'error', text: failureText(error, t) }]);
      }
    },
  };
}

export type TemplateEditor = ReturnType<typeof useTemplateEditor>;
