// A PostgreSQL server as the office's database (issue 16): its address and reaching it, English.
import type { postgresFr } from './postgres.fr.js';

export const postgresEn: Record<keyof typeof postgresFr, string> = {
  'error.postgres.badUrl':
    'The database address “{url}” is not valid: write it postgres://user@server:port/database.',
  'error.postgres.passwordInUrl':
    'Do not write the password in the database address: give it with “postier db connect ADDRESS --password-stdin”, or in PostgreSQL’s pgpass file.',
  'error.postgres.unreachable':
    'The database server “{server}” does not answer ({reason}): check the address and the network (VPN), or ask your IT person whether it is running.',
  'error.postgres.refused': 'The database server “{server}” refuses the connection: {reason}',
  'error.postgres.notYet':
    'This command does not work on a PostgreSQL database yet: it acts on a data folder’s database file. On a server, backups and checks are made with its own tools (pg_dump, pg_amcheck).',
  'error.postgres.contentMissing': 'The file “{reference}” is not in the database.',
  'error.postgres.noPassword':
    'The database server asks for a password for “{login}” and this workstation has none: give it with “postier db connect ADDRESS --password-stdin”.',
  'db.connect.done':
    'Connected: the password of “{login}” is kept in this workstation’s credential store ({store}).',
};
