// The Dossiers screen's search and Suivi des envois' search ignore accents and case, as the
// journal's does (the search tables of migration 0004), on a real SQLite file and on
// PostgreSQL (the same tests, describeEachDialect).
import { expect, it } from 'vitest';
import { postier as cli } from '../support/cli.js';
import { seedMessages, smtpAccount } from '../support/outbox-fixture.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';

describeEachDialect('accent- and case-blind search', ({ freshData }) => {
  it('finds dossiers by names, number and correspondents whatever the accents and case', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    await postier.records.createDossier(structure.id, {
      number: 'D-2041',
      lastName: 'Lefèvre',
      firstName: 'Élise',
      correspondents: [{ name: 'Gérald Côté', email: 'G.Cote@Exemple.ca' }],
    });
    await postier.records.createDossier(structure.id, {
      number: 'D-2042',
      lastName: 'Côté',
      firstName: 'Noël',
    });
    await postier.records.createDossier(structure.id, {
      number: 'D-3050',
      lastName: 'Lefebvre',
      firstName: 'Marc',
    });
    const search = (text: string) =>
      postier.records.searchDossiers({ text }).then((p) => p.items.map((d) => d.number));

    expect(await search('lefevre')).toEqual(['D-2041']);
    expect(await search('LEFÈVRE élise')).toEqual(['D-2041']);
    expect(await search('elise')).toEqual(['D-2041']);
    // Côté the dossier (sorted by name) and Lefèvre through her correspondent Gérald Côté.
    expect(await search('cote')).toEqual(['D-2042', 'D-2041']);
    expect(await search('noel cote')).toEqual(['D-2042']);
    expect(await search('gerald')).toEqual(['D-2041']);
    expect(await search('g.cote@exemple')).toEqual(['D-2041']);
    expect(await search('d-20')).toEqual(['D-2042', 'D-2041']);
    expect(await search('3050')).toEqual(['D-3050']);
    expect(await search('lefe')).toEqual(['D-3050', 'D-2041']);

    // A renamed dossier is found by its new name only (the search table follows the write).
    const [lefebvre] = (await postier.records.searchDossiers({ text: 'marc' })).items;
    await postier.records.updateDossier(lefebvre!.id, lefebvre!.version, { lastName: 'Bérubé' });
    expect(await search('berube')).toEqual(['D-3050']);
    expect(await search('lefebvre')).toEqual([]);
  });

  it('finds sent and queued messages by recipient name, address and document number', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const accountId = await smtpAccount(postier.db, { structureId: structure.id, port: 2525 });
    const seeded = await seedMessages(postier.db, {
      structureId: structure.id,
      accountId,
      count: 3,
      recipients: (i) => [['famille.lefevre@exemple.ca', 'noel@exemple.ca', 'x@exemple.ca'][i]!],
    });
    // The fixture names every dossier Lefèvre-Côté: give two of them other names.
    const dossierOf = (documentId: number) =>
      postier.db
        .selectFrom('documents')
        .select('dossier_id')
        .where('id', '=', documentId)
        .executeTakeFirstOrThrow();
    const renamed = [
      ['Tremblay', 'Noël'],
      ['Gagnon', 'Hélène'],
    ] as const;
    for (const [i, [lastName, firstName]] of renamed.entries()) {
      const { dossier_id } = await dossierOf(seeded.documentIds[i + 1]!);
      await postier.db
        .updateTable('dossiers')
        .set({ last_name: lastName, first_name: firstName })
        .where('id', '=', dossier_id)
        .execute();
    }
    const numbers = await postier.db
      .selectFrom('documents')
      .select(['id', 'number'])
      .where('id', 'in', seeded.documentIds)
      .execute();
    const numberOf = new Map(numbers.map((d) => [d.id, d.number]));
    const [first, second, third] = seeded.documentIds.map((id) => numberOf.get(id)!);
    const found = async (text: string) => {
      const { page } = await postier.sendEngine.status({ text });
      return page.items.map((m) => m.documentNumber).sort();
    };

    expect(await found('LEFEVRE cote')).toEqual([first]);
    expect(await found('helene')).toEqual([third]);
    expect(await found('HÉLÈNE GAGNON')).toEqual([third]);
    expect(await found('noel')).toEqual([second]);
    expect(await found('Famille.Lefevre@')).toEqual([first]);
    expect(await found(second!.toLowerCase())).toEqual([second]);
    expect(await found(second!.slice(-4))).toEqual([second]);
    expect(await found('personne')).toEqual([]);
    // The counts by status follow the same search.
    expect((await postier.sendEngine.status({ text: 'gagnon' })).counts.validated).toBe(1);
  });

  it('from the command line: dossiers list --search and send status --search', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const accountId = await smtpAccount(postier.db, { structureId: structure.id, port: 2525 });
    await seedMessages(postier.db, { structureId: structure.id, accountId, count: 2 });
    await postier.records.createDossier(structure.id, { number: 'D-9', lastName: 'Gagnon' });
    const place = postier.location.kind === 'postgres' ? postier.location.url : postier.folder.root;
    const data = ['--data', place, '--json'];

    const dossiers = await cli(['dossiers', 'list', '--search', 'LEFEVRE cote', ...data]);
    expect(dossiers.code, dossiers.stderr).toBe(0);
    const found = JSON.parse(dossiers.stdout) as { lastName: string }[];
    expect(found.map((d) => d.lastName).sort()).toEqual(['Lefèvre-Côté 1', 'Lefèvre-Côté 2']);

    const status = await cli(['send', 'status', '--search', 'BERENICE', ...data]);
    expect(status.code, status.stderr).toBe(0);
    const { messages } = JSON.parse(status.stdout) as { messages: { document: string }[] };
    expect(messages.map((m) => m.document.replace(/-\w+-/, '-'))).toEqual(['F-2', 'F-1']);
  });
});
