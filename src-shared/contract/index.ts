// The IPC contract: every operation the renderer may call, every event it may receive.
// The Electron preload and the headless host both expose exactly these, nothing else.
import { appOperations } from './app.js';
import { bulkWarningsOperations } from './bulk-warnings.js';
import { dataPlaceOperations } from './data-place.js';
import { documentsOperations } from './documents.js';
import { importOperations } from './imports.js';
import { methodsOperations } from './methods.js';
import { notificationsOperations } from './notifications.js';
import { outboxOperations } from './outbox.js';
import { contractEvents } from './events.js';
import { eventsByName, operationsByName, type ApiOf } from './operation.js';
import { recordsOperations } from './records.js';
import { robotOperations } from './robot.js';
import { scheduleOperations } from './schedule.js';
import { sendingOperations } from './sending.js';
import { templateHelpOperations } from './template-help.js';

export const contract = operationsByName(
  ...appOperations,
  ...dataPlaceOperations,
  ...recordsOperations,
  ...documentsOperations,
  ...sendingOperations,
  ...outboxOperations,
  ...bulkWarningsOperations,
  ...methodsOperations,
  ...importOperations,
  ...templateHelpOperations,
  ...robotOperations,
  ...notificationsOperations,
  ...scheduleOperations,
);
export type Contract = typeof contract;
export type OperationName = keyof Contract & string;

export const events = eventsByName(...contractEvents);
export type Events = typeof events;
export type EventName = keyof Events & string;

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What the renderer holds: `api.dossiers.search({ text })`, `api.on('sending.progress', …)`. */
export type PostierApi = ApiOf<Contract, Events>;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The Electron IPC channel of an operation or event. */
export const operationChannel = (name: OperationName) => `postier:${name}`;
export const eventChannel = (name: EventName) => `postier-event:${name}`;

export type { ApiError, Result, InputOf, OutputOf, ParsedInputOf, PayloadOf } from './operation.js';
