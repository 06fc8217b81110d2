// The subject and text of the message as the user writes them, and "Insérer un champ", which
// puts {{field}} where the caret was in whichever of the two had it last.
import { useRef, useState, type SyntheticEvent } from 'react';
import { insertAtCaret } from '../../logic/text-editing.js';

type Which = 'subject' | 'body';
type TextElement = HTMLInputElement | HTMLTextAreaElement;

export interface MessageText {
  subject: string;
  body: string;
  setSubject: (text: string) => void;
  setBody: (text: string) => void;
  /** Give to onFocus and onSelect of the subject or body box. */
  remember: (which: Which) => (event: SyntheticEvent<TextElement>) => void;
  insertField: (field: string) => void;
}

export function useMessageText(): MessageText {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const lastField = useRef<{ element: TextElement | null; which: Which }>({
    element: null,
    which: 'body',
  });

  const insertField = (field: string) => {
    const target = lastField.current;
    const value = target.which === 'subject' ? subject : body;
    const element = target.element;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const result = insertAtCaret(value, start, end, `{{${field}}}`);
    if (target.which === 'subject') setSubject(result.text);
    else setBody(result.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(result.caret, result.caret);
    });
  };

  return {
    subject,
    body,
    setSubject,
    setBody,
    remember: (which) => (event) => {
      lastField.current = { element: event.currentTarget, which };
    },
    insertField,
  };
}
