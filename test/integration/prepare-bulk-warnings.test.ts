// The warnings a bulk send says by name before the click, worked out by the planner: the
// dossiers whose tax slip falls back to 000000000 (no SIN), the text that does not explain
// the password, the files over 1 MB, a sender of another domain than the account's; and the
// same list printed by `postier send prepare --dry-run`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { postier as runCli } from '../support/cli.js';
import { demoPostier } from '../support/demo-postier.js';
import { dataPlace } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

async function dossierByNumber(postier: Postier, number: string) {
  const structure = await postier.records.chooseStructure();
  return postier.records.getDossierByNumber(structure.id, number);
}

function fileOf(bytes: number, name: string): string {
  const file = path.join(tempFolder(), name);
  fs.writeFileSync(file, Buffer.alloc(bytes, 7));
  return file;
}

describe('bulk-send warnings said by name', () => {
  it('names the tax slips protected by 000000000 because the SIN is missing, once each, until the SIN is entered', async () => {
    const { postier } = await demoPostier();
    const structure = await postier.records.chooseStructure();
    const selection = { structureId: structure.id, type: 'taxslip' as const, period: '2025' };
    const plan = await postier.prepare.planBulkSend(selection);

    const fallback = plan.notices.fallbackPassword!;
    expect(fallback.password).toBe('000000000');
    // Thérèse Gagnon's slip goes to two addresses: named once. Those with a SIN are not named.
    expect(fallback.dossiers.map((d) => [d.dossierNumber, d.dossierName, d.sinMissing])).toEqual([
      ['1002', 'M. Jean-François Bélanger', true],
      ['1005', 'Mme Thérèse Gagnon', true],
      ['1008', 'M. André Lévesque', true],
    ]);
    expect(fallback.dossiers[0]!.documentNumber).toBe('RL-2025-1002');
    // The default text explains the password.
    expect(plan.notices.passwordNotExplained).toEqual([]);

    const gagnon = await dossierByNumber(postier, '1005');
    await postier.records.updateDossier(gagnon.id, gagnon.version, { sin: '046 454 286' });
    const after = await postier.prepare.planBulkSend(selection);
    expect(after.notices.fallbackPassword!.dossiers.map((d) => d.dossierNumber)).toEqual([
      '1002',
      '1008',
    ]);
    // No SIN appears in any warning.
    expect(JSON.stringify(after.notices)).not.toMatch(/046\s?454\s?286/);
  });

  it('says when the text typed does not explain the password, and names the files over 1 MB', async () => {
    const { postier } = await demoPostier();
    const berenice = await postier.db
      .selectFrom('documents')
      .select('id')
      .where('number', '=', 'RL-2025-1001')
      .executeTakeFirstOrThrow();
    const jf = await postier.db
      .selectFrom('documents')
      .select('id')
      .where('number', '=', 'RL-2025-1002')
      .executeTakeFirstOrThrow();
    const warnings = await postier.prepare.bulkWarnings({
      documentIds: [berenice.id, jf.id],
      subject: 'Votre relevé',
      textBody: 'Bonjour {{destinataire}}, voici votre relevé.',
      generalAttachments: [fileOf(1_600_000, 'Lettre annuelle.pdf'), fileOf(20_000, 'Petit.pdf')],
      recipientAttachments: { [jf.id]: [fileOf(1_200_000, 'Reçu Bélanger.pdf')] },
    });
    expect(warnings.passwordNotExplained).toEqual(['Relevé fiscal']);
    expect(
      warnings.largeAttachments.map((a) => [a.fileName, a.size, a.role, a.dossier?.dossierName]),
    ).toEqual([
      ['Reçu Bélanger.pdf', 1_200_000, 'recipient', 'M. Jean-François Bélanger'],
      ['Lettre annuelle.pdf', 1_600_000, 'general', undefined],
    ]);
    expect(warnings.fallbackPassword!.dossiers.map((d) => d.dossierNumber)).toEqual(['1002']);

    const explained = await postier.prepare.bulkWarnings({
      documentIds: [berenice.id],
      textBody: 'Le mot de passe est votre NAS.',
    });
    expect(explained.passwordNotExplained).toEqual([]);
    expect(explained.largeAttachments).toEqual([]);
    expect(explained.fallbackPassword).toBeNull();
  });

  it('names a sender whose domain is not the account’s, and how the message will leave', async () => {
    const { postier } = await demoPostier();
    const structure = await postier.records.chooseStructure();
    const selection = { structureId: structure.id, type: 'invoice' as const, period: '2026-10' };
    expect((await postier.prepare.planBulkSend(selection)).notices.senderDomains).toEqual([]);

    await postier.accounts.setAccount(structure.id, {
      kind: 'smtp',
      host: '127.0.0.1',
      port: 2525,
      fromAddress: 'envois@courrier-residence.example.net',
    });
    const replyTo = (await postier.prepare.planBulkSend(selection)).notices.senderDomains;
    // Each sender of the cascade (manager, client group, functional address) is named once,
    // with how many messages it signs: From the account, the sender as Reply-To.
    expect(replyTo.map((s) => [s.sender, s.account, s.sentAs])).toEqual([
      ['sophie.gagne@erables.example.com', 'envois@courrier-residence.example.net', false],
      ['pavillon.lac@erables.example.com', 'envois@courrier-residence.example.net', false],
      ['ne-pas-repondre@erables.example.com', 'envois@courrier-residence.example.net', false],
    ]);
    const plan = await postier.prepare.planBulkSend(selection);
    expect(replyTo.reduce((sum, s) => sum + s.messages, 0)).toBe(
      plan.rows.reduce((sum, row) => sum + row.addresses.length, 0),
    );

    await postier.accounts.setAccount(structure.id, {
      sendAs: ['sophie.gagne@erables.example.com'],
    });
    const sentAs = (await postier.prepare.planBulkSend(selection)).notices.senderDomains;
    expect(sentAs.map((s) => [s.sender, s.sentAs])).toEqual([
      ['sophie.gagne@erables.example.com', true],
      ['pavillon.lac@erables.example.com', false],
      ['ne-pas-repondre@erables.example.com', false],
    ]);
  });

  it('prints the same names from `postier send prepare --dry-run`, in French and in English', async () => {
    const data = dataPlace((await demoPostier()).postier);
    const args = ['--data', data, 'send', 'prepare', '--type', 'taxslip', '--period', '2025'];
    const french = await runCli([...args, '--dry-run']);
    expect(french.code).toBe(0);
    expect(french.stdout).toContain('À vérifier avant l’envoi :');
    expect(french.stdout).toContain(
      'Dossiers sans NAS (3) : leur PDF sera protégé par le mot de passe de secours 000000000',
    );
    expect(french.stdout).toMatch(
      /1002 {2}M\. Jean-François Bélanger — RL-2025-1002 : NAS manquant/,
    );
    expect(french.stdout).toContain('Mme Thérèse Gagnon');

    const english = await runCli([...args, '--dry-run'], { POSTIER_LANG: 'en' });
    expect(english.stdout).toContain('Check before sending:');
    expect(english.stdout).toMatch(/M\. André Lévesque — RL-2025-1008 : SIN missing/);

    const json = await runCli([...args, '--dry-run', '--json']);
    const parsed = JSON.parse(json.stdout) as {
      notices: { fallbackPassword: { dossiers: unknown[] } };
    };
    expect(parsed.notices.fallbackPassword.dossiers).toHaveLength(3);
  });

  it('lists the invoices as a clerk reads names: Bélanger before Bouchard, Déry before Dubé', async () => {
    const { postier } = await demoPostier();
    const structure = await postier.records.chooseStructure();
    const list = await postier.prepare.planBulkSend({
      structureId: structure.id,
      type: 'invoice',
      period: '2026-10',
    });
    const lastNames = list.rows.map((row) => row.dossierName.split(' ').slice(2).join(' '));
    const french = [...lastNames].sort(new Intl.Collator('fr', { sensitivity: 'base' }).compare);
    expect(lastNames.length).toBeGreaterThan(10);
    expect(lastNames).toEqual(french);
    expect(lastNames.indexOf('Bélanger')).toBeLessThan(lastNames.indexOf('Bouchard'));
    expect(lastNames.indexOf('Déry')).toBeLessThan(lastNames.indexOf('Dubé'));
  });
});
