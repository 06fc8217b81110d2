// A believable demo office: a nursing home in Québec, its residents and their families,
// one month of invoices and a few tax slips. Everything a newcomer needs to try Postier.
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import type { DossierInput, Structure } from '../../src-shared/domain/records.js';
import type { Postier } from '../app/postier.js';
import { DEFAULT_STRUCTURE_NAME } from '../records/records-service.js';
import { RESIDENTS, type Resident } from './demo-residents.js';

export const DEMO_STRUCTURE_NAME = 'Résidence Les Érables';

const DAILY_RATE_CENTS = { privée: 7_850, 'semi-privée': 6_425 } as const;

export interface DemoSummary {
  structure: Structure;
  dossiers: number;
  invoices: number;
  taxSlips: number;
  period: string;
}

/** The month before `today`, as YYYY-MM. */
export function previousMonth(today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

const DEMO_STRUCTURE = {
  name: DEMO_STRUCTURE_NAME,
  address: '1250, rue des Érables\nSherbrooke (Québec)  J1H 2K3',
  phone: '819 555-0142',
  locale: 'fr-CA',
  currency: 'CAD',
  senderName: 'Comptabilité — Résidence Les Érables',
  functionalEmail: 'ne-pas-repondre@erables.example.com',
  communicationEmail: 'comptabilite@erables.example.com',
};

/**
 * The demo fills the empty organisation `postier init` made, if that is all there is,
 * rather than adding a second one next to it.
 */
async function demoStructure(postier: Postier): Promise<Structure> {
  const existing = await postier.records.listStructures();
  const only = existing.length === 1 ? existing[0]! : undefined;
  if (only?.name === DEFAULT_STRUCTURE_NAME) {
    const content = await postier.records.searchDossiers({ structureId: only.id, limit: 1 });
    if (content.total === 0)
      return postier.records.updateStructure(only.id, only.version, DEMO_STRUCTURE);
  }
  return postier.records.createStructure(DEMO_STRUCTURE);
}

export async function createDemoOffice(postier: Postier, today = new Date()): Promise<DemoSummary> {
  const structure = await demoStructure(postier);
  const manager = await postier.records.addStaff(
    structure.id,
    'Sophie Gagné',
    'sophie.gagne@erables.example.com',
  );
  const group = await postier.records.addClientGroup(
    structure.id,
    'Pavillon du Lac',
    'pavillon.lac@erables.example.com',
  );
  const period = previousMonth(today);
  const year = Number(period.slice(0, 4));
  const issueDate = `${today.toISOString().slice(0, 7)}-01`;
  const taxYear = String(year - (period.endsWith('-12') ? 0 : 1));
  let invoices = 0;
  let taxSlips = 0;

  for (const [index, resident] of RESIDENTS.entries()) {
    const number = String(1001 + index);
    await postier.records.createDossier(
      structure.id,
      dossierInput(resident, number, index, manager.id, group.id),
    );
    const lines = invoiceLines(resident, period, index);
    const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
    await postier.documents.addDocument({
      structureId: structure.id,
      dossierNumber: number,
      type: 'invoice',
      number: `F${period.replace('-', '')}-${number}`,
      period,
      issueDate,
      dueDate: `${today.toISOString().slice(0, 7)}-15`,
      amountCents: total,
      taxCents: lines.filter((l) => l.label.startsWith('Coiffure')).length * 299,
      lines,
    });
    invoices++;
    // Tax slips for the first residents: some with a SIN, some without (password 000000000).
    if (index < 8) {
      await postier.documents.addDocument({
        structureId: structure.id,
        dossierNumber: number,
        type: 'taxslip',
        number: `RL-${taxYear}-${number}`,
        period: taxYear,
        issueDate: `${year}-02-15`,
        amountCents: DAILY_RATE_CENTS[resident.room] * 365,
        summaryNumber: index % 3 === 2 ? null : `SOM-${taxYear}-0042`,
      });
      taxSlips++;
    }
  }
  return { structure, dossiers: RESIDENTS.length, invoices, taxSlips, period };
}

function dossierInput(
  resident: Resident,
  number: string,
  index: number,
  managerId: number,
  groupId: number,
): DossierInput {
  return {
    number,
    title: resident.title,
    firstName: resident.first,
    lastName: resident.last,
    address: `${resident.first} ${resident.last}\nChambre ${100 + index}\n1250, rue des Érables\nSherbrooke (Québec)  J1H 2K3`,
    emailOptIn: resident.optIn ?? resident.family.length > 0,
    sin: resident.sin ?? null,
    managerId: index % 4 === 0 ? managerId : null,
    groupId: index % 5 === 1 ? groupId : null,
    extra: { chambre: String(100 + index) },
    // The demo keeps one mistyped address, as real files have, to show how it is reported.
    correspondents: resident.family.map((f) => ({ ...f, keepInvalidEmail: true })),
  };
}

function invoiceLines(resident: Resident, period: string, index: number): DocumentLine[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const rate = DAILY_RATE_CENTS[resident.room];
  const lines: DocumentLine[] = [
    {
      label: `Hébergement — chambre ${resident.room}`,
      quantity: days,
      unitCents: rate,
      amountCents: days * rate,
    },
    {
      label: 'Soins d’hygiène et d’assistance',
      quantity: 1,
      unitCents: 32_500,
      amountCents: 32_500,
    },
  ];
  if (index % 3 === 0)
    lines.push({
      label: 'Coiffure (mise en plis)',
      quantity: 1,
      unitCents: 2_300,
      amountCents: 2_599,
    });
  if (index % 4 === 1)
    lines.push({ label: 'Repas des visiteurs', quantity: 3, unitCents: 1_450, amountCents: 4_350 });
  if (index % 5 === 2)
    lines.push({
      label: 'Pharmacie — préparation des piluliers',
      quantity: 1,
      unitCents: 1_875,
      amountCents: 1_875,
    });
  return lines;
}
