// The page's only door to the main side: one function per operation of the contract (and
// `on` for its events), each bound to its own channel. No ipcRenderer, no generic invoke.
// Bundled to one CommonJS file (dist/electron/preload.cjs): sandboxed preloads load nothing.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  OPERATION_NAMES,
  eventChannel,
  operationChannel,
  type EventName,
  type OperationName,
} from '../../src-shared/contract/index.js';
import { buildApi, type Result } from '../../src-shared/contract/operation.js';

const api = buildApi(
  OPERATION_NAMES,
  EVENT_NAMES,
  (name, input) =>
    ipcRenderer.invoke(operationChannel(name as OperationName), input) as Promise<Result<unknown>>,
  (name, listener) => {
    const channel = eventChannel(name as EventName);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('postier', api);
