// A believable demo office: a nursing home in Québec, its residents and their families,
// one month of invoices and a few tax slips. Everything a newcomer needs to try Postier.
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import type {
  CorrespondentInput,
  DossierInput,
  Structure,
} from '../../src-shared/domain/records.js';
import type { Postier } from '../app/postier.js';
import { DEFAULT_STRUCTURE_NAME } from '../records/records-service.js';

export const DEMO_STRUCTURE_NAME = 'Résidence Les Érables';

interface Resident {
  title: string;
  first: string;
  last: string;
  sin?: string;
  family: CorrespondentInput[];
  optIn?: boolean;
  room: 'privée' | 'semi-privée';
}

const c = (name: string, relation: string, email: string, receives = true): CorrespondentInput => ({
  name,
  relation,
  email,
  receivesDocuments: receives,
});

// Names with accents everywhere, as in the users' own files.
const RESIDENTS: Resident[] = [
  {
    title: 'Mme',
    first: 'Bérénice',
    last: 'Lefèvre-Côté',
    sin: '046 454 286',
    room: 'privée',
    family: [
      c('Hélène Côté', 'Fille', 'helene.cote@example.com'),
      c('Frédéric Côté', 'Fils', 'fred.cote@example.net'),
    ],
  },
  {
    title: 'M.',
    first: 'Jean-François',
    last: 'Bélanger',
    room: 'semi-privée',
    family: [c('Geneviève Bélanger', 'Fille', 'genevieve.belanger@example.com')],
  },
  {
    title: 'Mme',
    first: 'Josiane',
    last: 'Mailly',
    sin: '130 692 544',
    room: 'privée',
    family: [c('Anaïs Mailly', 'Petite-fille', 'anais.mailly@example.org')],
  },
  { title: 'M.', first: 'Gérard', last: 'Tremblay', room: 'privée', family: [] },
  {
    title: 'Mme',
    first: 'Thérèse',
    last: 'Gagnon',
    room: 'semi-privée',
    family: [
      c('Stéphane Gagnon', 'Fils', 'stephane.gagnon@example.com'),
      c('Mélanie Roy', 'Belle-fille', 'melanie.roy@example.com'),
    ],
  },
  {
    title: 'M.',
    first: 'Léopold',
    last: 'Pelletier',
    room: 'privée',
    family: [c('Étienne Pelletier', 'Fils', 'etienne.pelletier@example')],
  },
  {
    title: 'Mme',
    first: 'Cécile',
    last: 'Bouchard',
    sin: '193 456 787',
    room: 'privée',
    family: [c('Noémie Bouchard', 'Fille', 'noemie.bouchard@example.com')],
  },
  {
    title: 'M.',
    first: 'André',
    last: 'Lévesque',
    room: 'semi-privée',
    family: [c('Me Isabelle Fortin', 'Tutrice', 'i.fortin@example.net')],
  },
  {
    title: 'Mme',
    first: 'Françoise',
    last: 'Côté',
    room: 'privée',
    family: [c('Jérôme Côté', 'Fils', 'jerome.cote@example.com')],
  },
  {
    title: 'M.',
    first: 'Raymond',
    last: 'Boucher',
    room: 'semi-privée',
    family: [c('Chloé Boucher', 'Fille', 'chloe.boucher@example.org')],
    optIn: false,
  },
  {
    title: 'Mme',
    first: 'Éliane',
    last: 'Morin',
    sin: '287 654 320',
    room: 'privée',
    family: [
      c('Benoît Morin', 'Fils', 'benoit.morin@example.com'),
      c('Sylvie Morin', 'Fille', 'sylvie.morin@example.com'),
    ],
  },
  {
    title: 'M.',
    first: 'Marcel',
    last: 'Gauthier',
    room: 'privée',
    family: [c('Martine Gauthier', 'Épouse', 'martine.gauthier@example.com')],
  },
  { title: 'Mme', first: 'Ghislaine', last: 'Ouellet', room: 'semi-privée', family: [] },
  {
    title: 'M.',
    first: 'Honoré',
    last: 'Caron',
    room: 'privée',
    family: [c('Rémi Caron', 'Fils', 'remi.caron@example.net')],
  },
  {
    title: 'Mme',
    first: 'Lucienne',
    last: 'Beaulieu',
    room: 'privée',
    family: [
      c('Véronique Beaulieu', 'Fille', 'veronique.beaulieu@example.com'),
      c('Denis Beaulieu', 'Fils', 'denis.beaulieu@example.com', false),
    ],
  },
  {
    title: 'M.',
    first: 'Aimé',
    last: 'Paquette',
    room: 'semi-privée',
    family: [c('Josée Paquette', 'Fille', 'josee.paquette@example.org')],
  },
  {
    title: 'Mme',
    first: 'Rolande',
    last: 'Dubé',
    room: 'privée',
    family: [c('Karine Dubé', 'Nièce', 'karine.dube@example.com')],
  },
  {
    title: 'M.',
    first: 'Adélard',
    last: 'Bergeron',
    room: 'privée',
    family: [c('Curatelle publique', 'Curateur', 'curatelle@example.gouv')],
  },
  {
    title: 'Mme',
    first: 'Huguette',
    last: 'Fournier',
    room: 'semi-privée',
    family: [c('Patrice Fournier', 'Fils', 'patrice.fournier@example.com')],
  },
  {
    title: 'M.',
    first: 'Rosaire',
    last: 'Lapointe',
    room: 'privée',
    family: [
      c('Annie Lapointe', 'Fille', 'annie.lapointe@example.net'),
      c('Luc Lapointe', 'Fils', 'luc.lapointe@example.net'),
    ],
  },
  {
    title: 'Mme',
    first: 'Pierrette',
    last: 'Girard',
    room: 'privée',
    family: [c('Manon Girard', 'Fille', 'manon.girard@example.com')],
  },
  { title: 'M.', first: 'Fernand', last: 'Simard', room: 'semi-privée', family: [] },
  {
    title: 'Mme',
    first: 'Gisèle',
    last: 'Poirier',
    room: 'privée',
    family: [c('Nathalie Poirier', 'Fille', 'nathalie.poirier@example.com')],
  },
  {
    title: 'M.',
    first: 'Léon',
    last: 'Mercier',
    room: 'privée',
    family: [c('Sébastien Mercier', 'Fils', 'sebastien.mercier@example.org')],
  },
  {
    title: 'Mme',
    first: 'Madeleine',
    last: 'Chênevert',
    room: 'semi-privée',
    family: [c('Édith Chênevert', 'Sœur', 'edith.chenevert@example.com')],
  },
  {
    title: 'M.',
    first: 'Réjean',
    last: 'Lachance',
    room: 'privée',
    family: [c('Julie Lachance', 'Fille', 'julie.lachance@example.com')],
  },
  {
    title: 'Mme',
    first: 'Yvette',
    last: 'Déry',
    room: 'privée',
    family: [
      c('François Déry', 'Fils', 'francois.dery@example.net'),
      c('Lise Déry', 'Fille', 'lise.dery@example.net'),
    ],
  },
  {
    title: 'M.',
    first: 'Napoléon',
    last: 'Thériault',
    room: 'semi-privée',
    family: [c('Mireille Thériault', 'Fille', 'mireille.theriault@example.com')],
  },
  {
    title: 'Mme',
    first: 'Germaine',
    last: 'Allard',
    room: 'privée',
    family: [c('Danielle Allard', 'Fille', 'danielle.allard@example.org')],
  },
  {
    title: 'M.',
    first: 'Ovila',
    last: 'Séguin',
    room: 'privée',
    family: [c('Marc-André Séguin', 'Fils', 'marc-andre.seguin@example.com')],
  },
];

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
