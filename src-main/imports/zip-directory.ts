// The list of parts of a zip file (an .xlsx is one), read from its central directory at the
// end of the file without inflating anything (APPNOTE.TXT 4.3.12-4.3.16). exceljs's own zip
// readers inflate as they list; this one only reads the index.
import { UserError } from '../../src-shared/errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the two methods Excel and exceljs use. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the part's compressed bytes start in the file. */
  dataStart: number;
}

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ENTRY_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
/** A size or count this large means zip64, which no spreadsheet of Postier's size needs. */
const ZIP64_MARK = 0xffffffff;
/** A workbook has a few dozen parts; more is not a spreadsheet export. */
const MAX_ENTRIES = 10_000;

export function readZipDirectory(bytes: Buffer, label: string): ZipEntry[] {
  const end = findEndRecord(bytes, label);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES || directoryStart + directorySize > end) throw damaged(label);
  const entries: ZipEntry[] = [];
  let offset = directoryStart;
  for (let i = 0; i < count; i++) {
    if (offset + ENTRY_SIZE > end || bytes.readUInt32LE(offset) !== ENTRY_SIGNATURE) {
      throw damaged(label);
    }
    const nameLength = bytes.readUInt16LE(offset + 28);
    const entry = {
      name: bytes.toString('utf8', offset + ENTRY_SIZE, offset + ENTRY_SIZE + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      dataStart: dataStart(bytes, bytes.readUInt32LE(offset + 42), label),
    };
    if (entry.method !== 0 && entry.method !== 8) throw damaged(label);
    if (entry.compressedSize === ZIP64_MARK) throw damaged(label);
    if (entry.dataStart + entry.compressedSize > directoryStart) throw damaged(label);
    entries.push(entry);
    offset +=
      ENTRY_SIZE + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The end-of-central-directory record: the last one, in the file's last 64 KiB. */
function findEndRecord(bytes: Buffer, label: string): number {
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  // A zip cut short loses its end first: the usual damage of an interrupted copy or download.
  throw damaged(label);
}

function dataStart(bytes: Buffer, localHeader: number, label: string): number {
  if (localHeader + LOCAL_HEADER_SIZE > bytes.length) throw damaged(label);
  if (bytes.readUInt32LE(localHeader) !== LOCAL_SIGNATURE) throw damaged(label);
  return (
    localHeader +
    LOCAL_HEADER_SIZE +
    bytes.readUInt16LE(localHeader + 26) +
    bytes.readUInt16LE(localHeader + 28)
  );
}

export function damaged(label: string): UserError {
  return new UserError('import.error.workbookDamaged', { file: label }, `${label}: damaged zip`);
}
