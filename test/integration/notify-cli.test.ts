// `postier notify show | set | staff` as an office's script runs them: staff with their
// language, a choice per event, the cascade when nothing is chosen, and a mistyped event or
// staff name refused with a sentence saying what exists.
import { describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../src-shared/domain/notifications.js';
import { postier } from '../support/cli.js';
import { dataPlace, freshPostier } from '../support/postier-fixture.js';

async function shown(data: string): Promise<NotificationSettings> {
  const run = await postier(['--data', data, 'notify', 'show', '--json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as NotificationSettings;
}

// A dozen CLI runs, each a child process: room for a loaded machine (not a speed check).
describe('postier notify', { timeout: 120_000 }, () => {
  it('chooses staff and addresses per event, falls back to the cascade, and names what is wrong', async () => {
    const office = await freshPostier();
    const data = dataPlace(office);
    const structure = await office.records.chooseStructure();
    await office.records.updateStructure(structure.id, structure.version, {
      communicationEmail: 'info@residence-test.example',
    });

    // Nothing chosen: failures go to the cascade (here the communication address); the
    // "finished" note is off until chosen.
    const before = await shown(data);
    expect(before.events.find((e) => e.event === 'failures')).toMatchObject({
      choice: { mode: 'cascade' },
      recipients: [{ address: 'info@residence-test.example', source: 'communication' }],
    });
    expect(before.events.find((e) => e.event === 'run_finished')).toMatchObject({
      choice: { mode: 'off' },
      recipients: [],
    });

    const added = await postier([
      '--data', data, 'notify', 'staff', 'John Smith',
      '--email', 'john@bureau.example', '--language', 'en', '--manager',
    ]); // prettier-ignore
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe('Collaborateur John Smith : john@bureau.example, langue en.\n');
    const set = await postier([
      '--data', data, 'notify', 'set', '--event', 'failures',
      '--staff', 'john smith', '--to', 'direction@bureau.example',
    ]); // prettier-ignore
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe('« Messages en échec » : Personnalisé.\n');

    const after = await shown(data);
    expect(after.managerId).toBe(after.staff[0]!.id);
    expect(after.events.find((e) => e.event === 'failures')!.recipients).toEqual([
      { address: 'john@bureau.example', name: 'John Smith', language: 'en', source: 'staff' },
      { address: 'direction@bureau.example', name: null, language: 'fr', source: 'address' },
    ]);
    // The manager now heads the cascade of the events left to it.
    expect(after.events.find((e) => e.event === 'bounces')!.recipients).toEqual([
      { address: 'john@bureau.example', name: 'John Smith', language: 'en', source: 'manager' },
    ]);

    const text = await postier(['--data', data, 'notify', 'show']);
    expect(text.stdout).toContain('Responsable (début de la cascade) : John Smith');
    expect(text.stdout).toContain(
      'Messages en échec [failures] — Personnalisé\n  John Smith <john@bureau.example> (collaborateur, en)\n  direction@bureau.example (adresse, fr)',
    );

    const back = await postier([
      '--data',
      data,
      'notify',
      'set',
      '--event',
      'failures',
      '--cascade',
    ]);
    expect(back.stdout).toBe('« Messages en échec » : Cascade.\n');
    const off = await postier([
      '--data', data, 'notify', 'set', '--event', 'bounces', '--off', '--json',
    ]); // prettier-ignore
    expect(JSON.parse(off.stdout)).toEqual({ event: 'bounces', choice: { mode: 'off' } });

    const typo = await postier([
      '--data',
      data,
      'notify',
      'set',
      '--event',
      'failure',
      '--cascade',
    ]);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain(
      'Événement inconnu : « failure ». Choisissez parmi : run_finished, failures, uncertain, bounces, account.',
    );
    const nobody = await postier([
      '--data', data, 'notify', 'set', '--event', 'uncertain', '--staff', 'Marie',
    ]); // prettier-ignore
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain(
      'Aucun collaborateur nommé « Marie » dans cet établissement. Collaborateurs : John Smith.',
    );
    const both = await postier([
      '--data', data, 'notify', 'set', '--event', 'uncertain', '--off', '--cascade',
    ]); // prettier-ignore
    expect(both.stderr).toContain('Choisissez une seule chose');
    // Nothing refused was saved.
    expect((await shown(data)).events.find((e) => e.event === 'uncertain')!.choice).toEqual({
      mode: 'cascade',
    });
  });
});
