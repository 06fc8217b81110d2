// The family's language, not the clerk's (issue 13, point 6): each dossier (or one of its
// correspondents) has a language, and the message's subject, text, dates, amounts and the
// document's file name follow it, whatever the language of the screen that queued it. Sent by
// the real engine to a real SMTP server on 127.0.0.1, and set through every door: the
// window's contract, the CLI (dossiers add/set --language) and the client-list import.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { writeSetting } from '../../src-main/db/settings-queries.js';
import { VALIDATION_MODE_SETTING } from '../../src-main/outbox/validation-mode.js';
import type { Result } from '../../src-shared/contract/operation.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { postier as cli } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { writeText } from '../support/import-fixtures.js';
import { contractOver } from '../support/main-side.js';
import { freshPostier } from '../support/postier-fixture.js';
import {
  parseReceivedMessage,
  startSmtpTestServer,
  type SmtpTestServer,
} from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const servers: SmtpTestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The value of a contract call, or the test fails with its error. */
async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/**
 * A French-speaking office (fr-CA) with an SMTP account on a real server: dossier A reads
 * English, B French (the default), C is French with one English-speaking correspondent.
 */
async function office(): Promise<{
  postier: Postier;
  server: SmtpTestServer;
  structureId: number;
}> {
  const server = await startSmtpTestServer({ security: 'plain' });
  servers.push(server);
  const postier = await freshPostier();
  const structure = await postier.records.chooseStructure();
  await postier.accounts.setAccount(structure.id, {
    kind: 'smtp',
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    fromAddress: 'compta@residence.example',
    fromName: 'Résidence Test',
    pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0 },
  });
  const dossier = async (
    number: string,
    language: Language | undefined,
    correspondents: { name: string; email: string; language?: Language | null }[],
  ) => {
    await postier.records.createDossier(structure.id, {
      number,
      lastName: `Famille ${number}`,
      emailOptIn: true,
      ...(language && { language }),
      correspondents,
    });
    await postier.documents.addDocument({
      dossierNumber: number,
      type: 'invoice',
      number: `F-${number}`,
      period: '2026-10',
      amountCents: 1_234_56,
      dueDate: '2026-11-15',
    });
  };
  await dossier('A', 'en', [{ name: 'Margaret Smith', email: 'margaret@example.com' }]);
  await dossier('B', undefined, [{ name: 'Hélène Côté', email: 'helene@example.com' }]);
  await dossier('C', 'fr', [
    { name: 'Luc Roy', email: 'luc@example.com' },
    { name: 'John Roy', email: 'john@example.com', language: 'en' },
  ]);
  return { postier, server, structureId: structure.id };
}

/** What each address received: subject, text, and the attachments' names. */
function received(server: SmtpTestServer) {
  return Object.fromEntries(
    server.messages.map((m) => {
      const parsed = parseReceivedMessage(m.raw);
      return [
        m.envelope.to[0]!,
        {
          subject: parsed.decodedHeader('subject')!,
          text: spaces(parsed.text ?? ''),
          html: spaces(parsed.html ?? ''),
          attachments: parsed.attachments.map((a) => a.filename),
        },
      ];
    }),
  );
}

function expectEnglish(message: ReturnType<typeof received>[string] | undefined, number: string) {
  expect(message, number).toBeDefined();
  expect(message!.subject).toBe(`Invoice F-${number} — Famille ${number} — October 2026`);
  expect(message!.text).toContain(`Please find attached invoice F-${number}`);
  expect(message!.text).toContain('for an amount of $1,234.56');
  expect(message!.text).toContain('It is payable by November 15, 2026.');
  expect(message!.html).toContain('Kind regards');
  expect(message!.attachments).toEqual([`Invoice F-${number}.pdf`]);
  for (const french of ['Facture', 'octobre', 'Bonjour', 'Cordialement', ' $ '])
    expect(message!.text).not.toContain(french);
}

function expectFrench(message: ReturnType<typeof received>[string] | undefined, number: string) {
  expect(message, number).toBeDefined();
  expect(message!.subject).toBe(`Facture F-${number} — Famille ${number} — octobre 2026`);
  expect(message!.text).toContain(`Vous trouverez ci-joint la facture n° F-${number}`);
  expect(message!.text).toContain('d’un montant de 1 234,56 $');
  expect(message!.text).toContain('payable au plus tard le 15 novembre 2026.');
  expect(message!.html).toContain('Cordialement');
  expect(message!.attachments).toEqual([`Facture F-${number}.pdf`]);
  for (const english of ['Invoice', 'October', 'Hello', 'Kind regards'])
    expect(message!.text).not.toContain(english);
}

describe('the family’s language', () => {
  it.each(['fr', 'en'] as const)(
    'from a window in %s with the template shown: each family receives its own language',
    async (screen) => {
      const { postier, server, structureId } = await office();
      const side = contractOver(postier);
      // The window's dialog sends the text it showed: the type's template in the office's
      // language (French here), unchanged.
      const template = await value<{ subject: string; text: string; html: string }>(
        side.call('templates.get', { structureId, type: 'invoice' }, screen),
      );
      expect(template.subject).toContain('Facture');
      const list = await value<{ rows: { documentId: number; dossierNumber: string }[] }>(
        side.call('sending.bulkList', { structureId, type: 'invoice', period: '2026-10' }, screen),
      );
      expect(list.rows).toHaveLength(3);
      const { subject, text, html } = template;

      // The preview of the English family's row says what it will receive.
      const documentIdOf = (number: string) =>
        list.rows.find((r) => r.dossierNumber === number)!.documentId;
      const preview = await value<{ messages: { subject: string }[] }>(
        side.call(
          'sending.preview',
          { structureId, documentId: documentIdOf('A'), subject, textBody: text, htmlBody: html },
          screen,
        ),
      );
      expect(preview.messages.map((m) => m.subject)).toEqual([
        'Invoice F-A — Famille A — October 2026',
      ]);

      await writeSetting(postier.db, VALIDATION_MODE_SETTING, 'automatic');
      await value(
        side.call(
          'sending.queue',
          {
            structureId,
            documentIds: list.rows.map((r) => r.documentId),
            subject,
            textBody: text,
            htmlBody: html,
          },
          screen,
        ),
      );
      // The window's own runner sends what was validated.
      await server.waitForMessages(4, 30_000);
      const got = received(server);
      expectEnglish(got['margaret@example.com'], 'A');
      expectFrench(got['helene@example.com'], 'B');
      // One dossier, two languages: each correspondent reads their own.
      expectFrench(got['luc@example.com'], 'C');
      expectEnglish(got['john@example.com'], 'C');
    },
  );

  it('a text the clerk wrote goes to everyone as written, dates and amounts in each one’s language', async () => {
    const { postier, server } = await office();
    await postier.prepare.prepare({
      type: 'invoice',
      period: '2026-10',
      validate: true,
      subject: 'Avis important — {{periode}}',
      textBody: 'Montant : {{montant}}, échéance : {{echeance}}.',
    });
    expect((await postier.sendEngine.run({})).sent).toBe(4);
    const got = received(server);
    expect(got['margaret@example.com']!.subject).toBe('Avis important — October 2026');
    expect(got['margaret@example.com']!.text).toContain(
      'Montant : $1,234.56, échéance : November 15, 2026.',
    );
    expect(got['helene@example.com']!.subject).toBe('Avis important — octobre 2026');
    expect(got['helene@example.com']!.text).toContain(
      'Montant : 1 234,56 $, échéance : 15 novembre 2026.',
    );
  });
});

describe('setting the language at every door', () => {
  it('the window: a new dossier in English, a correspondent following the dossier, then changed', async () => {
    const postier = await freshPostier();
    const { id: structureId } = await postier.records.chooseStructure();
    const side = contractOver(postier);
    const created = await value<{
      id: number;
      version: number;
      language: string;
      correspondents: { language: unknown }[];
    }>(
      side.call('dossiers.create', {
        structureId,
        dossier: {
          number: 'W1',
          lastName: 'Smith',
          firstName: 'Ann',
          language: 'en',
          correspondents: [{ name: 'Ann Smith', email: 'ann@example.com', language: null }],
        },
      }),
    );
    expect(created.language).toBe('en');
    expect(created.correspondents[0]!.language).toBeNull();
    const updated = await value<{ version: number; language: string }>(
      side.call('dossiers.update', {
        id: created.id,
        version: created.version,
        patch: { language: 'fr' },
      }),
    );
    expect(updated.language).toBe('fr');
    // Anything but fr or en is refused by the contract itself, and nothing changes.
    const refused = await side.call('dossiers.update', {
      id: created.id,
      version: updated.version,
      patch: { language: 'es' },
    });
    expect(refused.ok).toBe(false);
    expect((await postier.records.getDossier(created.id)).language).toBe('fr');
    // A dossier created without a language reads French.
    const plain = await postier.records.createDossier(structureId, {
      number: 'W2',
      lastName: 'Roy',
    });
    expect(plain.language).toBe('fr');
  });

  it('the CLI: dossiers add --language en, dossiers set --language français, refused otherwise', async () => {
    const data = await freshDataPlace();
    expect((await cli(['init', '--data', data])).code).toBe(0);
    const add = await cli([
      '--data', data, 'dossiers', 'add', '--number', '7', '--last-name', 'Smith', '--first-name', 'Ann',
      '--email', 'ann@example.com', '--language', 'en',
    ]); // prettier-ignore
    expect(add.code, add.stderr).toBe(0);
    const languageOf7 = async () => {
      const listed = await cli(['--data', data, 'dossiers', 'list', '--json']);
      const items = JSON.parse(listed.stdout) as { number: string; language: string }[];
      return items.find((d) => d.number === '7')!.language;
    };
    expect(await languageOf7()).toBe('en');
    const setLanguage = (language: string) =>
      cli(['--data', data, 'dossiers', 'set', '--number', '7', '--language', language]);
    const set = await setLanguage('Français');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('langue de correspondance fr');
    expect(await languageOf7()).toBe('fr');
    const bad = await setLanguage('espagnol');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'La langue « espagnol » n’est pas connue : choisissez fr (français) ou en (anglais).',
    );
    expect(await languageOf7()).toBe('fr');
  });

  it('the CLI warns on a SIN failing its check digit, saves it, and never prints it', async () => {
    const data = await freshDataPlace();
    expect((await cli(['init', '--data', data])).code).toBe(0);
    const add = await cli([
      '--data', data, 'dossiers', 'add', '--number', '8', '--last-name', 'Roy', '--first-name', 'Luc', '--sin', '046 454 287',
    ]); // prettier-ignore
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain(
      'Dossier 8 : le NAS saisi ne passe pas le contrôle du chiffre de contrôle',
    );
    expect(add.stdout + add.stderr).not.toMatch(/046.?454.?287/);
    const good = await cli([
      '--data', data, 'dossiers', 'add', '--number', '9', '--last-name', 'Roy', '--first-name', 'Léa', '--sin', '046 454 286',
    ]); // prettier-ignore
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).not.toContain('chiffre de contrôle');
  });

  it('the import: a "Langue" or "Language" column read as people write it, a SIN failing its check digit imported with a warning', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    const file = writeText(
      path.join(folder, 'clients.csv'),
      [
        'N° dossier;Nom;Email 1;NAS;Langue',
        '1;Smith;ann@example.com;046 454 286;Anglais',
        '2;Côté;helene@example.com;;français',
        '3;Jones;bob@example.com;046 454 287;EN',
        '4;Roy;luc@example.com;;',
        '5;García;ana@example.com;;espagnol',
      ],
      'utf8',
    );
    const table = await postier.imports.loadTable(file);
    const mapping = await postier.imports.mappingFor('dossiers', table);
    expect(mapping.columns).toMatchObject({ language: 'Langue', sin: 'NAS' });
    const preview = await postier.imports.previewDossiers(table, mapping);
    expect(preview.warnings.map((w) => [w.line, w.code])).toEqual([
      [4, 'import.warning.sinCheckDigit'],
    ]);
    const result = await postier.imports.importDossiers(table, mapping);
    expect(result.imported).toBe(4);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'import.reason.invalidLanguage'],
    ]);
    expect(result.warnings.map((w) => [w.line, w.code, w.params])).toEqual([
      [4, 'import.warning.sinCheckDigit', { number: '3', column: 'NAS' }],
    ]);
    const languages = Object.fromEntries(
      (await postier.records.searchDossiers({})).items.map((d) => [d.number, d.language]),
    );
    expect(languages).toEqual({ '1': 'en', '2': 'fr', '3': 'en', '4': 'fr' });

    // The English header is known too, and updates the language of a dossier already there.
    const english = writeText(
      path.join(folder, 'clients-en.csv'),
      ['Client number;Last name;Language', '4;Roy;English'],
      'utf8',
    );
    const again = await postier.imports.loadTable(english);
    const mapped = await postier.imports.mappingFor('dossiers', again);
    expect(mapped.columns).toMatchObject({ language: 'Language' });
    expect((await postier.imports.importDossiers(again, mapped)).updated).toBe(1);
    expect(
      (await postier.records.getDossierByNumber((await postier.records.chooseStructure()).id, '4'))
        .language,
    ).toBe('en');
  });
});
