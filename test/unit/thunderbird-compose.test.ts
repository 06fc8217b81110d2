// The Thunderbird method: the -compose argument Thunderbird reads back exactly (commas, quotes,
// accents and "=" in subjects, names and file paths), long bodies through a file, where
// Thunderbird is looked for, and a real child process receiving the argument untouched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  composeArgument,
  composeFields,
  createThunderbirdTransport,
  findThunderbird,
  INLINE_BODY_LIMIT,
} from '../../src-main/mail/thunderbird-transport.js';
import type { OutgoingMessage } from '../../src-main/mail/transport.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * How Thunderbird's compose window reads the -compose string (MsgComposeCommands.js,
 * GetArgs): pairs split on commas outside quotes, a quote opens only right after "=", a value
 * in single quotes is taken as is, any other value is percent-decoded.
 */
function readLikeThunderbird(argument: string): Record<string, string> {
  const pairs: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < argument.length; i++) {
    const c = argument[i]!;
    const next = argument[i + 1] ?? '';
    if (c === quote && (next === ',' || next === '')) quote = '';
    else if ((c === "'" || c === '"') && argument[i - 1] === '=' && quote === '') quote = c;
    else if (c === ',' && quote === '') {
      pairs.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  pairs.push(current);
  const args: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    args[pair.slice(0, at)] =
      value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : decodeURIComponent(value);
  }
  return args;
}

function message(folder: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const pdf = path.join(folder, "Facture, d'octobre=10 — Côté.pdf");
  fs.writeFileSync(pdf, crypto.randomBytes(100));
  return {
    messageIdHeader: '<f-2026-10@residence.example>',
    from: { name: 'Résidence', address: 'facturation@residence.example' },
    replyTo: null,
    to: ['famille.cote@example.com', 'tuteur@example.org'],
    cc: [],
    bcc: ['archives@residence.example'],
    subject: "Facture d'octobre, ch. 12 = « Mme Côté » 'x' \"y\" 100 %",
    text: 'Bonjour,\nVotre facture, comme convenu.\n',
    html: null,
    attachments: [{ fileName: 'Facture.pdf', absolutePath: pdf, contentType: 'application/pdf' }],
    readReceiptTo: null,
    date: new Date('2026-10-31T14:30:00Z'),
    ...overrides,
  };
}

describe('the -compose argument', () => {
  it('is read back by Thunderbird’s rules exactly as given', async () => {
    const sent = message(tempFolder('postier tb é '));
    const args = readLikeThunderbird(composeArgument(await composeFields(sent, tempFolder())));
    expect(args.to).toBe('famille.cote@example.com,tuteur@example.org');
    expect(args.bcc).toBe('archives@residence.example');
    expect(args.subject).toBe(sent.subject);
    expect(args.body).toBe(sent.text);
    expect(args.format).toBe('text');
    expect(args.from).toBe('facturation@residence.example');
    expect(args.cc).toBeUndefined();
    // The attachment list splits on commas; each file URL leads back to the file.
    const urls = args.attachment!.split(',');
    expect(urls).toHaveLength(1);
    expect(fileURLToPath(urls[0]!)).toBe(sent.attachments[0]!.absolutePath);
  });

  it('sends an HTML body as HTML', async () => {
    const args = readLikeThunderbird(
      composeArgument(
        await composeFields(
          message(tempFolder(), { html: '<p>Bonjour, <b>voici</b></p>' }),
          tempFolder(),
        ),
      ),
    );
    expect(args.format).toBe('html');
    expect(args.body).toBe('<p>Bonjour, <b>voici</b></p>');
  });

  it('passes a long body through a file, not the command line', async () => {
    const long = 'Ligne, avec « accents ».\n'.repeat(Math.ceil(INLINE_BODY_LIMIT / 20));
    const args = readLikeThunderbird(
      composeArgument(await composeFields(message(tempFolder(), { text: long }), tempFolder())),
    );
    expect(args.body).toBeUndefined();
    expect(fs.readFileSync(args.message!, 'utf8')).toBe(long);
  });
});

describe('starting Thunderbird', () => {
  it('finds Thunderbird where the settings say, or says where it looked', () => {
    const program = path.join(tempFolder(), 'thunderbird');
    fs.writeFileSync(program, '');
    expect(findThunderbird(program)).toBe(program);
    expect(() => findThunderbird(null, 'win32', { ProgramFiles: 'Z:\\Programmes' })).toThrow(
      'Z:\\Programmes\\Mozilla Thunderbird\\thunderbird.exe',
    );
  });

  it.runIf(process.platform !== 'win32')(
    'hands a real process the argument untouched',
    async () => {
      const folder = tempFolder();
      const received = path.join(folder, 'argv.json');
      const program = path.join(folder, 'thunderbird');
      fs.writeFileSync(
        program,
        `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(received)}, JSON.stringify(process.argv.slice(2)));\n`,
        { mode: 0o755 },
      );
      const thunderbird = createThunderbirdTransport({ executable: program });
      expect(thunderbird.canPace).toBe(false);
      const sent = message(folder);
      await thunderbird.send(sent);
      for (let i = 0; i < 100 && !fs.existsSync(received); i++)
        await new Promise((r) => setTimeout(r, 50));
      const argv = JSON.parse(fs.readFileSync(received, 'utf8')) as string[];
      expect(argv[0]).toBe('-compose');
      expect(readLikeThunderbird(argv[1]!).subject).toBe(sent.subject);
    },
  );
});
