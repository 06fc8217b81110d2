// A real SMTP server on 127.0.0.1 for one vitest test, closed after it (like demoPostier's
// Postier). Kept apart from smtp-test-server.ts, which the Playwright tests import too.
import { afterEach } from 'vitest';
import {
  startSmtpTestServer,
  type SmtpTestServer,
  type SmtpTestServerOptions,
} from './smtp-test-server.js';

const started: SmtpTestServer[] = [];

afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

export async function smtpServerForTest(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(options);
  started.push(server);
  return server;
}
