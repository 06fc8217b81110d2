// The api over the headless host: one POST per operation with the run's token in a header,
// events over one WebSocket that says hello with the token first. Same shape as Electron's.
import { EVENT_NAMES, OPERATION_NAMES, type PostierApi } from '../src-shared/contract/index.js';
import { buildApi, type Result } from '../src-shared/contract/operation.js';
import { translate, type Language } from '../src-shared/i18n/catalog.js';

let requestLanguage: Language = 'fr';

/** The language the main side answers errors in. */
export function setRequestLanguage(language: Language): void {
  requestLanguage = language;
}

function readToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="postier-token"]')?.content ?? '';
}

export function createHostApi(): PostierApi {
  const token = readToken();
  const transport = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-postier-token': token,
          'x-postier-language': requestLanguage,
        },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return failure('ui.error.connectionLost');
    }
  };
  const events = new HostEvents(token);
  return buildApi(OPERATION_NAMES, EVENT_NAMES, transport, (name, listener) =>
    events.subscribe(name, listener),
  ) as unknown as PostierApi;
}

function failure(code: 'ui.error.connectionLost'): Result<never> {
  return { ok: false, error: { code, message: translate(requestLanguage, code) } };
}

/** One WebSocket for every listener, opened at the first one, reopened if it drops. */
class HostEvents {
  private socket: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private retryMs = 500;

  constructor(private readonly token: string) {}

  subscribe(name: string, listener: (payload: unknown) => void): () => void {
    let forName = this.listeners.get(name);
    if (!forName) this.listeners.set(name, (forName = new Set()));
    forName.add(listener);
    this.connect();
    return () => forName.delete(listener);
  }

  private connect(): void {
    if (this.socket) return;
    const socket = new WebSocket(`ws://${location.host}/events`);
    this.socket = socket;
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'hello', token: this.token }));
      this.retryMs = 500;
    });
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as {
        type: string;
        event?: string;
        payload?: unknown;
      };
      if (data.type !== 'event' || !data.event) return;
      for (const listener of this.listeners.get(data.event) ?? []) listener(data.payload);
    });
    socket.addEventListener('close', (close) => {
      this.socket = null;
      if (close.code === 4401) return; // refused token: reconnecting would not help
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    });
  }
}
