// The office's English template (issue 13, points 6 and 7): `postier templates show|set|reset
// --language en` reads and writes the template English-speaking families receive, without
// touching the French one; without --language, the office's own language, as before. Sent by
// `send prepare --send` to a real SMTP server on 127.0.0.1.
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

interface Shown {
  language: string;
  subject: string;
  text: string;
  isDefault: boolean;
}

async function show(data: string, ...language: string[]): Promise<Shown> {
  const run = await postier([
    ...['--data', data, 'templates', 'show', '--type', 'invoice', '--json', ...language],
  ]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Shown;
}

describe('postier templates --language', () => {
  it('set --language en: English-speaking families receive the office’s English text, French ones the French template', async () => {
    const { postier: local, demo } = await demoPostier();
    const data = dataPlace(local);
    const server = await smtpServerForTest();
    await smtpAccount(local.db, { structureId: demo.structure.id, port: server.port });
    const belanger = await local.db
      .selectFrom('dossiers')
      .select('number')
      .where('last_name', '=', 'Bélanger')
      .executeTakeFirstOrThrow();
    const english = await postier([
      ...['--data', data, 'dossiers', 'set', '--number', belanger.number, '--language', 'en'],
    ]);
    expect(english.code, english.stderr).toBe(0);

    const frenchBefore = await show(data);
    expect(frenchBefore).toMatchObject({ language: 'fr', isDefault: true });
    const body = path.join(tempFolder(), 'english.txt');
    fs.writeFileSync(body, 'Dear family of {{personne}},\nHere is our invoice for {{periode}}.\n');
    const set = await postier([
      ...['--data', data, 'templates', 'set', '--type', 'invoice', '--language', 'en'],
      ...['--subject', 'Our invoice {{numero}}', '--body-file', body],
    ]);
    expect(set.stderr).toBe('');
    expect(set.stdout).toContain('(anglais)');
    expect(set.stdout).toContain('pour les familles anglophones');

    // The English one is the office's; the French one is still Postier's, unchanged.
    expect(await show(data, '--language', 'en')).toMatchObject({
      language: 'en',
      subject: 'Our invoice {{numero}}',
      isDefault: false,
    });
    expect(await show(data)).toEqual(frenchBefore);
    expect(await show(data, '--language', 'fr')).toEqual(frenchBefore);
    const bad = await postier([
      ...['--data', data, 'templates', 'show', '--type', 'invoice', '--language', 'es'],
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('La langue « es » n’est pas connue');

    const run = await postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--send']);
    expect(run.stderr).toBe('');
    const to = async (address: string) => {
      const message = server.messages.find((m) => m.envelope.to.includes(address));
      expect(message, address).toBeDefined();
      return simpleParser(message!.raw);
    };
    const genevieve = await to('genevieve.belanger@example.com');
    expect(genevieve.subject).toMatch(/^Our invoice F/);
    expect(genevieve.text).toContain('Dear family of M. Jean-François Bélanger,');
    expect(genevieve.text).toContain('Here is our invoice for October 2026.');
    const helene = await to('helene.cote@example.com');
    expect(helene.subject).toMatch(/^Facture /);
    expect(helene.text).toContain('Vous trouverez ci-joint la facture');
    expect(helene.text).not.toContain('Dear family');

    // reset --language en: back to Postier's English template; the French one untouched.
    const reset = await postier([
      ...['--data', data, 'templates', 'reset', '--type', 'invoice', '--language', 'en'],
    ]);
    expect(reset.stderr).toBe('');
    expect(await show(data, '--language', 'en')).toMatchObject({
      language: 'en',
      isDefault: true,
    });
    expect((await show(data, '--language', 'en')).subject).not.toContain('Our invoice');
    expect(await show(data)).toEqual(frenchBefore);
  }, 180_000);
});
