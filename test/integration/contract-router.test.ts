// The contract's main side: malformed input never reaches a service, errors read well in the
// request's language, and only what the output schema names goes back to the renderer.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, OPERATION_NAMES, type OperationName } from '../../src-shared/contract/index.js';
import { createMainSide } from '../../src-main/ipc/create-router.js';
import { memoryStore, WorkstationPreferences } from '../../src-main/ipc/preferences.js';
import { ServiceRouter, type Handlers } from '../../src-main/ipc/service-router.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';

const fr = { language: 'fr' } as const;
const en = { language: 'en' } as const;

/** Handlers that only record that they were called. */
function recordingRouter() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      async () => {
        calls.push(name);
        throw new Error('must not be called');
      },
    ]),
  ) as unknown as Handlers;
  return { router: new ServiceRouter(handlers, () => undefined), calls };
}

const WRONG_VALUES: unknown[] = [
  { nested: { deep: true } },
  'x'.repeat(300_000),
  -1.5,
  true,
  [],
  null,
];

/** For each field of the operation's input, the wrong values its schema refuses. */
function malformedInputs(name: OperationName): unknown[] {
  const inputs: unknown[] = [
    undefined,
    null,
    42,
    'texte',
    [],
    { champInconnu: 1 },
    { __proto__: { id: 1 } },
  ];
  const shape = (contract[name].input as unknown as z.ZodObject).shape;
  for (const [field, schema] of Object.entries(shape)) {
    for (const wrong of WRONG_VALUES) {
      if (!(schema as z.ZodType).safeParse(wrong).success) inputs.push({ [field]: wrong });
    }
  }
  return inputs;
}

describe('ServiceRouter', () => {
  it.each(OPERATION_NAMES)(
    '%s rejects malformed input without calling its service',
    async (name) => {
      const { router, calls } = recordingRouter();
      const inputs = malformedInputs(name);
      expect(inputs.length).toBeGreaterThan(6);
      for (const input of inputs) {
        const result = await router.dispatch(name, input, fr);
        expect(result.ok, `${name} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('ui.error.invalidInput');
          expect(result.error.message).toMatch(/^L’écran a envoyé une valeur refusée pour « /);
        }
      }
      expect(calls).toEqual([]);
    },
  );

  it('checks nested inputs too: method settings, chosen addresses, document types', async () => {
    const { router, calls } = recordingRouter();
    const refused: [OperationName, unknown][] = [
      ['methods.saveSettings', { structureId: 1, settings: { imap: { port: 0 } } }],
      ['methods.saveSettings', { structureId: 1, settings: { imap: { password: 'x' } } }],
      ['methods.saveSettings', { structureId: 1, settings: { tokenRef: 'oauth-1' } }],
      ['methods.saveSettings', { structureId: 1, settings: { provider: 'yahoo' } }],
      ['methods.saveSettings', { structureId: 1, settings: { clientId: 'x'.repeat(201) } }],
      ['methods.connect', { structureId: 1, clientSecret: 'x'.repeat(501) }],
      ['sending.queue', { structureId: 1, documentIds: [1], addresses: ['x'.repeat(255)] }],
      ['sending.preview', { structureId: 1, documentId: 1, addresses: Array(21).fill('a@b.ca') }],
      ['documents.updateType', { code: 'invoice', version: 1, patch: { requiresSummary: true } }],
      ['documents.updateType', { code: 'letter', version: 1, patch: {} }],
      [
        'documents.updateType',
        { code: 'invoice', version: 1, patch: { watermark: 'x'.repeat(121) } },
      ],
      ['imports.documentsPreview', { structureId: 1, file: 'r', pdfFiles: Array(5001).fill('r') }],
      ['imports.splitPdf', { structureId: 1, file: 'r', key: '(\\d+)', dryRun: 'yes' }],
    ];
    for (const [name, input] of refused) {
      const result = await router.dispatch(name, input, fr);
      expect(result, `${name} accepted ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'ui.error.invalidInput' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses names that are not operations, including object built-ins', async () => {
    const { router, calls } = recordingRouter();
    for (const name of ['__proto__', 'constructor', 'toString', 'dossiers.delete', '', 'a\r\nb']) {
      const result = await router.dispatch(name, {}, en);
      expect(result).toMatchObject({ ok: false, error: { code: 'ui.error.unknownOperation' } });
    }
    expect(calls).toEqual([]);
  });

  it('names the refused field and the problem', async () => {
    const { router } = recordingRouter();
    const result = await router.dispatch(
      'dossiers.create',
      { structureId: 1, dossier: { number: '1', lastName: 'x'.repeat(101) } },
      fr,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        field: 'dossier.lastName',
        message: expect.stringContaining('100 caractères au plus'),
      },
    });
  });

  it('gives a generic message for an unexpected error, and logs the details instead', async () => {
    const logged: string[] = [];
    const handlers = {
      'structures.list': async () => {
        throw new Error('SQLITE_CORRUPT: /home/secret/postier.sqlite');
      },
    } as unknown as Handlers;
    const router = new ServiceRouter(handlers, (line) => logged.push(line));
    const result = await router.dispatch('structures.list', {}, fr);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ui.error.unexpected');
      expect(result.error.message).not.toMatch(/SQLITE|secret|postier\.sqlite/);
      expect(result.error.message).toContain('structures.list');
    }
    expect(logged.join('\n')).toContain('SQLITE_CORRUPT');
  });

  it('sends back only the fields the output schema names', async () => {
    const handlers = {
      'structures.list': async () => [
        {
          id: 1,
          name: 'Résidence',
          address: '',
          phone: null,
          locale: 'fr-CA',
          currency: 'CAD',
          senderName: null,
          functionalEmail: null,
          communicationEmail: null,
          version: 1,
          sin: '046454286',
          password: 'secret',
        },
      ],
    } as unknown as Handlers;
    const result = await new ServiceRouter(handlers).dispatch('structures.list', {}, fr);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/046454286|secret/);
  });
});

describe('the contract over the real services', () => {
  async function realRouter() {
    const postier = await freshPostier();
    const shell = {
      version: '0.0.0-test',
      nativeMenus: false,
      preferences: new WorkstationPreferences(memoryStore(), postier.folder.root),
    };
    const side = createMainSide(postier, shell, () => undefined);
    return { postier, ...side };
  }

  it('creates, finds and updates a dossier; a stale update is refused in the request’s language', async () => {
    const { router, postier } = await realRouter();
    const structure = await postier.records.chooseStructure();
    const created = await router.dispatch(
      'dossiers.create',
      {
        structureId: structure.id,
        dossier: {
          number: '1001',
          title: 'Mme',
          lastName: 'Lefèvre-Côté',
          firstName: 'Bérénice',
          sin: '046 454 286',
          emailOptIn: true,
          correspondents: [{ name: 'Hélène Côté', email: 'helene.cote@example.com' }],
        },
      },
      fr,
    );
    expect(created).toMatchObject({
      ok: true,
      value: { number: '1001', sinMasked: '••• ••• 286' },
    });
    expect(JSON.stringify(created)).not.toContain('046454286');

    const found = await router.dispatch('dossiers.search', { text: 'Bérénice' }, fr);
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });

    const id = created.ok ? (created.value as { id: number }).id : 0;
    const updated = await router.dispatch(
      'dossiers.update',
      { id, version: 1, patch: { firstName: 'Béré' } },
      fr,
    );
    expect(updated).toMatchObject({ ok: true, value: { firstName: 'Béré', version: 2 } });

    const stale = await router.dispatch(
      'dossiers.update',
      { id, version: 1, patch: { firstName: 'X' } },
      en,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'error.record.stale',
        message: expect.stringContaining('changed on another workstation'),
      },
    });
  });

  it('says which address is wrong when a correspondent is added', async () => {
    const { router, postier } = await realRouter();
    const structure = await postier.records.chooseStructure();
    const dossier = await postier.records.createDossier(structure.id, {
      number: '7',
      lastName: 'Tremblay',
    });
    const result = await router.dispatch(
      'dossiers.addCorrespondent',
      { dossierId: dossier.id, correspondent: { email: 'gerard@exemple' } },
      fr,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'error.email.invalid',
        message: expect.stringContaining('« gerard@exemple »'),
      },
    });
  });

  it('stages an uploaded file and gives back a reference, never a path', async () => {
    const { router, staged } = await realRouter();
    const result = await router.dispatch(
      'files.upload',
      { name: '..\\..\\Lettre à tous.pdf', base64: Buffer.from('%PDF-1.4').toString('base64') },
      fr,
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'Lettre à tous.pdf', size: 8 } });
    const ref = result.ok ? (result.value as { ref: string }).ref : '';
    expect(staged.resolve(ref).path).toMatch(/postier-files-.*Lettre à tous\.pdf$/);
    expect(JSON.stringify(result)).not.toContain('postier-files-');
    staged.dispose();
  });

  it('answers in the host that the system file dialog is not available', async () => {
    const { router } = await realRouter();
    const result = await router.dispatch('files.pick', { purpose: 'attachment' }, fr);
    expect(result).toMatchObject({ ok: false, error: { code: 'ui.error.fileDialogUnavailable' } });
  });
});

describeEachDialect('the window’s PDF preview', ({ freshData }) => {
  it('gives a document’s PDF and its file name, from the folder or the database', async () => {
    const { postier } = await demoPostier(await freshData());
    const shell = {
      version: '0.0.0-test',
      nativeMenus: false,
      preferences: new WorkstationPreferences(memoryStore(), postier.folder.root),
    };
    const { router } = createMainSide(postier, shell, () => undefined);
    const id = await documentId(postier, 'F202610-1001');
    const answer = await router.dispatch('documents.pdf', { id }, fr);
    expect(answer).toMatchObject({ ok: true, value: { fileName: 'invoice-F202610-1001.pdf' } });
    const { base64 } = (answer as { value: { base64: string } }).value;
    const bytes = Buffer.from(base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(bytes, await postier.documents.readPdf(id))).toBe(0);
  });
});
