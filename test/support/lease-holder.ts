// Run by engine-lease.test.ts as another workstation's sending engine, in a process of its
// own: holds the sending lease under the holder id given, as a running engine holds it (on
// PostgreSQL with its session, holdEngineSession), until killed.
// Usage: tsx lease-holder.ts DATA HOLDER   (DATA: a data folder or a postgres:// URL)
// Prints "held" once it holds the lease.
import path from 'node:path';
import { openDatabase } from '../../src-main/db/connection.js';
import { holdEngineSession } from '../../src-main/db/outbox-engine-lease.js';
import { openPostgresDatabase } from '../../src-main/db/postgres-dialect.js';
import { DATABASE_FILE_NAME, isPostgresUrl } from '../../src-main/data-folder/data-folder.js';
import { acquireLease } from '../../src-main/send/lease.js';

const [dataPath, holder] = process.argv.slice(2) as [string, string];
const { db } = isPostgresUrl(dataPath)
  ? openPostgresDatabase(dataPath)
  : openDatabase(path.join(dataPath, DATABASE_FILE_NAME));
await holdEngineSession(db, holder);
const result = await acquireLease(db, holder, 'AUTRE-POSTE (paul)', 120_000);
if (!result.held) throw new Error('lease not taken');
process.stdout.write('held\n');
// Holds it until killed, as an engine sending a long batch.
setInterval(() => undefined, 60_000);
