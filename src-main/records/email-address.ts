// An e-mail address as it will be stored and used on the wire. An international domain
// (marie@bücher.de) is stored in its ASCII form (xn--bcher-kva.de): the SMTP envelope, the
// bounce reader and duplicate checks then all see the one form every server accepts without
// the SMTPUTF8 extension, which Postier's transports do not use. A local part with accents
// needs SMTPUTF8 on every server on the way, so it is refused with a sentence saying why.
import { domainToASCII } from 'node:url';
import { UserError } from '../../src-shared/errors.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { checkRecordText, quoted, textError } from '../../src-shared/validation/record-text.js';
import { singleLine } from '../../src-shared/validation/single-line.js';

// eslint-disable-next-line no-control-regex -- ASCII is what the wire takes
const NOT_ASCII = /[^\u0000-\u007f]/;

/** The address as stored (domain in ASCII); a UserError saying what is wrong otherwise. */
export function storableAddress(input: string): string {
  const checked = checkRecordText('email', input);
  // A line break in an address is an attempt at another header: an invalid address.
  if ('problem' in checked && checked.problem.kind === 'tooLong') throw textError(checked.problem);
  if ('problem' in checked) throw new UserError('error.email.invalid', { email: shown(input) });
  const value = checked.text;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, Math.max(0, at));
  const domain = value.slice(at + 1);
  if (at > 0 && NOT_ASCII.test(local)) {
    throw new UserError('records.error.emailLocalNotAscii', { email: shown(value) });
  }
  // domainToASCII gives '' for a domain that cannot be a host name.
  const asciiDomain = NOT_ASCII.test(domain) ? domainToASCII(domain) : domain;
  const address = `${local}@${asciiDomain}`;
  const emptyLabel = asciiDomain.split('.').includes('');
  if (at <= 0 || asciiDomain === '' || emptyLabel || !isValidEmail(address)) {
    throw new UserError('error.email.invalid', { email: shown(value) });
  }
  return address;
}

/** An address quoted in a message: one line, cut. */
function shown(value: string): string {
  return quoted(singleLine(value));
}

/** An optional address: empty means none. */
export function optionalAddress(value: string | null | undefined): string | null {
  return value?.trim() ? storableAddress(value) : null;
}
