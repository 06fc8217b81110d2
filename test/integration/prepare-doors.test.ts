// The same documents prepared through every door give the same messages: the window's
// contract (sending.queue, as the bulk-send dialog calls it, with and without the template
// it shows), `postier send prepare` and `postier watch --queue` (the real command line).
// Each door works on a data folder of its own, seeded identically from one exchange-folder
// drop; the queued outbox rows are then compared. Once with the office's own template saved
// (Paramètres > Modèles), once with Postier's default.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import type { TemplateInput } from '../../src-main/email-templates/template-settings.js';
import { ExchangeFolder } from '../../src-main/imports/exchange-folder.js';
import { postier as cli } from '../support/cli.js';
import { pdfOfPages, writeText } from '../support/import-fixtures.js';
import { contractOver } from '../support/main-side.js';
import { dataPlace, freshPostier } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

/** The office's own invoice template, with fields the drop fills in. */
const OFFICE_TEMPLATE: TemplateInput = {
  subject: 'Votre facture {{numero}} — {{etablissement}}',
  text: 'Bonjour {{destinataire}},\n\nVoici la facture {{numero}} de {{personne}} : {{montant}}.\n\n{{expediteur}}',
  html: '<p>Bonjour {{destinataire}},</p><p>Facture <b>{{numero}}</b> : {{montant}}.</p>',
};

/** What billing software drops at the end of October: three clients, two invoices. */
async function octoberDrop(exchange: string): Promise<void> {
  const folder = path.join(exchange, 'octobre');
  fs.mkdirSync(folder, { recursive: true });
  writeText(path.join(folder, 'clients.csv'), [
    'N° client;Nom;Prénom;Courriel',
    'C1;Côté;Hélène;helene@example.com',
    'C2;Roy;Léo;leo@example.com',
    'C3;Dubé;Karine;',
  ]);
  writeText(path.join(folder, 'factures.csv'), [
    'N° client;N° facture;Type;Date;Montant',
    'C1;F-101;Facture;31/10/2026;1 234,56',
    'C2;F-102;Facture;31/10/2026;99,90',
    'C3;F-103;Facture;31/10/2026;10,00',
  ]);
  for (const number of ['F-101', 'F-102', 'F-103']) {
    fs.writeFileSync(path.join(folder, `${number}.pdf`), await pdfOfPages([[`Facture ${number}`]]));
  }
}

interface Office {
  postier: Postier;
  structureId: number;
  exchange: string;
}

/** A data folder as every door finds it: one structure, its template (or none), a drop. */
async function office(template: TemplateInput | null): Promise<Office> {
  const postier = await freshPostier();
  const structure = await postier.records.chooseStructure();
  await postier.records.updateStructure(structure.id, structure.version, {
    communicationEmail: 'bureau@example.com',
  });
  if (template) await postier.templates.save(structure.id, 'invoice', template);
  const exchange = tempFolder();
  await octoberDrop(exchange);
  return { postier, structureId: structure.id, exchange };
}

/** The drop imported without queuing anything (the window's and `send prepare`'s case). */
async function imported({ postier, exchange }: Office): Promise<number[]> {
  const [outcome] = await new ExchangeFolder(postier.imports, postier.db, {
    folder: exchange,
    intervalMs: 20,
  }).runOnce();
  expect(outcome?.status).toBe('done');
  return outcome!.documentIds;
}

const doors: Record<string, (office: Office) => Promise<void>> = {
  /** The contract with no subject or body: the core chooses the template. */
  async window(office) {
    const documentIds = await imported(office);
    const side = contractOver(office.postier);
    const queued = await side.call('sending.queue', {
      structureId: office.structureId,
      documentIds,
    });
    expect(queued).toMatchObject({ ok: true });
  },
  /** As the dialog does: the template it shows (templates.get), sent as typed. */
  async dialog(office) {
    const documentIds = await imported(office);
    const side = contractOver(office.postier);
    const shown = await side.call('templates.get', {
      structureId: office.structureId,
      type: 'invoice',
    });
    if (!shown.ok) throw new Error('templates.get failed');
    const template = shown.value as { subject: string; text: string; html: string | null };
    const queued = await side.call('sending.queue', {
      structureId: office.structureId,
      documentIds,
      subject: template.subject,
      textBody: template.text,
      ...(template.html && { htmlBody: template.html }),
    });
    expect(queued).toMatchObject({ ok: true });
  },
  async 'send prepare'(office) {
    await imported(office);
    const data = dataPlace(office.postier);
    const prepare = 'send prepare --type invoice --period 2026-10'.split(' ');
    const run = await cli(['--data', data, ...prepare]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  },
  async 'watch --queue'(office) {
    const data = dataPlace(office.postier);
    const run = await cli(['--data', data, 'watch', office.exchange, '--once', '--queue']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  },
};

/** The queued messages as a recipient would see them, in a stable order. */
async function queuedMessages(postier: Postier) {
  const rows = await postier.db
    .selectFrom('messages as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select([
      'd.number',
      'm.status',
      'm.from_name',
      'm.from_address',
      'm.reply_to',
      'm.to_addresses',
      'm.cc_addresses',
      'm.bcc_addresses',
      'm.subject',
      'm.text_body',
      'm.html_body',
      'm.attachments',
    ])
    .orderBy('d.number')
    .orderBy('m.to_addresses')
    .execute();
  return rows.map(({ attachments, ...row }) => ({
    ...row,
    attachments: (
      JSON.parse(attachments) as { fileName: string; size: number; role: string }[]
    ).map((a) => [a.fileName, a.size, a.role]),
  }));
}

async function messagesThroughEveryDoor(template: TemplateInput | null) {
  const byDoor: Record<string, Awaited<ReturnType<typeof queuedMessages>>> = {};
  for (const [door, prepare] of Object.entries(doors)) {
    const seeded = await office(template);
    await prepare(seeded);
    byDoor[door] = await queuedMessages(seeded.postier);
  }
  return byDoor;
}

describe('one preparation, whatever the door', () => {
  it('sends the office’s saved template from the window, send prepare and watch --queue alike', async () => {
    const byDoor = await messagesThroughEveryDoor(OFFICE_TEMPLATE);
    const window = byDoor.window!;
    expect(window.map((m) => [m.number, m.to_addresses, m.subject])).toEqual([
      ['F-101', '["helene@example.com"]', 'Votre facture F-101 — Résidence Test'],
      ['F-102', '["leo@example.com"]', 'Votre facture F-102 — Résidence Test'],
    ]);
    expect(window[0]).toMatchObject({
      status: 'pending',
      from_address: 'bureau@example.com',
      text_body: expect.stringMatching(
        /^Bonjour Hélène Côté,\n\nVoici la facture F-101 de Hélène Côté : 1\s234,56\s\$\.\n\nRésidence Test$/,
      ),
      html_body: expect.stringMatching(
        /^<p>Bonjour Hélène Côté,<\/p><p>Facture <b>F-101<\/b> : 1\s234,56\s\$\.<\/p>$/,
      ),
      attachments: [['Facture F-101.pdf', expect.any(Number), 'document']],
    });
    for (const door of ['dialog', 'send prepare', 'watch --queue']) {
      expect({ door, messages: byDoor[door] }).toEqual({ door, messages: window });
    }
  }, 120_000);

  it('sends Postier’s default template alike from every door when the office saved none', async () => {
    const byDoor = await messagesThroughEveryDoor(null);
    const window = byDoor.window!;
    expect(window).toHaveLength(2);
    expect(window[0]!.subject).toMatch(/^Facture F-101 — Hélène Côté — octobre 2026$/);
    expect(window[0]!.html_body).toContain('<strong>F-101</strong>');
    for (const door of ['dialog', 'send prepare', 'watch --queue']) {
      expect({ door, messages: byDoor[door] }).toEqual({ door, messages: window });
    }
  }, 120_000);
});
