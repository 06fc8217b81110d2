// Where a structure's signature is kept: its text and its logo in the shared settings (so the
// preparation thread and every workstation render the same bytes with one read), and the logo
// file itself in the data folder's logos/ folder, named by its content, for the office to
// find and back up. Paramètres > Modèles and `postier templates signature` both use this.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import {
  hasSignature,
  logoDataUrl,
  readLogoFile,
  SIGNATURE_MAX_CHARS,
  type LogoType,
  type Signature,
} from './signature.js';

export const LOGOS_FOLDER_NAME = 'logos';

interface StoredLogo {
  /** Relative to the data folder: logos/structure-1-<hash>.png */
  file: string;
  contentType: LogoType;
  size: number;
  base64: string;
}

interface StoredSignature {
  text: string;
  logo: StoredLogo | null;
}

/** What the settings page shows. */
export interface SignatureView {
  text: string;
  logo: { file: string; contentType: LogoType; size: number; dataUrl: string } | null;
}

const settingKey = (structureId: number) => `structure.signature.${structureId}`;
const EMPTY: StoredSignature = { text: '', logo: null };

async function readStored(db: Db, structureId: number): Promise<StoredSignature> {
  return readSetting<StoredSignature>(db, settingKey(structureId), EMPTY);
}

/** The signature every message of the structure carries, or null when it has none. */
export async function readSignature(
  db: Db,
  structureId: number,
  structureName: string,
): Promise<Signature | null> {
  const stored = await readStored(db, structureId);
  const signature: Signature = {
    text: stored.text,
    logo: stored.logo && { contentType: stored.logo.contentType, base64: stored.logo.base64 },
    name: structureName,
  };
  return hasSignature(signature) ? signature : null;
}

export class SignatureSettings {
  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
  ) {}

  async get(structureId: number): Promise<SignatureView> {
    const stored = await readStored(this.db, structureId);
    const logo = stored.logo;
    return {
      text: stored.text,
      logo: logo && {
        file: logo.file,
        contentType: logo.contentType,
        size: logo.size,
        dataUrl: logoDataUrl(logo),
      },
    };
  }

  /** The signature's text (plain text, a few lines), keeping the logo. */
  async setText(structureId: number, text: string): Promise<SignatureView> {
    const clean = text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what we remove
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .trim();
    if (clean.length > SIGNATURE_MAX_CHARS) {
      throw new UserError('error.signature.textTooLong', {
        length: clean.length,
        max: SIGNATURE_MAX_CHARS,
      });
    }
    const stored = await readStored(this.db, structureId);
    await writeSetting(this.db, settingKey(structureId), { ...stored, text: clean });
    return this.get(structureId);
  }

  /** Checks the file (PNG or JPEG, bounded size), copies it into the data folder, keeps it. */
  async setLogo(structureId: number, sourceFile: string): Promise<SignatureView> {
    const { bytes, contentType } = readLogoFile(sourceFile);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const extension = contentType === 'image/png' ? 'png' : 'jpg';
    const relative = `${LOGOS_FOLDER_NAME}/structure-${structureId}-${hash}.${extension}`;
    const target = this.folder.resolve(relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, bytes);
    const stored = await readStored(this.db, structureId);
    const logo: StoredLogo = {
      file: relative,
      contentType,
      size: bytes.length,
      base64: bytes.toString('base64'),
    };
    await writeSetting(this.db, settingKey(structureId), { ...stored, logo });
    return this.get(structureId);
  }

  /** No logo any more; its file stays in the data folder, like every file given to Postier. */
  async removeLogo(structureId: number): Promise<SignatureView> {
    const stored = await readStored(this.db, structureId);
    await writeSetting(this.db, settingKey(structureId), { ...stored, logo: null });
    return this.get(structureId);
  }
}
