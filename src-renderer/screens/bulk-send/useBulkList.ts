// The bulk send's list for one type and period, with the type's template and the fields a
// template may use. One planner call (api.sending.bulkList) per request: when the dialog
// opens, when another type is chosen, when the user pauses on a complete period, each time
// "Afficher" asks, and after a dossier is fixed from the dialog (a refresh, which keeps what
// the user typed and checked). The list on screen is always the type's and period's shown in
// the fields: no invoice list under "Relevé fiscal". React may run an effect twice for one
// request (StrictMode) and re-render at will: the request already asked is remembered, so
// none of that calls the planner again.
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
  /** The same type and period read again (a dossier was fixed): keep the user's work. */
  onRefreshed?: (list: LoadedList) => void;
  onFailed: (error: unknown) => void;
}

interface Request extends BulkQuery {
  refresh: boolean;
}

/** How long the user pauses on a typed period before the list follows it. */
export const PERIOD_PAUSE_MS = 600;

/** A period the planner reads as it is: "2026-10" or "2025". */
export function isCompletePeriod(period: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period.trim());
}

export interface BulkListControls {
  /** "Afficher": the list of this type and period (again, if it is the same). */
  show: (query: BulkQuery) => void;
  /** The list shown, read again after a fix; the text and the check boxes stay. */
  refresh: () => void;
}

export function useBulkList(
  structureId: number | null,
  current: BulkQuery,
  events: BulkListEvents,
): BulkListControls {
  const [request, setRequest] = useState<Request>({ ...current, refresh: false });
  const asked = useRef<Request | null>(null);
  const handlers = useRef(events);
  handlers.current = events;
  const follow = (query: BulkQuery) =>
    setRequest((r) =>
      r.type === query.type && r.period === query.period ? r : { ...query, refresh: false },
    );

  // Another type: its list at once. Another period: once the user pauses on a complete one.
  // The pause's timer asks for the type and period as they are when it was set, and any
  // change of either starts it again: a type chosen during the pause is never followed by
  // the list of the type before it (the invoices coming back under "Relevé fiscal").
  useEffect(() => follow({ type: current.type, period: current.period }), [current.type]);
  useEffect(() => {
    if (!isCompletePeriod(current.period)) return undefined;
    const query = { type: current.type, period: current.period };
    const timer = setTimeout(() => follow(query), PERIOD_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [current.type, current.period]);

  useEffect(() => {
    if (structureId === null || asked.current === request) return;
    asked.current = request;
    handlers.current.onStart();
    // Only the latest request's answer is shown; an older one arriving late is dropped.
    loadList(structureId, request).then(
      (list) => {
        if (asked.current !== request) return;
        const { onRefreshed, onLoaded } = handlers.current;
        if (request.refresh && onRefreshed) onRefreshed(list);
        else onLoaded(list);
      },
      (error: unknown) => asked.current === request && handlers.current.onFailed(error),
    );
  }, [structureId, request]);

  return {
    show: (query) => setRequest({ type: query.type, period: query.period, refresh: false }),
    refresh: () => setRequest((r) => ({ ...r, refresh: true })),
  };
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

/**
 * The check boxes after a refresh: what the user unchecked stays unchecked, a document that
 * joins the list (its dossier was fixed) comes checked, as on a first reading.
 */
export function refreshedChecks(
  checked: ReadonlySet<number>,
  before: LoadedList | null,
  after: LoadedList,
): Set<number> {
  const known = new Set((before?.rows ?? []).map((r) => r.documentId));
  return new Set(
    after.rows.map((r) => r.documentId).filter((id) => (known.has(id) ? checked.has(id) : true)),
  );
}
