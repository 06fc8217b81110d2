// Settings shared by every workstation, kept in the database as JSON values.
import type { Db } from './connection.js';

export async function readSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ value: json, version: eb('settings.version', '+', 1) })),
    )
    .execute();
}
