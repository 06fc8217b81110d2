// The database matrix of `npm test` (test/run-all.mjs): every integration file runs on SQLite,
// and again on PostgreSQL (POSTIER_TEST_DIALECT=postgres, test/support/dialects.ts) — except
// the files below, each with why it runs once.

/** About one database only, or starting its own PostgreSQL: the SQLite pass runs them. */
export const oneDatabaseOnly = {
  'db-damaged.test.ts': 'a damaged SQLite file (zero bytes, truncated, a page overwritten)',
  'db-locked.test.ts': "SQLite's write lock held by another process",
  'db-backup.test.ts':
    'backups are copies of the SQLite file (PostgreSQL: pg_dump, said by db backup)',
  'db-move.test.ts': 'moves a SQLite folder into PostgreSQL: both already',
  'postgres-server.test.ts': 'the throw-away server itself',
  'postgres-login.test.ts': 'a password login on its own server',
  'data-place.test.ts': 'a folder and a URL side by side, its own server',
  'migration-journal-search.test.ts':
    'upgrades a SQLite file holding rows from before 0004 (FTS5 tables): PostgreSQL support came after 0007',
  'migration-staff-notifications.test.ts':
    'upgrades a SQLite file holding staff from before 0007: PostgreSQL support came after 0007',
};

/** Opens no database at all: running it twice would test nothing more. */
export const noDatabase = {
  'mail-smtp-transport.test.ts': 'the SMTP transport against a test server',
  'oauth-smtp-xoauth2.test.ts': 'XOAUTH2 on an SMTP connection',
  'mail-credentials.test.ts': 'the credential stores (OS vault, encrypted file)',
  'gmail-transport.test.ts': 'the Gmail API transport against a local server',
  'oauth-flow.test.ts': 'the OAuth flow against a local OpenID provider, tokens in the vault',
  'import-graph.test.ts': 'npm run lint:imports (depcruise) on small source trees of its own',
  'mail-sandbox-transport.test.ts': 'the sandbox transport writing .eml files in a folder',
  'imap-sent-copy.test.ts': 'the Sent-folder copy against Dovecot and an SMTP test server',
};

/** The integration files the PostgreSQL pass leaves out. */
export const sqlitePassOnly = [...Object.keys(oneDatabaseOnly), ...Object.keys(noDatabase)].map(
  (file) => `test/integration/${file}`,
);
