// The bulk send's list for one type and period, with the type's template and the fields a
// template may use. One planner call (api.sending.bulkList) per request: when the dialog
// opens, then each time "Afficher" asks. React may run an effect twice for one request
// (StrictMode) and re-render at will: the request already asked is remembered, so none of
// that calls the planner again.
import { useEffect, useRef, useState } from 'react';
import type { PostierApi } from '../../../src-shared/contract/index.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { api, call } from '../../api.js';

export interface BulkQuery {
  type: DocumentTypeCode;
  period: string;
}

type BulkList = Extract<
  Awaited<ReturnType<PostierApi['sending']['bulkList']>>,
  { ok: true }
>['value'];

export type LoadedList = BulkList & {
  html: string | null;
  templateSubject: string;
  templateText: string;
  fields: string[];
};

export interface BulkListEvents {
  onStart: () => void;
  onLoaded: (list: LoadedList) => void;
  onFailed: (error: unknown) => void;
}

/** Returns `show`, which asks for the list of a type and period (again, if it is the same). */
export function useBulkList(
  structureId: number | null,
  first: BulkQuery,
  events: BulkListEvents,
): (query: BulkQuery) => void {
  const [request, setRequest] = useState<BulkQuery>(first);
  const asked = useRef<BulkQuery | null>(null);
  const handlers = useRef(events);
  handlers.current = events;

  useEffect(() => {
    if (structureId === null || asked.current === request) return;
    asked.current = request;
    handlers.current.onStart();
    // Only the latest request's answer is shown; an older one arriving late is dropped.
    loadList(structureId, request).then(
      (list) => asked.current === request && handlers.current.onLoaded(list),
      (error: unknown) => asked.current === request && handlers.current.onFailed(error),
    );
  }, [structureId, request]);

  return (query) => setRequest({ type: query.type, period: query.period });
}

async function loadList(structureId: number, query: BulkQuery): Promise<LoadedList> {
  const [bulk, template, fields] = await Promise.all([
    call(api.sending.bulkList({ structureId, type: query.type, period: query.period.trim() })),
    call(api.templates.get({ structureId, type: query.type })),
    call(api.templates.fields({ structureId })),
  ]);
  return {
    ...bulk,
    html: template.html,
    templateSubject: template.subject,
    templateText: template.text,
    fields,
  };
}

/** The template's HTML goes with its own text only; a text the user changed gets a plain HTML. */
export function htmlFor(list: LoadedList | null, body: string): { htmlBody?: string } {
  return list?.html && body === list.templateText ? { htmlBody: list.html } : {};
}
