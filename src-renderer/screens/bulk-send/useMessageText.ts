// The subject and text of the message as the user reads and writes them: in plain words
// ([Nom de la personne], [Si : Date d’échéance]…[Fin si]), as in Paramètres > Modèles, never
// Handlebars. "Insérer un champ" / "Insérer une condition" put a field where the caret was;
// a text pasted from Gestion des ressources (&personne) or Winpass ({Adr_Nom}) is converted.
// What goes to the core (preview, warnings, queue) is `subject` and `body`: the same text
// turned back into Handlebars, exactly the type's template while the user changed nothing.
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type SyntheticEvent,
} from 'react';
import { convertLegacyKeywords } from '../../../src-shared/domain/legacy-keywords.js';
import {
  conditionTokens,
  fieldToken,
  fromPlainWords,
  rewordPlain,
  toPlainWords,
} from '../../../src-shared/domain/template-words.js';
import { useApp } from '../../app/app-context.js';
import type { FieldInserter } from '../../components/TemplateFieldMenus.js';
import { caretBack, wrapSelection } from '../../logic/text-editing.js';
import { failureText, legacyNotices } from '../settings/template-texts.js';

type Which = 'subject' | 'body';
type TextElement = HTMLInputElement | HTMLTextAreaElement;

interface Loaded {
  subject: string;
  body: string;
  fields: readonly string[];
}

export interface MessageText extends FieldInserter {
  /** The subject and text on screen, in plain words. */
  shownSubject: string;
  shownBody: string;
  setSubject: (text: string) => void;
  setBody: (text: string) => void;
  /** The Handlebars that goes to the core. */
  subject: string;
  body: string;
  /** A bracketed label that is not a field, a condition not closed: said, nothing is sent. */
  problem: string | null;
  /** Whether the user changed the type's text. */
  edited: boolean;
  /** The type's template (Handlebars) and the fields it may use: shown in plain words. */
  load: (subject: string, body: string, fields: readonly string[]) => void;
  /** Give to onFocus and onSelect of the subject or body box. */
  remember: (which: Which) => (event: SyntheticEvent<TextElement>) => void;
  onPaste: (which: Which) => (event: ClipboardEvent<TextElement>) => void;
}

export function useMessageText(): MessageText {
  const { language, t, notify } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({ subject: '', body: '', fields: [] });
  const [shownSubject, setSubject] = useState('');
  const [shownBody, setBody] = useState('');
  const elements = useRef<Record<Which, TextElement | null>>({ subject: null, body: null });
  const last = useRef<Which>('body');
  const { fields } = loaded;

  // Another screen language: the same text, its words in that language.
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    const reword = (value: string) => rewordPlain(value, fields, language);
    setSubject(reword);
    setBody(reword);
  }, [language, fields]);

  const edited =
    shownSubject !== toPlainWords(loaded.subject, fields, language) ||
    shownBody !== toPlainWords(loaded.body, fields, language);
  const source = useMemo(() => {
    if (!edited) return { subject: loaded.subject, body: loaded.body, problem: null };
    try {
      return {
        subject: fromPlainWords(shownSubject, fields),
        body: fromPlainWords(shownBody, fields),
        problem: null,
      };
    } catch (error) {
      return { subject: shownSubject, body: shownBody, problem: failureText(error, t) };
    }
  }, [edited, loaded, shownSubject, shownBody, fields, t]);

  /** Puts `before` (and `after`, around the selection) where the caret of `which` is. */
  const insert = (which: Which, before: string, after = '') => {
    const element = elements.current[which];
    const value = which === 'subject' ? shownSubject : shownBody;
    const result = wrapSelection(value, element, before, after);
    (which === 'subject' ? setSubject : setBody)(result.text);
    caretBack(element, result.caret);
  };

  return {
    shownSubject,
    shownBody,
    setSubject,
    setBody,
    ...source,
    edited,
    fields,
    load: (subject, body, known) => {
      setLoaded({ subject, body, fields: known });
      setSubject(toPlainWords(subject, known, language));
      setBody(toPlainWords(body, known, language));
    },
    remember: (which) => (event) => {
      elements.current[which] = event.currentTarget;
      last.current = which;
    },
    insertField: (field) => insert(last.current, fieldToken(language, field)),
    insertCondition: (field, kind) => {
      const { open, close } = conditionTokens(language, field, kind);
      const element = elements.current.body;
      const hasSelection = (element?.selectionEnd ?? 0) > (element?.selectionStart ?? 0);
      insert(
        'body',
        open,
        `${hasSelection ? '' : t('ui.templates.condition.placeholder')}${close}`,
      );
    },
    /** A paste from a former product: its keywords become fields, said in a notice. */
    onPaste: (which) => (event) => {
      const pasted = event.clipboardData.getData('text/plain');
      if (!pasted) return;
      const result = convertLegacyKeywords(pasted, fields);
      const plain = toPlainWords(result.source, fields, language);
      if (plain === pasted && result.unknown.length === 0) return;
      event.preventDefault();
      elements.current[which] = event.currentTarget;
      last.current = which;
      insert(which, plain);
      for (const notice of legacyNotices(result, language, t))
        notify(notice.text, notice.intent === 'success' ? 'success' : 'warning');
    },
  };
}
