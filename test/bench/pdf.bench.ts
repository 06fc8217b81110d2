// PDF generation for a monthly run: 1,000 invoices of 3–6 lines, one after the other, as the
// bulk send generates them.
import { DRAFT_WATERMARK } from '../../src-shared/domain/document-types.js';
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import { generateDocumentPdf, type PdfDocumentData } from '../../src-main/pdf/generate.js';
import { perSecond, round, type Bench } from './harness.js';

const INVOICES = 1_000;
/** Loads fonts and layout first, so that the figure is the steady pace of a long run. */
const WARM_UP = 20;

const LOCALES = [
  { locale: 'fr-CA', currency: 'CAD' },
  { locale: 'fr-FR', currency: 'EUR' },
  { locale: 'en-CA', currency: 'CAD' },
] as const;
const NAMES = ['Bérénice Lefèvre-Côté', 'Émile Gagnon', 'Zoé Bélanger-Tremblay', 'Noah Ouellet'];
const SERVICES = [
  'Hébergement — chambre privée',
  'Soins d’hygiène et d’assistance',
  'Repas supplémentaires',
  'Buanderie personnelle',
  'Sortie accompagnée au marché, transport adapté compris',
  'Coiffure',
];

function invoice(index: number): PdfDocumentData {
  const { locale, currency } = LOCALES[index % LOCALES.length] ?? LOCALES[0];
  const lines: DocumentLine[] = Array.from({ length: 3 + (index % 4) }, (_, line) => {
    const quantity = 1 + ((index + line) % 5);
    const unitCents = 1_500 + ((index * 37 + line * 1_013) % 150_000);
    return {
      label: SERVICES[(index + line) % SERVICES.length] ?? '',
      quantity,
      unitCents,
      amountCents: quantity * unitCents,
    };
  });
  const beforeTaxes = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const taxCents = Math.round(beforeTaxes * 0.14975);
  return {
    locale,
    currency,
    structure: {
      name: 'Résidence Les Érables',
      address: '12, rue Principale\nSaint-Élie (Québec) J0K 1A0',
      phone: '819 555-0100',
      email: 'compta@erables.example',
    },
    recipient: {
      displayName: NAMES[index % NAMES.length] ?? '',
      address: `${100 + index}, chemin du Lac\nMontréal (Québec) H2X 1Y4`,
      dossierNumber: `D-${10_000 + index}`,
    },
    typeCode: 'invoice',
    number: `2026-${String(index).padStart(5, '0')}`,
    period: '2026-10',
    issueDate: '2026-10-31',
    dueDate: '2026-11-30',
    lines,
    amountCents: beforeTaxes + taxCents,
    taxCents,
    summaryNumber: null,
    // One in ten is a draft, as when a few are previewed before the run.
    watermark: index % 10 === 0 ? DRAFT_WATERMARK : null,
  };
}

export const benchPdf: Bench = async () => {
  for (let index = 0; index < WARM_UP; index += 1) await generateDocumentPdf(invoice(index));
  const inputs = Array.from({ length: INVOICES }, (_, index) => invoice(index));
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  for (const data of inputs) bytes += (await generateDocumentPdf(data)).length;
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const note = `${INVOICES} invoices of 3–6 lines, fr-CA/fr-FR/en-CA, 1 in 10 watermarked`;
  return [
    { name: 'PDF generation (pdfkit)', value: perSecond(INVOICES, elapsed), unit: 'PDF/s', note },
    // CPU time stays comparable when other work shares the machine; wall time does not.
    {
      name: 'PDF generation, CPU per PDF',
      value: round((cpu.user + cpu.system) / 1000 / INVOICES, 2),
      unit: 'ms',
      note: 'user + system time of this process',
    },
    { name: 'PDF size, mean', value: round(bytes / INVOICES / 1024, 2), unit: 'KB', note },
  ];
};
