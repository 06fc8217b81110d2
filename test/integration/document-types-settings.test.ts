// Paramètres > Types de documents: a type's password rule, its fallback password and its
// draft watermark, changed and used by the next send (the PDF opens with the new password);
// a wrong rule, a stale change from another workstation or a multi-line value refused, named,
// with nothing changed.
import { describe, expect, it } from 'vitest';
import { DocumentTypesService } from '../../src-main/documents/document-types-service.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { contractOver } from '../support/main-side.js';

type Postier = Awaited<ReturnType<typeof demoPostier>>['postier'];

async function typeRow(postier: Postier, code: string) {
  return (await postier.documents.listTypes()).find((t) => t.code === code)!;
}

describe('changing a document type', () => {
  it('gives tax slips a new fallback password, used by the next send', async () => {
    const { postier } = await demoPostier();
    const types = new DocumentTypesService(postier.db);
    const before = await typeRow(postier, 'taxslip');

    const updated = await types.update('taxslip', before.version, {
      passwordRule: ' {{nas}} ',
      passwordFallback: '111111111',
      watermark: 'COPIE — non valide',
    });
    expect(updated).toMatchObject({
      passwordRule: '{{nas}}',
      passwordFallback: '111111111',
      watermark: 'COPIE — non valide',
      version: before.version + 1,
    });

    // Jean-François has no SIN: his slip now opens with the new fallback.
    const slip = await documentId(postier, 'RL-2025-1002');
    const result = await postier.prepare.prepare({ documentIds: [slip] });
    const bytes = await postier.documents.contents.read(result.queued[0]!.attachments[0]!.path);
    expect((await readPdfText(bytes, { password: '111111111' })).join('\n')).toContain(
      'RL-2025-1002',
    );
    await expect(readPdfText(bytes, { password: '000000000' })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });
  });

  it('refuses a rule naming an unknown field, a stale change, spaces and line breaks', async () => {
    const { postier } = await demoPostier();
    const types = new DocumentTypesService(postier.db);
    const before = await typeRow(postier, 'invoice');

    await expect(
      types.update('invoice', before.version, { passwordRule: '{{date_naissance}}' }),
    ).rejects.toMatchObject({
      code: 'error.password.ruleField',
      params: { type: 'Facture', field: 'date_naissance' },
    });
    await expect(
      types.update('invoice', before.version, { passwordFallback: '123 456' }),
    ).rejects.toMatchObject({ code: 'error.documentType.fallbackSpaces' });
    await expect(
      types.update('invoice', before.version, { watermark: 'COPIE\r\nBcc: x' }),
    ).rejects.toMatchObject({ code: 'error.documentType.text.watermark' });
    expect(await typeRow(postier, 'invoice')).toEqual(before);

    await types.update('invoice', before.version, { watermark: 'BROUILLON' });
    await expect(
      types.update('invoice', before.version, { watermark: 'AUTRE' }),
    ).rejects.toMatchObject({ code: 'error.record.stale' });
    expect((await typeRow(postier, 'invoice')).watermark).toBe('BROUILLON');
  });

  it('clears a rule: the documents go unprotected', async () => {
    const { postier } = await demoPostier();
    const types = new DocumentTypesService(postier.db);
    const slipType = await typeRow(postier, 'taxslip');
    await types.update('taxslip', slipType.version, { passwordRule: '' });
    const slip = await documentId(postier, 'RL-2025-1001');
    const result = await postier.prepare.prepare({ documentIds: [slip], dryRun: true });
    expect(result.queued.every((m) => !m.passwordProtected)).toBe(true);
  });

  it('is changed through the contract, in the request’s language', async () => {
    const { postier } = await demoPostier();
    const side = contractOver(postier);
    const before = await typeRow(postier, 'notice');
    const ok = await side.call('documents.updateType', {
      code: 'notice',
      version: before.version,
      patch: { watermark: 'EXEMPLAIRE' },
    });
    expect(ok).toMatchObject({
      ok: true,
      value: { code: 'notice', watermark: 'EXEMPLAIRE', version: before.version + 1 },
    });
    const stale = await side.call(
      'documents.updateType',
      { code: 'notice', version: before.version, patch: { watermark: 'X' } },
      'en',
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'error.record.stale',
        message: expect.stringContaining('another workstation'),
      },
    });
  });
});
