// What a vitest test opens (a Postier, a test server, a worker thread) closed after it, the
// last opened first: one list and one afterEach for every kind, instead of one per file.
import { afterEach } from 'vitest';

const opened: { close(): unknown }[] = [];

afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

/** Registers `resource` to be closed once the current test ends; returns it. */
export function closeAfterTest<T extends { close(): unknown }>(resource: T): T {
  opened.push(resource);
  return resource;
}
