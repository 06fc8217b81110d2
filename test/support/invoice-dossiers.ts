// Dossiers that each receive one invoice of October 2026 at their family's address, for the
// tests of who a message comes from.
import type { Postier } from '../../src-main/app/postier.js';

export interface InvoiceDossier {
  number: string;
  managerId?: number;
  groupId?: number;
}

export async function addInvoiceDossiers(
  postier: Postier,
  structureId: number,
  dossiers: readonly InvoiceDossier[],
): Promise<void> {
  for (const d of dossiers) {
    await postier.records.createDossier(structureId, {
      ...d,
      lastName: `Résident ${d.number}`,
      emailOptIn: true,
      correspondents: [{ name: 'Famille', email: `famille.${d.number.toLowerCase()}@example.com` }],
    });
    await postier.documents.addDocument({
      dossierNumber: d.number,
      type: 'invoice',
      number: `F-${d.number}`,
      period: '2026-10',
      amountCents: 100_00,
    });
  }
}
