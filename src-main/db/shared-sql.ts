// SQL pieces every query file uses.
import { sql } from 'kysely';

/** The database's now, written as the columns' defaults write it (ISO 8601, UTC, ms). */
export const nowSql = sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * Runs `work` on `items` a slice at a time and gives its results in order. SQLite caps the
 * parameters bound in one statement (32,766): long id lists and multi-row inserts go in
 * slices of `size` items.
 */
export async function inSlices<T, R = never>(
  items: readonly T[],
  size: number,
  work: (slice: T[]) => Promise<readonly R[] | void>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...((await work(items.slice(i, i + size))) ?? []));
  }
  return results;
}

/** LIKE treats % and _ as wildcards: a user searching "10_2" means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
