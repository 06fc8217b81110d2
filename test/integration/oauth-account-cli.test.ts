// `postier account set --kind graph | eml-draft …` and `account test`, in child processes: the
// new kinds are accepted with their options, a wrong option changes nothing, an account not yet
// connected says to connect it, a method that cannot pace a batch says so.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataLocation } from '../../src-main/data-folder/data-folder.js';
import { postier, type CliResult } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { tempFolder } from '../support/temp-folder.js';

describe('postier account with the other sending methods', { timeout: 120_000 }, () => {
  it('sets Microsoft 365 through Graph and a draft in the mail client, and tests them', async () => {
    const data = await freshDataPlace();
    const env = {
      POSTIER_CREDENTIALS_DIR: path.join(tempFolder(), 'credentials'),
      DBUS_SESSION_BUS_ADDRESS: '',
      DISPLAY: '',
    };
    const run = (args: string[]): Promise<CliResult> => postier(['--data', data, ...args], env);
    expect((await run(['init'])).code).toBe(0);

    const refused = await run([
      'account',
      'set',
      '--kind',
      'graph',
      '--client-id',
      'app-1',
      '--tenant',
      'résidence/../x',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Le locataire Microsoft 365 « résidence/../x » n’est pas valide',
    );
    expect((await run(['account', 'show'])).stdout).toContain('Type : sandbox');

    const graph = await run([
      'account',
      'set',
      '--kind',
      'graph',
      '--from',
      'facturation@residence.example',
      '--client-id',
      '00000000-1111-2222-3333-444444444444',
      '--tenant',
      'residence.onmicrosoft.com',
    ]);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain(
      'Connexion pas encore faite sur ce poste : tapez « postier account connect »',
    );
    const notConnected = await run(['account', 'test']);
    expect(notConnected.code).toBe(1);
    expect(notConnected.stderr).toContain(
      'Le compte facturation@residence.example n’est pas encore connecté à Microsoft 365 sur ce poste',
    );

    const draft = await run(['account', 'set', '--kind', 'eml-draft']);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('Cette méthode ouvre une fenêtre par message');
    const tested = await run(['account', 'test']);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toContain(
      `${path.join(resolveDataLocation(data).folder, 'drafts')} et ouvert dans votre messagerie par défaut`,
    );
  });
});
