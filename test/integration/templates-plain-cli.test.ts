// Templates for offices that do not read Handlebars, through `postier templates`: a mistyped
// field is refused naming it and the field meant; texts pasted from Gestion des ressources and
// Winpass are converted with a notice, or refused naming the field to use; a structure's
// signature and logo end every message, the logo an inline image (multipart/related, cid:)
// of the message a real SMTP server on 127.0.0.1 receives.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { postier } from '../support/cli.js';
import { demoPostier } from '../support/demo-postier.js';
import { smtpAccount } from '../support/outbox-fixture.js';
import { dataPlace } from '../support/postier-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

/** A real 2×1 PNG (red, blue). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAwAAAJfYE/Cm/BAsAAAAASUVORK5CYII=',
  'base64',
);

/** A file the clerk chose, in a folder of their own (never in the data place). */
function file(name: string, content: string | Buffer): string {
  const target = path.join(tempFolder(), name);
  fs.writeFileSync(target, content);
  return target;
}

async function shownText(data: string): Promise<string> {
  const run = await postier(['--data', data, 'templates', 'show', '--type', 'invoice', '--json']);
  return (JSON.parse(run.stdout) as { text: string }).text;
}

describe('postier templates for people who do not read Handlebars', () => {
  it('refuses {{montnat}} naming it and the field meant, and saves nothing', async () => {
    const data = dataPlace((await demoPostier()).postier);
    const before = await shownText(data);
    const typo = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture {{numero}}'],
      ...['--body-file', file('corps.txt', 'Montant : {{montnat}}\n')],
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stderr.trim()).toBe(
      'Le texte du message utilise le champ « montnat », qui n’existe pas : vouliez-vous dire « montant » ([Montant]) ? Corrigez-le.',
    );
    expect(await shownText(data)).toBe(before);
  }, 120_000);

  it('converts &personne, &periode and {Adr_Nom} with a notice; refuses an unknown keyword naming the field to use', async () => {
    const data = dataPlace((await demoPostier()).postier);
    const pasted = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture pour {Adr_Titre} {Adr_Nom}'],
      ...[
        '--body-file',
        file(
          'gr.txt',
          'Vous trouverez ci-joint la facture de &personne pour la période de &periode\n',
        ),
      ],
    ]);
    expect(pasted.stderr).toBe('');
    expect(pasted.code).toBe(0);
    expect(pasted.stdout).toContain(
      '4 mots-clés de votre ancien logiciel ont été convertis : {Adr_Titre} → {{titre}} (Civilité), {Adr_Nom} → {{nom}} (Nom de famille), &personne → {{personne}} (Nom de la personne), &periode → {{periode}} (Période).',
    );
    expect(await shownText(data)).toBe(
      'Vous trouverez ci-joint la facture de {{personne}} pour la période de {{periode}}\n',
    );

    const unknown = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture'],
      ...['--body-file', file('gr2.txt', 'Pour &residant, période &periode\n')],
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'Le modèle contient « &residant », un mot-clé de votre ancien logiciel, que Postier n’utilise pas',
    );
    const near = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice'],
      ...['--subject', 'Facture'],
      ...['--body-file', file('gr3.txt', 'Pour &personnes\n')],
    ]);
    expect(near.stderr.trim()).toBe(
      'Le modèle contient « &personnes », un mot-clé de votre ancien logiciel, que Postier n’utilise pas : remplacez-le par le champ « personne » ([Nom de la personne]).',
    );
    expect(await shownText(data)).toBe(
      'Vous trouverez ci-joint la facture de {{personne}} pour la période de {{periode}}\n',
    );
  }, 120_000);

  it('refuses a logo that is not PNG/JPEG or too large, keeping the one set', async () => {
    const { postier: local } = await demoPostier();
    const data = dataPlace(local);
    const set = await postier([
      ...['--data', data, 'templates', 'signature', 'set'],
      ...['--text', 'Le service de facturation', '--logo', file('logo.png', PNG)],
    ]);
    expect(set.stderr).toBe('');
    const gif = await postier([
      ...['--data', data, 'templates', 'signature', 'set'],
      ...['--logo', file('logo.gif', Buffer.from('GIF89a\x01\x00\x01\x00'))],
    ]);
    expect(gif.stderr).toContain('n’est pas une image PNG ou JPEG');
    const big = Buffer.concat([PNG, Buffer.alloc(60 * 1024)]);
    const large = await postier([
      ...['--data', data, 'templates', 'signature', 'set'],
      ...['--logo', file('grand.png', big)],
    ]);
    expect(large.stderr).toMatch(/pèse 6\d Ko ; la limite est 50 Ko/);
    const shown = await postier(['--data', data, 'templates', 'signature', 'show', '--json']);
    const signature = JSON.parse(shown.stdout) as {
      text: string;
      logo: { file: string; contentType: string; size: number };
    };
    expect(signature.text).toBe('Le service de facturation');
    expect(signature.logo).toMatchObject({ contentType: 'image/png', size: PNG.length });
    // Its file, named by its content, in the folder the command writes to (the data folder, or
    // this workstation's folder for the server; the bytes themselves are in the settings).
    expect(fs.readFileSync(local.folder.resolve(signature.logo.file))).toEqual(PNG);
  }, 120_000);

  it('sends the signature and the logo as an inline related image referenced by cid: from the HTML', async () => {
    const { postier: local, demo } = await demoPostier();
    const data = dataPlace(local);
    const server = await smtpServerForTest();
    await smtpAccount(local.db, { structureId: demo.structure.id, port: server.port });
    const set = await postier([
      ...['--data', data, 'templates', 'signature', 'set'],
      ...['--text', 'Julie Tremblay\nService de facturation', '--logo', file('logo.png', PNG)],
    ]);
    expect(set.stderr).toBe('');

    const run = await postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--send']);
    expect(run.stderr).toBe('');
    expect(server.messages.length).toBeGreaterThan(20);

    const raw = server.messages.find((m) => m.envelope.to.includes('helene.cote@example.com'))!.raw;
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/related/i);
    // keepCidLinks: the HTML as received, not with mailparser's data: copies of its images.
    const received = await simpleParser(raw, { keepCidLinks: true });
    expect(received.text?.trimEnd()).toMatch(/\n-- \nJulie Tremblay\nService de facturation$/);
    const logo = received.attachments.find((a) => a.contentType === 'image/png')!;
    expect(logo).toMatchObject({ contentDisposition: 'inline', related: true });
    expect(logo.content).toEqual(PNG);
    expect(logo.cid).toMatch(/^logo-[0-9a-f]{16}@postier$/);
    expect(received.html).toContain(`src="cid:${logo.cid}"`);
    expect(received.html).not.toContain('data:image');
    // The document is still attached as a file, apart from the logo.
    expect(received.attachments.filter((a) => a.contentDisposition === 'attachment')).toHaveLength(
      1,
    );
  }, 120_000);
});
