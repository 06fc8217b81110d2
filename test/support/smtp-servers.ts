// A real SMTP server on 127.0.0.1 for one vitest test, closed after it (like demoPostier's
// Postier). Kept apart from smtp-test-server.ts, which the Playwright tests import too.
import { closeAfterTest } from './close-after-test.js';
import {
  startSmtpTestServer,
  type SmtpTestServer,
  type SmtpTestServerOptions,
} from './smtp-test-server.js';

export async function smtpServerForTest(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  return closeAfterTest(await startSmtpTestServer(options));
}
