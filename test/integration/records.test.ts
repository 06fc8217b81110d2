// Dossiers and correspondents on each database (a real SQLite file, a real PostgreSQL server).
import { expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier, tableCounts } from '../support/postier-fixture.js';

describeEachDialect('dossiers', ({ freshData }) => {
  it('creates a dossier with its correspondents and finds it by number, name and e-mail', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const created = await postier.records.createDossier(structure.id, {
      number: '1001',
      title: 'Mme',
      lastName: 'Lefèvre-Côté',
      firstName: 'Bérénice',
      emailOptIn: true,
      sin: '046-454-286',
      correspondents: [
        { name: 'Hélène Côté', relation: 'Fille', email: 'helene.cote@example.com' },
        { name: 'Frédéric Côté', email: 'fred@example.net', receivesDocuments: false },
      ],
    });
    expect(created.displayName).toBe('Mme Bérénice Lefèvre-Côté');
    expect(created.sinMasked).toBe('••• ••• 286');
    expect(created.correspondents.map((c) => [c.email, c.receivesDocuments])).toEqual([
      ['helene.cote@example.com', true],
      ['fred@example.net', false],
    ]);
    await postier.records.createDossier(structure.id, {
      number: '1002',
      lastName: 'Tremblay',
      firstName: 'Gérard',
    });

    const search = (text: string) =>
      postier.records.searchDossiers({ text }).then((p) => p.items.map((d) => d.number));
    expect(await search('1001')).toEqual(['1001']);
    expect(await search('Bérénice')).toEqual(['1001']);
    expect(await search('Côté Bérénice')).toEqual(['1001']);
    expect(await search('fred@example')).toEqual(['1001']);
    expect(await search('trem')).toEqual(['1002']);
    expect(await search('100%')).toEqual([]);
    expect((await postier.records.searchDossiers({})).total).toBe(2);
  });

  it('never returns the full SIN, and stores it as nine digits', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      number: 'A1',
      lastName: 'Roy',
      sin: '130 692 544',
    });
    expect(JSON.stringify(dossier)).not.toContain('130692544');
    const row = await postier.db
      .selectFrom('dossiers')
      .select('sin')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(row.sin).toBe('130692544');
    await expect(
      postier.records.createDossier(structure.id, { number: 'A2', lastName: 'Roy', sin: '12345' }),
    ).rejects.toMatchObject({ code: 'error.sin.invalid' });
  });

  it('refuses a duplicate number and leaves the database unchanged', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    await postier.records.createDossier(structure.id, {
      number: '1001',
      lastName: 'Mailly',
      correspondents: [{ email: 'a@example.com' }],
    });
    const before = await tableCounts(postier);
    await expect(
      postier.records.createDossier(structure.id, {
        number: '1001',
        lastName: 'Autre',
        correspondents: [{ email: 'b@example.com' }],
      }),
    ).rejects.toMatchObject({
      code: 'error.dossier.duplicateNumber',
      params: { number: '1001', structure: 'Résidence Test' },
    });
    expect(await tableCounts(postier)).toEqual(before);
  });

  it('refuses an invalid e-mail without writing the dossier', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const before = await tableCounts(postier);
    for (const email of [
      'pas-une-adresse',
      'a@b',
      'x@example.com\r\nBcc: victim@example.com',
      'a b@example.com',
    ]) {
      await expect(
        postier.records.createDossier(structure.id, {
          number: '7',
          lastName: 'X',
          correspondents: [{ email }],
        }),
      ).rejects.toMatchObject({ code: 'error.email.invalid' });
    }
    expect(await tableCounts(postier)).toEqual(before);
  });

  it('keeps a mistyped address from older software when asked, flagged as invalid', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      number: '9',
      lastName: 'Pelletier',
      correspondents: [{ email: 'etienne.pelletier@example', keepInvalidEmail: true }],
    });
    expect(dossier.correspondents[0]).toMatchObject({
      email: 'etienne.pelletier@example',
      emailValid: false,
    });
  });

  it('refuses a stale update made from an older copy of the dossier', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const original = await postier.records.createDossier(structure.id, {
      number: '5',
      lastName: 'Morin',
    });
    const first = await postier.records.updateDossier(original.id, original.version, {
      firstName: 'Éliane',
    });
    expect(first.version).toBe(original.version + 1);
    await expect(
      postier.records.updateDossier(original.id, original.version, { firstName: 'Éloïse' }),
    ).rejects.toMatchObject({ code: 'error.record.stale' });
    expect((await postier.records.getDossier(original.id)).firstName).toBe('Éliane');
  });

  it('two workstations saving the same copy at once: one is saved, the other refused as stale', async () => {
    const data = await freshData();
    const first = await freshPostier(data);
    // Another workstation: its own connection (on PostgreSQL, its own session at the server).
    const second = closeAfterTest(await openPostier({ dataPath: data }));
    const structure = await first.records.chooseStructure();
    const { id } = await first.records.createDossier(structure.id, {
      number: '9',
      lastName: 'Roy',
    });
    for (let round = 0; round < 10; round++) {
      const copy = await first.records.getDossier(id);
      const results = await Promise.allSettled([
        first.records.updateDossier(id, copy.version, { firstName: `Anne ${round}` }),
        second.records.updateDossier(id, copy.version, { firstName: `Berthe ${round}` }),
      ]);
      const saved = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(saved).toHaveLength(1);
      expect(refused).toEqual([expect.objectContaining({ code: 'error.record.stale' })]);
      const now = await second.records.getDossier(id);
      expect(now).toMatchObject({ firstName: saved[0]!.firstName, version: copy.version + 1 });
    }
  });

  it('adds, updates and removes correspondents with version checks', async () => {
    const postier = await freshPostier(await freshData());
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      number: '8',
      lastName: 'Caron',
    });
    const added = await postier.records.addCorrespondent(dossier.id, {
      name: 'Rémi',
      email: 'remi@example.net',
    });
    await postier.records.updateCorrespondent(added.id, added.version, {
      email: 'remi.caron@example.net',
    });
    await expect(
      postier.records.updateCorrespondent(added.id, added.version, { email: 'x@example.net' }),
    ).rejects.toMatchObject({
      code: 'error.record.stale',
    });
    const current = (await postier.records.getDossier(dossier.id)).correspondents[0]!;
    expect(current.email).toBe('remi.caron@example.net');
    await postier.records.removeCorrespondent(current.id, current.version);
    expect((await postier.records.getDossier(dossier.id)).correspondents).toEqual([]);
  });

  it('asks which structure when there are several and none is named', async () => {
    const postier = await freshPostier(await freshData());
    await postier.records.createStructure({ name: 'Garderie Les Lucioles' });
    await expect(postier.records.chooseStructure()).rejects.toMatchObject({
      code: 'error.structure.ambiguous',
    });
    expect((await postier.records.chooseStructure('Garderie Les Lucioles')).name).toBe(
      'Garderie Les Lucioles',
    );
  });
});
