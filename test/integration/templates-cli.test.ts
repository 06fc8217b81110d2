// `postier templates show | set | reset` as an office's script runs them: a template with an
// unknown field is refused and changes nothing; a saved template is what `send prepare`
// sends without --subject, down to what a real SMTP server receives.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { postier } from '../support/cli.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { smtpAccount } from '../support/outbox-fixture.js';
import { dataPlace } from '../support/postier-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

interface ShownTemplate {
  type: string;
  subject: string;
  text: string;
  html: string | null;
  isDefault: boolean;
}

async function show(data: string): Promise<ShownTemplate> {
  const run = await postier(['--data', data, 'templates', 'show', '--type', 'invoice', '--json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ShownTemplate;
}

/** A text file the clerk wrote, in a folder of their own (never in the data place). */
function bodyFile(text: string): string {
  const file = path.join(tempFolder(), 'corps.txt');
  fs.writeFileSync(file, text);
  return file;
}

describe('postier templates', () => {
  it('refuses an unknown field naming it and changes nothing; reset brings the default back', async () => {
    const data = dataPlace((await demoPostier()).postier);
    const standard = await show(data);
    expect(standard).toMatchObject({ type: 'invoice', isDefault: true });
    expect(standard.subject).toBe('Facture {{numero}} — {{personne}} — {{periode}}');

    const typo = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture {{numero}}'],
      ...['--body-file', bodyFile('Montant : {{montnat}}\n')],
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain(
      'Le texte du message utilise le champ « montnat », qui n’existe pas',
    );
    expect(await show(data)).toEqual(standard);

    const saved = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture {{numero}}'],
      ...['--body-file', bodyFile('Montant : {{montant}}\n')],
    ]);
    expect(saved.code).toBe(0);
    expect(await show(data)).toEqual({
      type: 'invoice',
      // Without --language, the office's own language.
      language: 'fr',
      structure: expect.any(String),
      subject: 'Facture {{numero}}',
      text: 'Montant : {{montant}}\n',
      html: null,
      isDefault: false,
    });

    const reset = await postier(['--data', data, 'templates', 'reset', '--type', 'invoice']);
    expect(reset.code).toBe(0);
    const text = await postier(['--data', data, 'templates', 'show', '--type', 'invoice']);
    expect(text.stdout).toContain('(modèle de Postier)');
    expect(text.stdout).toContain(`Objet : ${standard.subject}\n\n${standard.text}\n`);
  }, 120_000);

  it('is what send prepare sends without --subject, filled in, to a real SMTP server', async () => {
    const { postier: local, demo } = await demoPostier();
    const data = dataPlace(local);
    const server = await smtpServerForTest();
    await smtpAccount(local.db, { structureId: demo.structure.id, port: server.port });
    const set = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Votre facture {{numero}} ({{periode}})'],
      ...['--body-file', bodyFile('Bonjour,\n\nFacture {{numero}} de {{personne}}.\n')],
    ]);
    expect(set.stderr).toBe('');

    const run = await postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--send']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.messages.length).toBeGreaterThan(20);

    const number = 'F202610-1001';
    expect(await documentId(local, number)).toEqual(expect.any(Number));
    const toHelene = server.messages.find((m) => m.envelope.to.includes('helene.cote@example.com'));
    const received = await simpleParser(toHelene!.raw);
    expect(received.subject).toBe(`Votre facture ${number} (octobre 2026)`);
    expect(received.text?.trim()).toBe(
      `Bonjour,\n\nFacture ${number} de Mme Bérénice Lefèvre-Côté.`,
    );
    expect(received.attachments.map((a) => a.filename)).toEqual([`Facture ${number}.pdf`]);
  }, 120_000);
});
