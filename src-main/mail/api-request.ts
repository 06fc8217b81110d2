// One HTTPS call to a mail API (Microsoft Graph, Gmail) with what every call needs: the
// account's access token (refreshed once when the API says it expired), the server's
// Retry-After honoured for short waits, a timeout, and network errors told apart by whether
// the request may have reached the server (then a send is "uncertain", never retried blindly).
import { translate } from '../../src-shared/i18n/catalog.js';
import type { AccessTokenSource } from '../oauth/access-token.js';
import {
  MethodFailure,
  reconnectFailure,
  shortText,
} from '../../src-shared/domain/method-failure.js';
import { classifySendFailure, type FailureContext } from './send-failure-classifier.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface ApiService {
  /** "Microsoft Graph", "Gmail": named in every sentence. */
  name: string;
  /** For network failures: the host the sentence names. */
  context: FailureContext;
  /** The account, for the "reconnect" sentence. */
  account: string;
  provider: string;
  /** Turns an error answer into a failure of the right kind. */
  classify(response: ApiResponse, retryAfterMs: number | null): MethodFailure;
}

export interface ApiSettings {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** One request, answer included (large uploads on slow office links). */
  timeoutMs: number;
  /** A Retry-After up to this long is waited here; a longer one goes back to the engine. */
  maxInlineWaitMs: number;
  /** How many throttled answers are waited out here before giving up to the engine. */
  maxInlineRetries: number;
}

export const DEFAULT_API_SETTINGS: ApiSettings = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeoutMs: 120_000,
  maxInlineWaitMs: 30_000,
  maxInlineRetries: 2,
};

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** False for a pre-authenticated URL (Graph upload sessions): no Authorization header. */
  authorized?: boolean;
  /**
   * False for a request that sends mail: once it may have reached the server, a lost
   * answer means "maybe sent", never "try again".
   */
  idempotent?: boolean;
}

export interface ApiClient {
  call(request: ApiRequest): Promise<ApiResponse>;
  /** The call, its answer parsed as JSON. */
  json<T>(request: ApiRequest): Promise<T>;
}

export function createApiClient(
  service: ApiService,
  tokens: AccessTokenSource,
  settings: Partial<ApiSettings> = {},
): ApiClient {
  const s = { ...DEFAULT_API_SETTINGS, ...settings };
  const call = async (request: ApiRequest): Promise<ApiResponse> => {
    let refreshed = false;
    for (let waited = 0; ;) {
      const token = request.authorized === false ? null : await tokens.accessToken();
      const response = await send(s, service, request, token);
      if (response.status === 401 && token !== null && !refreshed) {
        // Expired early or revoked: one silent refresh, then the account needs the user.
        refreshed = true;
        await tokens.accessToken({ forceRefresh: true });
        continue;
      }
      if (response.status === 401 && token !== null) {
        throw reconnectFailure(
          { account: service.account, provider: service.provider, detail: `HTTP 401` },
          { reply: shortText(response.text), responseCode: 401 },
        );
      }
      if (response.status < 400) return response;
      const retryAfterMs = retryAfter(response.headers);
      if (
        isThrottled(response.status) &&
        retryAfterMs !== null &&
        retryAfterMs <= s.maxInlineWaitMs &&
        waited < s.maxInlineRetries
      ) {
        waited++;
        await s.sleep(retryAfterMs);
        continue;
      }
      throw service.classify(response, retryAfterMs);
    }
  };
  return {
    call,
    async json<T>(request: ApiRequest): Promise<T> {
      const response = await call(request);
      return (response.text ? JSON.parse(response.text) : {}) as T;
    },
  };
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The answer as one line for the journal's "server reply": status, reason phrase (the
 * engine recognises "Too Many Requests" as "slow down the whole account"), the API's own
 * error, and Retry-After.
 */
export function replyLine(status: number, detail: string, retryAfterMs: number | null): string {
  const wait = retryAfterMs === null ? '' : ` (Retry-After: ${Math.ceil(retryAfterMs / 1000)} s)`;
  const phrase = REASON_PHRASES[status] ? ` ${REASON_PHRASES[status]}` : '';
  return `${status}${phrase}${wait}${detail ? ` — ${shortText(detail, 400)}` : ''}`;
}

/** Where and as whom a service is called: the account's token, the API's address. */
export interface ServiceAccess {
  tokens: AccessTokenSource;
  /** The mailbox's address, for sentences ("reconnect the account …"). */
  account: string;
  baseUrl?: string;
  api?: Partial<ApiSettings>;
}

export interface ServiceDefinition {
  name: string;
  provider: string;
  defaultBaseUrl: string;
  classify(response: ApiResponse, retryAfterMs: number | null, account: string): MethodFailure;
}

/** A client of one API for one account, with the base URL and the host sentences name. */
export function serviceClient(definition: ServiceDefinition, access: ServiceAccess) {
  const baseUrl = (access.baseUrl ?? definition.defaultBaseUrl).replace(/\/+$/, '');
  const context: FailureContext = { host: new URL(baseUrl).hostname, port: 443, security: 'tls' };
  const api = createApiClient(
    {
      name: definition.name,
      context,
      account: access.account,
      provider: definition.provider,
      classify: (response, retryAfterMs) =>
        definition.classify(response, retryAfterMs, access.account),
    },
    access.tokens,
    access.api,
  );
  return { api, baseUrl, context };
}

export function isThrottled(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfter(headers: Headers, now: number = Date.now()): number | null {
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function send(
  s: ApiSettings,
  service: ApiService,
  request: ApiRequest,
  token: string | null,
): Promise<ApiResponse> {
  let response: Response;
  try {
    response = await s.fetch(request.url, {
      method: request.method,
      headers: { ...request.headers, ...(token && { authorization: `Bearer ${token}` }) },
      ...(request.body !== undefined && { body: fetchBody(request.body) }),
      signal: AbortSignal.timeout(s.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw networkFailure(error, service, request);
  }
}

/** Error codes of a request that never reached the server: safe to try again. */
const NEVER_ARRIVED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function networkFailure(error: unknown, service: ApiService, request: ApiRequest): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (NEVER_ARRIVED.has(code)) return classifySendFailure(cause, service.context);
  const detail = shortText(cause?.message ?? (error as Error).message ?? String(error));
  if (request.idempotent !== false) {
    return new MethodFailure('temporary', 'connection_lost', 'methods.failure.noAnswerRetry', {
      service: service.name,
      detail,
    });
  }
  // The message may be on its way: the engine marks it uncertain and asks the user.
  return new Error(translate('fr', 'methods.failure.noAnswer', { service: service.name, detail }));
}

/**
 * fetch's DOM typing (the Electron build sees it) takes only ArrayBuffer-backed views; a
 * Node Buffer may sit on a shared pool, so binary bodies are copied into their own buffer.
 */
function fetchBody(body: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}
