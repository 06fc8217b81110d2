// A drop of the exchange folder on disk: which files make it, when it is complete, its
// fingerprint, and who took it. The exchange folder (exchange-folder.ts) decides what to do.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DONE_FOLDER = 'done';
export const ERROR_FOLDER = 'error';
/** Where a drop sits while it is imported: out of the billing software's way. */
export const WORK_FOLDER = 'en-cours';

export const TABLE_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '.xlsx']);
export const MARKER = /(^|\.)(ready|done)$/i;
/** Files still being written by other programs, and our own reports. */
const IGNORED =
  /(\.tmp|\.part|\.crdownload|\.rapport\.txt)$|^~\$|^(thumbs\.db|desktop\.ini|\.postier-en-cours)$/i;
/** Written in a drop taken by a workstation: who, since when. */
export const CLAIM_FILE = '.postier-en-cours';

export interface Drop {
  /** Stable across polls: the subfolder's name, or "" for loose files. */
  id: string;
  name: string;
  /** The subfolder, or null for loose files in the exchange folder itself. */
  directory: string | null;
  files: string[];
  signature: string;
  marked: boolean;
}

/** The drops waiting in the exchange folder: each subfolder, and the loose files together. */
export function findDrops(folder: string): Drop[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  const drops: Drop[] = [];
  const loose: string[] = [];
  for (const entry of entries) {
    if (IGNORED.test(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (
        [DONE_FOLDER, ERROR_FOLDER, WORK_FOLDER].includes(entry.name) ||
        entry.name.startsWith('.')
      )
        continue;
      const files = filesUnder(full);
      if (files.length > 0) drops.push(describeDrop(entry.name, entry.name, full, files));
    } else if (entry.isFile() && (!entry.name.startsWith('.') || MARKER.test(entry.name))) {
      loose.push(full);
    }
  }
  const content = loose.filter((file) => !MARKER.test(path.basename(file)));
  if (content.length > 0) {
    const first = content.find((file) => TABLE_EXTENSIONS.has(extension(file))) ?? content[0]!;
    drops.push(describeDrop('', path.parse(first).name, null, loose));
  }
  return drops;
}

export interface Claim {
  at: string;
  workstation: string;
  user: string;
}

/** Who took a drop and when; without a claim file, the folder's own date tells. */
export function readClaim(directory: string): Claim {
  try {
    return JSON.parse(fs.readFileSync(path.join(directory, CLAIM_FILE), 'utf8')) as Claim;
  } catch {
    return { at: fs.statSync(directory).mtime.toISOString(), workstation: '?', user: '?' };
  }
}

function describeDrop(id: string, name: string, directory: string | null, files: string[]): Drop {
  const stats = files
    .map((file) => {
      const stat = fs.statSync(file);
      return `${path.relative(directory ?? path.dirname(file), file)}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort();
  return {
    id,
    name,
    directory,
    files,
    signature: stats.join('\n'),
    marked: files.some((file) => MARKER.test(path.basename(file))),
  };
}

/** Same files, same content: the same drop, whatever it is called or when it comes. */
export function dropHash(directory: string): string {
  const hash = createHash('sha256');
  const files = filesUnder(directory)
    .filter((file) => !MARKER.test(path.basename(file)))
    .map((file) => ({
      file,
      name: path.relative(directory, file).split(path.sep).join('/').toLowerCase(),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { file, name } of files) {
    hash.update(name).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
  }
  return hash.digest('hex');
}

export function filesUnder(directory: string): string[] {
  return (fs.readdirSync(directory, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && !IGNORED.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `<folder>/<name>`, or `<name> (2)`, `<name> (3)`... when taken. */
export function uniquePath(folder: string, name: string): string {
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.rapport.txt`); n++) {
    candidate = path.join(folder, `${name} (${n})`);
  }
  return candidate;
}

export function extension(file: string): string {
  return path.extname(file).toLowerCase();
}
