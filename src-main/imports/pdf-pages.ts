// Copies chosen pages of a merged PDF into new PDFs, as they are (muhammara copies the page
// objects: text, fonts and images are kept, nothing is re-rendered).
//
// muhammara looks up each page's inherited attributes (boxes, rotation, resources) by
// re-parsing its parent node some twenty times per page copied; with the flat page trees
// most generators write (one node holding every page) that makes a split quadratic: about
// 25 ms a page at 1,000 pages. So the source is first rewritten once, every page carrying
// its own attributes, after which each page copies in well under a millisecond.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type muhammara from 'muhammara';
import { pdfAddon } from '../pdf/muhammara-addon.js';
import { UserError } from '../../src-shared/errors.js';

const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
const DEFAULTED_BOXES = ['BleedBox', 'TrimBox', 'ArtBox'] as const;

type PdfValues = Record<string, muhammara.PDFObject>;

export class PdfPageSource {
  private constructor(
    private readonly workFolder: string,
    private readonly reader: muhammara.PDFReader,
    private readonly fileLabel: string,
  ) {}

  /** Prepares `file` for copying; call close() when done. */
  static open(file: string, fileLabel: string): PdfPageSource {
    const workFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-split-'));
    try {
      const prepared = path.join(workFolder, 'source.pdf');
      withOwnAttributes(file, prepared);
      return new PdfPageSource(workFolder, pdfAddon().createReader(prepared), fileLabel);
    } catch (error) {
      fs.rmSync(workFolder, { recursive: true, force: true });
      throw unreadable(fileLabel, error);
    }
  }

  get pageCount(): number {
    return this.reader.getPagesCount();
  }

  /** A new PDF made of the 1-based `pages`, in that order. */
  copy(pages: number[]): Buffer {
    const target = path.join(this.workFolder, 'part.pdf');
    try {
      const writer = pdfAddon().createWriter(target);
      // A reader as source (muhammara accepts it; the typings only list paths and streams):
      // the source is parsed once for every part.
      const copying = writer.createPDFCopyingContext(
        this.reader as unknown as muhammara.ReadStream,
      );
      for (const page of pages) copying.appendPDFPageFromPDF(page - 1);
      writer.end();
      return fs.readFileSync(target);
    } catch (error) {
      throw unreadable(this.fileLabel, error);
    }
  }

  close(): void {
    fs.rmSync(this.workFolder, { recursive: true, force: true });
  }
}

/** Writes `source` again (an incremental update) with every page holding its own attributes. */
function withOwnAttributes(source: string, target: string): void {
  const writer = pdfAddon().createWriterToModify(source, { modifiedFilePath: target });
  const reader = writer.getModifiedFileParser();
  const objects = writer.getObjectsContext();
  const copying = writer.createPDFCopyingContextForModifiedFile();
  const nodes = new Map<number, PdfValues>();
  const node = (reference: muhammara.PDFObject): PdfValues => {
    const id = reference.toPDFIndirectObjectReference().getObjectID();
    let values = nodes.get(id);
    if (!values) {
      values = reader.parseNewObject(id).toPDFDictionary().toJSObject() as PdfValues;
      nodes.set(id, values);
    }
    return values;
  };
  for (let index = 0; index < reader.getPagesCount(); index++) {
    const own = reader.parsePageDictionary(index).toJSObject() as PdfValues;
    const values: PdfValues = { ...own };
    for (const key of INHERITABLE) {
      for (let holder = own; !(key in values) && holder.Parent;) {
        holder = node(holder.Parent);
        if (holder[key]) values[key] = holder[key];
      }
    }
    const cropBox = values.CropBox ?? values.MediaBox;
    if (cropBox) {
      values.CropBox = cropBox;
      for (const box of DEFAULTED_BOXES) values[box] ??= cropBox;
    }
    objects.startModifiedIndirectObject(reader.getPageObjectID(index));
    const dictionary = objects.startDictionary();
    // The typings forget writeKey's argument.
    const writeKey = (key: string) =>
      (dictionary.writeKey as (key: string) => void).call(dictionary, key);
    for (const [key, value] of Object.entries(values)) {
      writeKey(key);
      copying.copyDirectObjectAsIs(value);
    }
    if (!values.Rotate) {
      writeKey('Rotate');
      objects.writeNumber(0);
    }
    objects.endDictionary(dictionary).endIndirectObject();
  }
  writer.end();
}

function unreadable(file: string, error: unknown): UserError {
  return new UserError('error.pdf.unreadable', {
    file,
    reason: (error as Error).message || 'copie des pages impossible',
  });
}
