// Files that are not what an import expects, built by the tests that throw them at Postier:
// zips (a workbook, a zip bomb) written by hand, files of a given size that take no disk
// space, PDFs of many blank pages.
import fs from 'node:fs';
import { createDeflateRaw } from 'node:zlib';
import { pdfOfPages } from './import-fixtures.js';

export const MB = 1024 * 1024;

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Deflated size of data; with `declared`, what the directory claims it inflates to. */
  size: number;
}

/** A part whose text is `chunk` repeated `times`, deflated as a stream (never whole in memory). */
export async function deflatedPart(
  name: string,
  head: string,
  chunk: string,
  times: number,
  tail: string,
) {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head);
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor(MB / chunk.length))));
  const perBlock = Math.max(1, Math.floor(MB / chunk.length));
  let written = 0;
  for (; written + perBlock <= times; written += perBlock) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.write(chunk.repeat(times - written));
  deflate.end(tail);
  await done;
  const size = Buffer.byteLength(head) + chunk.length * times + Buffer.byteLength(tail);
  return { name, data: Buffer.concat(out), size, method: 8 };
}

/** A zip (local headers, central directory, end record) of deflated parts. */
export function zipOf(
  parts: (ZipPart & { method: number })[],
  declare = (p: ZipPart) => p.size,
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(Math.min(declare(part), 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(Math.min(declare(part), 0xfffffffe), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The sheet of a zip bomb: `bytes` of blank sheet XML that deflate to a few hundred KB. */
export function zipBombSheet(bytes: number) {
  return deflatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, ' ', bytes, SHEET_TAIL);
}

export async function workbookZip(
  sheet: ZipPart & { method: number },
  declare?: (p: ZipPart) => number,
) {
  const small = (name: string, text: string) => ({
    name,
    data: Buffer.from(text),
    size: Buffer.byteLength(text),
    method: 0,
  });
  return zipOf(
    [
      small('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
      small('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
      sheet,
    ],
    declare,
  );
}

/** A file of `size` bytes that takes no disk space (a sparse file): only its size matters. */
export function sparseFile(file: string, size: number, head: Buffer = Buffer.alloc(0)): string {
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
  return file;
}

export function blankPagesPdf(pages: number): Promise<Buffer> {
  return pdfOfPages(Array.from({ length: pages }, () => []));
}
