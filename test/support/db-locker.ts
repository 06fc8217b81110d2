// Run by the db-* tests as another workstation on the same database file, in a process of
// its own: holds a lock (or the sending lease) until a line arrives on stdin, or HOLD_MS.
// Usage: tsx db-locker.ts FILE exclusive|reserved|lease [HOLD_MS]
//   exclusive  BEGIN EXCLUSIVE: nobody can even read
//   reserved   the sending lease, then BEGIN IMMEDIATE: readers go on, writers wait
//   lease      the sending lease only, as a running engine holds it
// Prints "held" once it holds it; commits, releases and exits on a line on stdin.
import Sqlite from 'better-sqlite3';
import { acquireLease, newHolderId } from '../../src-main/send/lease.js';
import { openDatabase } from '../../src-main/db/connection.js';

const [file, mode, holdText] = process.argv.slice(2);
const holdMs = Number(holdText ?? 60_000);

if (mode === 'lease' || mode === 'reserved') {
  const handle = openDatabase(file!);
  const holder = newHolderId();
  const result = await acquireLease(handle.db, holder, 'POSTE-COMPTA (marie)', 120_000);
  if (!result.held) throw new Error('lease not taken');
  await handle.close();
}
const sqlite = new Sqlite(file!);
if (mode === 'exclusive') sqlite.exec('begin exclusive');
if (mode === 'reserved') sqlite.exec('begin immediate');
process.stdout.write('held\n');

const release = () => {
  if (sqlite.inTransaction) sqlite.exec('commit');
  sqlite.close();
  process.exit(0);
};
process.stdin.once('data', release);
setTimeout(release, holdMs);
