// Who each message comes from (the accounting seed's cascade), the copies the account asks
// for, and no header injection through a name: checked down to the .eml file written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { chooseSender, type SenderCandidates } from '../../src-main/prepare/sender-cascade.js';
import { addInvoiceDossiers } from '../support/invoice-dossiers.js';
import { freshPostier } from '../support/postier-fixture.js';

const structureCandidates: SenderCandidates['structure'] = {
  name: 'Résidence Test',
  senderName: 'Comptabilité',
  functionalEmail: 'ne-pas-repondre@test.example',
  communicationEmail: 'compta@test.example',
};
const none: SenderCandidates = {
  manager: null,
  group: null,
  structure: { ...structureCandidates, functionalEmail: null, communicationEmail: null },
  account: { fromName: null, fromAddress: null },
};

describe('chooseSender', () => {
  it('goes down the cascade, skipping a level without a usable address', () => {
    const full: SenderCandidates = {
      manager: { name: 'Sophie Gagné', email: 'sophie@test.example' },
      group: { name: 'Pavillon du Lac', email: 'pavillon@test.example' },
      structure: structureCandidates,
      account: { fromName: 'Bureau', fromAddress: 'bureau@test.example' },
    };
    expect(chooseSender(full)).toEqual({
      source: 'manager',
      name: 'Sophie Gagné',
      address: 'sophie@test.example',
    });
    expect(chooseSender({ ...full, manager: { name: 'Paul', email: 'paul@' } })).toEqual({
      source: 'group',
      name: 'Comptabilité — Pavillon du Lac',
      address: 'pavillon@test.example',
    });
    expect(
      chooseSender({ ...full, manager: null, group: { name: 'Sans adresse', email: null } })
        ?.source,
    ).toBe('functional');
    expect(
      chooseSender({
        ...full,
        manager: null,
        group: null,
        structure: { ...structureCandidates, functionalEmail: null },
      }),
    ).toEqual({
      source: 'communication',
      name: 'Comptabilité',
      address: 'compta@test.example',
    });
    expect(
      chooseSender({
        ...none,
        account: { fromName: 'Bureau', fromAddress: 'bureau@test.example' },
      }),
    ).toEqual({
      source: 'account',
      name: 'Bureau',
      address: 'bureau@test.example',
    });
    expect(chooseSender(none)).toBeNull();
  });

  it('never lets a name carry a line break into the From header', () => {
    const sender = chooseSender({
      ...none,
      manager: { name: 'Sophie\r\nBcc: victime@evil.example', email: 'sophie@test.example' },
    });
    expect(sender?.name).toBe('Sophie Bcc: victime@evil.example');
  });
});

async function office(postier: Postier) {
  const structure = await postier.records.chooseStructure();
  const updated = await postier.records.updateStructure(structure.id, structure.version, {
    senderName: 'Comptabilité',
    functionalEmail: 'ne-pas-repondre@test.example',
    communicationEmail: 'compta@test.example',
  });
  const manager = await postier.records.addStaff(
    structure.id,
    'Sophie Gagné',
    'sophie@test.example',
  );
  const managerWithoutEmail = await postier.records.addStaff(
    structure.id,
    'Paul Sans-Courriel',
    null,
  );
  const group = await postier.records.addClientGroup(
    structure.id,
    'Pavillon du Lac',
    'pavillon@test.example',
  );
  const dossiers = [
    { number: 'D1', managerId: manager.id },
    { number: 'D2', managerId: managerWithoutEmail.id, groupId: group.id },
    { number: 'D3', groupId: group.id },
    { number: 'D4' },
  ];
  await addInvoiceDossiers(postier, structure.id, dossiers);
  return updated;
}

async function senders(postier: Postier, extra: { ccSender?: boolean } = {}) {
  const { queued } = await postier.prepare.prepare({
    type: 'invoice',
    period: '2026-10',
    dryRun: true,
    ...extra,
  });
  return Object.fromEntries(queued.map((m) => [m.dossierNumber, m]));
}

describe('the sender of each message', () => {
  it('follows the cascade down to the account’s address, and says when there is none', async () => {
    const postier = await freshPostier();
    const structure = await office(postier);
    const first = await senders(postier);
    expect(
      Object.fromEntries(Object.entries(first).map(([n, m]) => [n, [m.fromName, m.fromAddress]])),
    ).toEqual({
      D1: ['Sophie Gagné', 'sophie@test.example'],
      D2: ['Comptabilité — Pavillon du Lac', 'pavillon@test.example'],
      D3: ['Comptabilité — Pavillon du Lac', 'pavillon@test.example'],
      D4: ['Comptabilité', 'ne-pas-repondre@test.example'],
    });
    expect(first.D1!.textBody).toContain('Sophie Gagné\nRésidence Test');

    const withoutFunctional = await postier.records.updateStructure(
      structure.id,
      structure.version,
      { functionalEmail: null },
    );
    expect((await senders(postier)).D4!.fromAddress).toBe('compta@test.example');

    await postier.records.updateStructure(structure.id, withoutFunctional.version, {
      communicationEmail: null,
    });
    await postier.accounts.setAccount(structure.id, {
      fromName: 'Bureau',
      fromAddress: 'bureau@test.example',
    });
    expect((await senders(postier)).D4).toMatchObject({
      fromName: 'Bureau',
      fromAddress: 'bureau@test.example',
    });

    await postier.accounts.setAccount(structure.id, { fromAddress: null });
    await expect(senders(postier)).rejects.toMatchObject({
      code: 'error.prepare.noSender',
      params: { dossier: 'D4', structure: 'Résidence Test' },
    });
  });

  it('copies the sender when asked, and applies the account’s reply-to and archive copy', async () => {
    const postier = await freshPostier();
    const structure = await office(postier);
    await postier.accounts.setAccount(structure.id, {
      replyTo: 'compta@test.example',
      archiveBcc: 'archives@test.example',
    });
    const plain = await senders(postier);
    expect(plain.D1).toMatchObject({
      cc: [],
      bcc: ['archives@test.example'],
      replyTo: 'compta@test.example',
    });
    const copied = await senders(postier, { ccSender: true });
    expect(copied.D1!.cc).toEqual(['sophie@test.example']);
    expect(copied.D4!.cc).toEqual(['ne-pas-repondre@test.example']);
  });
});

describe('header injection', () => {
  it('keeps a dossier or staff name with line breaks out of the headers, down to the written e-mail', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    await postier.accounts.setAccount(structure.id, {
      pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0 },
    });
    const manager = await postier.records.addStaff(structure.id, 'Sophie', 'sophie@test.example');
    const dossier = await postier.records.createDossier(structure.id, {
      number: 'X1',
      lastName: 'Mailly',
      managerId: manager.id,
      emailOptIn: true,
      correspondents: [{ name: 'Anaïs', email: 'anais@example.com' }],
    });
    // The records refuse line breaks at every door now; a row written before that (or by
    // another program) may still hold them, and the headers must stay whole anyway.
    await postier.db
      .updateTable('staff')
      .set({ name: 'Sophie\r\nBcc: espion@evil.example' })
      .where('id', '=', manager.id)
      .execute();
    await postier.db
      .updateTable('dossiers')
      .set({ last_name: 'Mailly\r\nBcc: victime@evil.example\r\n\r\nCorps injecté' })
      .where('id', '=', dossier.id)
      .execute();
    await postier.documents.addDocument({
      dossierNumber: 'X1',
      type: 'invoice',
      number: 'F-X1',
      period: '2026-10',
      amountCents: 5_00,
    });

    const { queued } = await postier.prepare.prepare({
      type: 'invoice',
      validate: true,
      subject: 'Facture de {{personne}} ({{nom}})',
    });
    expect(queued[0]!.subject).toBe(
      'Facture de Mailly Bcc: victime@evil.example Corps injecté (Mailly Bcc: victime@evil.example Corps injecté)',
    );
    expect(queued[0]!.fromName).toBe('Sophie Bcc: espion@evil.example');
    expect((await postier.sendEngine.run({})).sent).toBe(1);

    const sandbox = postier.folder.resolve('sandbox');
    const [day] = fs.readdirSync(sandbox);
    const [file] = fs.readdirSync(path.join(sandbox, day!));
    const eml = fs.readFileSync(path.join(sandbox, day!, file!), 'utf8');
    const headers = eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');
    expect(headers.filter((line) => /^bcc:/i.test(line))).toEqual([]);
    expect(headers.filter((line) => /^to:/i.test(line))).toEqual(['To: anais@example.com']);
    // Every header line is a header or the folded continuation of one.
    for (const line of headers) expect(line).toMatch(/^([A-Za-z-]+: |[ \t])/);
  });
});
