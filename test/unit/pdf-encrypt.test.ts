// PDF password protection: the encrypted file opens with the right password only, with
// AES-128, printing allowed and editing not; the password never shows in an error.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/catalog.js';
import { encryptPdf, encryptPdfBytes } from '../../src-main/pdf/encrypt.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { tempFolder } from '../support/temp-folder.js';

const run = promisify(execFile);
const SIN = '046454286';

async function samplePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function qpdf(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('qpdf', args);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('encryptPdf', () => {
  it('opens with the right password, refuses a wrong one and none', async () => {
    const folder = tempFolder();
    const out = path.join(folder, 'Relevé fiscal RL-2025-1001.pdf');
    const size = await encryptPdf(await samplePdf('Relevé 24 de Bérénice Lefèvre-Côté'), out, SIN);
    const bytes = fs.readFileSync(out);
    expect(size).toBe(bytes.length);

    expect((await readPdfText(bytes, { password: SIN })).join('\n')).toContain(
      'Relevé 24 de Bérénice Lefèvre-Côté',
    );
    await expect(readPdfText(bytes, { password: '000000000' })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
      params: { reason: 'le mot de passe est incorrect' },
    });
    await expect(readPdfText(bytes)).rejects.toMatchObject({
      params: { reason: 'il est protégé par un mot de passe' },
    });

    expect(
      (await qpdf([`--password=${SIN}`, '--decrypt', out, path.join(folder, 'clear.pdf')])).code,
    ).toBe(0);
    expect(
      (await qpdf(['--password=123456789', '--decrypt', out, path.join(folder, 'no.pdf')])).code,
    ).toBe(2);
    const { stdout: pdftotext } = await run('pdftotext', ['-upw', SIN, out, '-']);
    expect(pdftotext).toContain('Relevé 24');
    // Nothing but the result is left behind.
    expect(fs.readdirSync(folder).sort()).toEqual(['Relevé fiscal RL-2025-1001.pdf', 'clear.pdf']);
  });

  it('uses AES-128 (the strongest muhammara writes), allows printing and forbids editing', async () => {
    const folder = tempFolder();
    const source = path.join(folder, 'source.pdf');
    fs.writeFileSync(source, await samplePdf('Formulaire de vérification'));
    const out = path.join(folder, 'protected.pdf');
    await encryptPdf(source, out, '000000000');
    const { stdout } = await qpdf(['--show-encryption', '--password=000000000', out]);
    expect(stdout).toMatch(/^R = 4$/m);
    expect(stdout).toContain('file encryption method: AESv2');
    expect(stdout).toContain('print high resolution: allowed');
    expect(stdout).toContain('modify anything: not allowed');
    // The source is untouched.
    expect((await readPdfText(fs.readFileSync(source))).join('')).toContain(
      'Formulaire de vérification',
    );
  });

  it('says which file cannot be protected, without the password, and leaves no file', async () => {
    const folder = tempFolder();
    const out = path.join(folder, 'out.pdf');
    let thrown: unknown;
    try {
      await encryptPdf(Buffer.from('%PDF-1.4\nceci n’est pas un PDF\n%%EOF'), out, SIN);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'error.pdf.encryptFailed', params: { file: 'out.pdf' } });
    const error = thrown as { message: string; params: Record<string, string>; stack?: string };
    const sentence = translate('fr', 'error.pdf.encryptFailed', error.params);
    for (const text of [sentence, error.message, JSON.stringify(error.params), error.stack ?? '']) {
      expect(text).not.toContain(SIN);
    }
    expect(fs.readdirSync(folder)).toEqual([]);

    await expect(encryptPdf(path.join(folder, 'absent.pdf'), out, SIN)).rejects.toMatchObject({
      code: 'error.pdf.notFound',
    });
  });

  it('gives the encrypted bytes directly when no file is wanted', async () => {
    const bytes = await encryptPdfBytes(await samplePdf('Facture n° 9999'), '130692544');
    expect((await readPdfText(bytes, { password: '130692544' })).join('')).toContain(
      'Facture n° 9999',
    );
    await expect(readPdfText(bytes)).rejects.toMatchObject({ code: 'error.pdf.unreadable' });
  });
});
