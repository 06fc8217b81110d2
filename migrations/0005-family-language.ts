// The language a family reads (issue 13, point 6): each dossier has one, French for every
// dossier that exists today; a correspondent may have its own (NULL: the dossier's). The
// office's saved e-mail templates become per language: the one saved so far is kept as the
// template in its structure's language (the language its defaults were shown in).
// Frozen in time: never edit once released; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dossiers')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
    .execute();
  await db.schema.alterTable('correspondents').addColumn('language', 'text').execute();
  // PostgreSQL support came after this migration: no database there holds templates of before.
  if (isPostgres(db)) return;
  // email.template.<structure>.<type> → email.template.<structure>.<type>.<fr|en>
  await sql`
    UPDATE settings
       SET key = key || '.' || (
             SELECT CASE WHEN lower(s.locale) LIKE 'en%' THEN 'en' ELSE 'fr' END
               FROM structures s
              WHERE 'email.template.' || s.id || '.' = substr(settings.key, 1, length('email.template.' || s.id || '.')))
     WHERE key GLOB 'email.template.[0-9]*.*'
       AND key NOT GLOB 'email.template.*.*.*'
       AND EXISTS (SELECT 1 FROM structures s
                    WHERE 'email.template.' || s.id || '.' = substr(settings.key, 1, length('email.template.' || s.id || '.')))
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  // Back to one template per type: the one in the structure's own language stays (as before
  // 0005), a template written for the other language has nowhere to go.
  const structureLanguage = sql`(
    SELECT CASE WHEN lower(s.locale) LIKE 'en%' THEN 'en' ELSE 'fr' END
      FROM structures s
     WHERE 'email.template.' || s.id || '.' = substr(settings.key, 1, length('email.template.' || s.id || '.')))`;
  if (isPostgres(db)) {
    // The same rows in PostgreSQL's words (templates saved there since are per language): it
    // has no GLOB, and its substr(key, -2) does not count from the end. The SQLite branch
    // below stays as released.
    const perLanguage = '^email\\.template\\.[0-9].*\\..*\\.[fe][rn]$';
    await sql`
      DELETE FROM settings
       WHERE key ~ ${perLanguage}
         AND right(key, 2) <> coalesce(${structureLanguage}, 'fr')
    `.execute(db);
    await sql`
      UPDATE settings SET key = left(key, length(key) - 3) WHERE key ~ ${perLanguage}
    `.execute(db);
  } else {
    await sql`
      DELETE FROM settings
       WHERE key GLOB 'email.template.[0-9]*.*.[fe][rn]'
         AND substr(key, -2) <> coalesce(${structureLanguage}, 'fr')
    `.execute(db);
    await sql`
      UPDATE settings SET key = substr(key, 1, length(key) - 3)
       WHERE key GLOB 'email.template.[0-9]*.*.[fe][rn]'
    `.execute(db);
  }
  await db.schema.alterTable('correspondents').dropColumn('language').execute();
  await db.schema.alterTable('dossiers').dropColumn('language').execute();
}
