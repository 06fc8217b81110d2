// The one way the screens reach the main side: Electron's preload gives `window.postier`;
// in a browser (headless host) the same api goes over HTTP. Screens cannot tell which.
import type { ApiError, PostierApi, Result } from '../src-shared/contract/index.js';
import { createHostApi } from './host-client.js';

declare global {
  interface Window {
    postier?: PostierApi;
  }
}

export const api: PostierApi = window.postier ?? createHostApi();

/** A failed call, carrying the sentence to show the user. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** Unwraps a result: the value, or an ApiFailure thrown with the user's message. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
