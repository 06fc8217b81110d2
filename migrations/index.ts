// Static registry of migrations, in order. Imported, not scanned, so that it survives
// packaging into an asar archive. Add new files here with the next number.
import type { Migration } from 'kysely';
import * as m0001 from './0001-records-and-documents.js';
import * as m0002 from './0002-outbox.js';
import * as m0003 from './0003-send-as.js';
import * as m0004 from './0004-journal-search.js';
import * as m0005 from './0005-family-language.js';
import * as m0006 from './0006-scheduled-sends.js';
import * as m0007 from './0007-staff-notifications.js';
import * as m0008 from './0008-robot-heartbeat.js';
import * as m0009 from './0009-document-contents.js';
import * as m0010 from './0010-journal-search-trigrams.js';

export const migrations: Record<string, Migration> = {
  '0001-records-and-documents': m0001,
  '0002-outbox': m0002,
  '0003-send-as': m0003,
  '0004-journal-search': m0004,
  '0005-family-language': m0005,
  '0006-scheduled-sends': m0006,
  '0007-staff-notifications': m0007,
  '0008-robot-heartbeat': m0008,
  '0009-document-contents': m0009,
  '0010-journal-search-trigrams': m0010,
};
