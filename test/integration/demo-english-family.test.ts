// The demo office (issue 13 follow-up): a family of the demo whose language is English gets
// Postier's English default text — subject and body — whether the send is prepared without
// texts (`send prepare`) or with the texts the window showed (the structure's French template,
// left as it was); the French families of the same send keep the French one.
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { demoPostier } from '../support/demo-postier.js';

/** Makes the demo's dossier `number` an English-speaking family. */
async function englishFamily(postier: Postier, structureId: number, number: string) {
  const dossier = await postier.records.getDossierByNumber(structureId, number);
  await postier.records.updateDossier(dossier.id, dossier.version, { language: 'en' });
}

describe('the demo office with an English-speaking family', () => {
  for (const door of ['without texts', 'with the texts the window showed'] as const) {
    it(`gives that family the English default template (${door})`, async () => {
      const { postier, demo } = await demoPostier();
      const structureId = demo.structure.id;
      await englishFamily(postier, structureId, '1002');
      const shown = await postier.templates.read(structureId, 'invoice');
      const texts =
        door === 'without texts'
          ? {}
          : { subject: shown.subject, textBody: shown.text, htmlBody: shown.html ?? undefined };
      const result = await postier.prepare.prepare({
        type: 'invoice',
        period: demo.period,
        ...texts,
      });
      const english = result.queued.find((m) => m.documentNumber === 'F202610-1002')!;
      expect(english.subject).toBe(
        'Invoice F202610-1002 — M. Jean-François Bélanger — October 2026',
      );
      expect(english.textBody).toContain('Hello Geneviève Bélanger,');
      expect(english.textBody).toContain('Please find attached invoice F202610-1002');
      expect(english.textBody).toContain('Kind regards,');
      expect(english.htmlBody).toContain('Kind regards');
      for (const french of ['Bonjour', 'Veuillez', 'Cordialement', 'octobre'])
        expect(english.textBody).not.toContain(french);
      const french = result.queued.find((m) => m.documentNumber === 'F202610-1001')!;
      expect(french.subject).toBe(
        'Facture F202610-1001 — Mme Bérénice Lefèvre-Côté — octobre 2026',
      );
      expect(french.textBody).toContain('Bonjour');
    });
  }
});
