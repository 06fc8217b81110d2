// The name Postier gives itself in the SMTP greeting (EHLO). Servers and spam filters check
// that it names a real host: nodemailer's fallback, "[127.0.0.1]", looks like a script on a
// hijacked machine. The workstation's name when it is a full one (it has a dot), else the
// domain of the account's own address, which the provider knows.
import os from 'node:os';
import { domainOf, isValidEmail } from '../../src-shared/validation/identity.js';

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Undefined when neither is usable: nodemailer then says what it always said. */
export function greetingName(
  ownAddress: string | null,
  workstation: string = safeHostname(),
): string | undefined {
  const host = workstation.trim().toLowerCase();
  if (HOST_NAME.test(host) && !IPV4.test(host)) return host;
  const domain = ownAddress && isValidEmail(ownAddress) ? domainOf(ownAddress) : '';
  return HOST_NAME.test(domain) ? domain : undefined;
}

function safeHostname(): string {
  try {
    return os.hostname();
  } catch {
    return '';
  }
}
