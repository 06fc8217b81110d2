// Several e-mail addresses typed in one box or one cell ("a@x.fr; b@y.fr", "a@x.fr, b@y.fr"):
// each becomes its own correspondent, as two --email options do on the command line.

/** The addresses of a list, in order, empty parts dropped; each is checked by its caller. */
export function splitAddressList(value: string): string[] {
  return value
    .split(/[;,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
