// The files of a bulk send: checked before anything is queued, sized to respect the mail
// account's limit, and written under <data>/outbox/<batch>/ (general files once, each
// message's own files under their own names) before the rows that point to them.
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentRole, MessageAttachment } from '../../src-shared/domain/outbox.js';
import { UserError } from '../../src-shared/errors.js';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import { encryptPdfSync } from '../pdf/encrypt.js';

export const OUTBOX_FOLDER_NAME = 'outbox';
/** The seed's advice: "ne dépassez pas 1 Mo". */
export const LARGE_ATTACHMENT_BYTES = 1024 * 1024;
/** Headers, MIME boundaries and part headers of a message, generously. */
const ENVELOPE_BYTES = 8 * 1024;
const PART_HEADER_BYTES = 400;

/** A file chosen by the user, checked to exist and be readable. */
export interface SourceFile {
  absolutePath: string;
  fileName: string;
  size: number;
}

/** Reads a file's size, or says which file cannot be used (before anything is queued). */
export function checkSourceFile(file: string, fileName = path.basename(file)): SourceFile {
  const absolutePath = path.resolve(file);
  try {
    const stat = fs.statSync(absolutePath);
    if (!stat.isFile()) throw new Error('not a file');
    fs.accessSync(absolutePath, fs.constants.R_OK);
    return { absolutePath, fileName: safeFileName(fileName, 'piece-jointe'), size: stat.size };
  } catch {
    throw new UserError('error.attachment.missing', { file });
  }
}

/** How one attachment of a planned message gets its file. */
export type AttachmentSource =
  /** Already in the data folder (the document's PDF, its extra files): sent from there. */
  | { kind: 'stored'; relativePath: string }
  /** Copied once per batch into outbox/<batch>/general/, whatever its name in each message. */
  | { kind: 'general'; file: SourceFile }
  /** Copied into the message's own folder. */
  | { kind: 'copy'; file: SourceFile }
  /**
   * Encrypted into the message's own folder with this password, from `absolutePath`: the
   * stored PDF (`reference`) or, on a database, this workstation's copy of it.
   */
  | { kind: 'encrypt'; absolutePath: string; password: string; reference: string };

export interface PlannedAttachment {
  fileName: string;
  size: number;
  role: AttachmentRole;
  source: AttachmentSource;
}

/** What the message will weigh once encoded: base64 (×4/3, plus line breaks) for every part. */
export function estimateMessageBytes(
  attachmentSizes: readonly number[],
  bodies: readonly string[],
): number {
  return estimateMessageBytesOf(
    attachmentSizes,
    bodies.map((body) => Buffer.byteLength(body, 'utf8')),
  );
}

/** The same from the bodies' sizes in bytes (see message-size.ts: a bound, before rendering). */
export function estimateMessageBytesOf(
  attachmentSizes: readonly number[],
  bodyBytes: readonly number[],
): number {
  return Math.ceil(ENVELOPE_BYTES + encodedSum(bodyBytes) + encodedSum(attachmentSizes));
}

/** What parts of these sizes weigh once encoded (called per planned message: no closures). */
function encodedSum(sizes: readonly number[]): number {
  let total = 0;
  for (const size of sizes) total += Math.ceil(size / 3) * 4 * (78 / 76) + PART_HEADER_BYTES;
  return total;
}

/** Gives each attachment of one message a distinct name: "lettre.pdf", "lettre (2).pdf". */
export function distinctNames(attachments: PlannedAttachment[]): PlannedAttachment[] {
  const taken = new Set<string>();
  return attachments.map((attachment) => {
    const { name, ext } = splitName(attachment.fileName);
    let fileName = attachment.fileName;
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) fileName = `${name} (${n})${ext}`;
    taken.add(fileName.toLowerCase());
    return { ...attachment, fileName };
  });
}

function splitName(fileName: string): { name: string; ext: string } {
  const ext = path.extname(fileName);
  return { name: fileName.slice(0, fileName.length - ext.length), ext };
}

/** A message's files as written: what its row says it carries, and what is its alone. */
export interface WrittenMessageFiles {
  attachments: MessageAttachment[];
  /** Files written for this message only: removed if the message is not queued after all. */
  ownFiles: string[];
}

/**
 * Writes a batch's files; remembers what it wrote so that a failure can remove it all.
 * A message's own files (its encrypted PDF, files for its recipient) keep their names, so
 * they go into shared folders: files/, then files-2/ for the second file of the same name
 * (the same document to a second parent), and so on. A folder per message would keep the
 * names apart too, but creating a folder costs more than writing a small file.
 */
export class OutboxFiles {
  private readonly generalPaths = new Map<string, string>();
  /** How many messages' files of each name (lower case: Windows ignores case) are written. */
  private readonly nameUses = new Map<string, number>();
  private sharedFolders = 0;

  constructor(
    private readonly folder: DataFolder,
    readonly batchId: number,
  ) {}

  get batchFolder(): string {
    return this.folder.resolve(`${OUTBOX_FOLDER_NAME}/${this.batchId}`);
  }

  /**
   * Writes one message's files; returns its attachments as stored. If one cannot be
   * written, what was written for this message is removed before the error goes on.
   */
  writeMessageFiles(planned: PlannedAttachment[]): WrittenMessageFiles {
    const attachments: MessageAttachment[] = [];
    const ownFiles: string[] = [];
    try {
      for (const attachment of planned) {
        const { source } = attachment;
        let relativePath: string;
        let size = attachment.size;
        if (source.kind === 'stored') {
          relativePath = source.relativePath;
        } else if (source.kind === 'general') {
          relativePath = this.copyGeneral(source.file);
        } else {
          relativePath = `${this.sharedFolderFor(attachment.fileName)}/${attachment.fileName}`;
          const target = this.folder.resolve(relativePath);
          ownFiles.push(target);
          if (source.kind === 'copy') fs.copyFileSync(source.file.absolutePath, target);
          // Synchronous: muhammara's work is, and a bulk send makes thousands of these calls.
          else size = encryptPdfSync(source.absolutePath, target, source.password);
        }
        attachments.push({
          fileName: attachment.fileName,
          path: relativePath,
          size,
          role: attachment.role,
          encrypted: source.kind === 'encrypt',
        });
      }
    } catch (error) {
      this.removeFiles(ownFiles);
      throw error;
    }
    return { attachments, ownFiles };
  }

  removeFiles(files: readonly string[]): void {
    for (const file of files) fs.rmSync(file, { force: true });
  }

  removeAll(): void {
    fs.rmSync(this.batchFolder, { recursive: true, force: true });
  }

  /** The first shared folder (relative path) where no message's file has this name yet. */
  private sharedFolderFor(fileName: string): string {
    const key = fileName.toLowerCase();
    const index = this.nameUses.get(key) ?? 0;
    this.nameUses.set(key, index + 1);
    const relative = `${OUTBOX_FOLDER_NAME}/${this.batchId}/${index === 0 ? 'files' : `files-${index + 1}`}`;
    if (index >= this.sharedFolders) {
      fs.mkdirSync(this.folder.resolve(relative), { recursive: true });
      this.sharedFolders = index + 1;
    }
    return relative;
  }

  private copyGeneral(file: SourceFile): string {
    const known = this.generalPaths.get(file.absolutePath);
    if (known) return known;
    const taken = new Set([...this.generalPaths.values()].map((p) => p.toLowerCase()));
    const { name, ext } = splitName(file.fileName);
    let relativePath = `${OUTBOX_FOLDER_NAME}/${this.batchId}/general/${file.fileName}`;
    for (let n = 2; taken.has(relativePath.toLowerCase()); n++) {
      relativePath = `${OUTBOX_FOLDER_NAME}/${this.batchId}/general/${name} (${n})${ext}`;
    }
    const target = this.folder.resolve(relativePath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file.absolutePath, target);
    this.generalPaths.set(file.absolutePath, relativePath);
    return relativePath;
  }
}
