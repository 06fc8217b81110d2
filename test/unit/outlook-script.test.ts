// The Outlook method: the PowerShell script's content, the command line (two file paths as
// separate arguments, no shell), the message file (quotes, accents and spaces kept exactly),
// and how Outlook's answers become statuses. Outlook itself (COM) runs only on Windows: there
// the script is run for real in "probe" mode.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createOutlookTransport,
  OUTLOOK_SCRIPT,
  outlookMessageFile,
  powershellArguments,
  probeOutlook,
  type OutlookMessageFile,
  type ProcessRunner,
} from '../../src-main/mail/outlook-transport.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import type { OutgoingMessage } from '../../src-main/mail/transport.js';
import { templatesFolder } from '../../src-main/pdf/templates-folder.js';
import { tempFolder } from '../support/temp-folder.js';

const script = fs.readFileSync(path.join(templatesFolder(), OUTLOOK_SCRIPT));

function message(folder: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const pdf = path.join(folder, 'Relevé 24 — Émile "l’aîné" d\'Arcy.pdf');
  fs.writeFileSync(pdf, crypto.randomBytes(1000));
  return {
    messageIdHeader: '<r24-2026-0001@garderie.example>',
    from: { name: 'Garderie « Les Petits Pas »', address: 'bureau@garderie.example' },
    replyTo: 'direction@garderie.example',
    to: ['parent.lefebvre@example.com'],
    cc: ['autre.parent@example.com'],
    bcc: ['archives@garderie.example'],
    subject: 'Relevé 24 d\'Émile — "copie 2" ; l’année 2026 & $(calc) `whoami` %PATH%',
    text: 'Bonjour,\nMot de passe : votre NAS.\n',
    html: '<p>Bonjour,</p><p>Mot de passe : <b>votre NAS</b>.</p>',
    attachments: [
      {
        fileName: 'Relevé 24 — Émile "l’aîné" d\'Arcy.pdf',
        absolutePath: pdf,
        contentType: 'application/pdf',
      },
    ],
    readReceiptTo: 'bureau@garderie.example',
    date: new Date('2027-02-20T10:00:00Z'),
    ...overrides,
  };
}

describe('the Outlook script', () => {
  it('is plain ASCII, so that Windows PowerShell 5.1 reads it whatever the code page', () => {
    expect([...script].every((byte) => byte < 0x80)).toBe(true);
  });

  it('reads every value from the UTF-8 message file and evaluates none of them', () => {
    const text = script.toString('ascii');
    expect(text).toContain('param(');
    expect(text).toContain(
      '[System.IO.File]::ReadAllText($MessageFile, [System.Text.Encoding]::UTF8)',
    );
    expect(text).toContain('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8');
    expect(text).not.toMatch(/Invoke-Expression|iex\s|Start-Process|\$ExecutionContext|&\s*\$/i);
    // Recipients one by one with their type; attachments added by path with their own name.
    expect(text).toContain('$item.Recipients.Add([string]$address)');
    expect(text).toContain(
      '$item.Attachments.Add([string]$attachment.path, 1, [System.Type]::Missing, [string]$attachment.name)',
    );
    // HTML body kept; our id header for bounces; send or open for review.
    expect(text).toContain('$item.HTMLBody = [string]$message.html');
    expect(text).toContain('X-Postier-Message-Id');
    expect(text).toContain('$item.Send()');
    expect(text).toContain('$item.Display($false)');
  });

  it('is started with the script and the message file as two arguments, spaces and accents untouched', () => {
    const args = powershellArguments(
      'C:\\Users\\Hélène Côté\\AppData\\Local\\Temp\\postier-outlook-x\\send-message.ps1',
      'C:\\Users\\Hélène Côté\\AppData\\Local\\Temp\\postier-outlook-x\\message.json',
    );
    expect(args).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      'C:\\Users\\Hélène Côté\\AppData\\Local\\Temp\\postier-outlook-x\\send-message.ps1',
      '-MessageFile',
      'C:\\Users\\Hélène Côté\\AppData\\Local\\Temp\\postier-outlook-x\\message.json',
    ]);
  });
});

describe('the message file', () => {
  it('carries subject, bodies, recipients and attachment paths exactly, quotes and accents included', async () => {
    const folder = tempFolder('postier test é ');
    const sent = message(folder);
    const file = await outlookMessageFile(sent, 'review');
    const roundTrip = JSON.parse(
      Buffer.from(JSON.stringify(file), 'utf8').toString('utf8'),
    ) as OutlookMessageFile;
    expect(roundTrip).toEqual({
      mode: 'review',
      from: 'bureau@garderie.example',
      to: ['parent.lefebvre@example.com'],
      cc: ['autre.parent@example.com'],
      bcc: ['archives@garderie.example'],
      replyTo: 'direction@garderie.example',
      subject: sent.subject,
      text: sent.text,
      html: sent.html,
      readReceipt: true,
      attachments: [
        { path: sent.attachments[0]!.absolutePath, name: 'Relevé 24 — Émile "l’aîné" d\'Arcy.pdf' },
      ],
      postierId: '<r24-2026-0001@garderie.example>',
    });
  });

  it('keeps a subject on one line: no header can be smuggled in', async () => {
    const file = await outlookMessageFile(
      message(tempFolder(), { subject: 'Facture\r\nBcc: pirate@example.com' }),
      'send',
    );
    expect(file.subject).toBe('Facture Bcc: pirate@example.com');
  });
});

describe('sending through Outlook', () => {
  function runner(answer: { ok: boolean; code: string; detail: string }, exit = 0) {
    const calls: {
      command: string;
      args: string[];
      message: OutlookMessageFile;
      script: Buffer;
    }[] = [];
    const run: ProcessRunner = async (command, args) => {
      const messageFile = args[args.indexOf('-MessageFile') + 1]!;
      calls.push({
        command,
        args,
        message: JSON.parse(fs.readFileSync(messageFile, 'utf8')) as OutlookMessageFile,
        script: fs.readFileSync(args[args.indexOf('-File') + 1]!),
      });
      return {
        code: exit,
        stdout: `WARNING: profile\r\n${JSON.stringify(answer)}\r\n`,
        stderr: '',
      };
    };
    return { run, calls };
  }

  it('hands the message to PowerShell with the shipped script, then removes its temporary files', async () => {
    const { run, calls } = runner({ ok: true, code: 'sent', detail: '' });
    const outlook = createOutlookTransport({ mode: 'send', runner: run, platform: 'win32' });
    const result = await outlook.send(message(tempFolder()));
    expect(outlook.canPace).toBe(true);
    expect(result.response).toContain('Outlook');
    expect(calls[0]!.command).toBe('powershell.exe');
    expect(calls[0]!.script.equals(script)).toBe(true);
    expect(calls[0]!.message.mode).toBe('send');
    expect(fs.existsSync(path.dirname(calls[0]!.args.at(-1)!))).toBe(false);
  });

  it('opens each message for review: a method that cannot pace a batch', async () => {
    const { run } = runner({ ok: true, code: 'displayed', detail: '' });
    const outlook = createOutlookTransport({ mode: 'review', runner: run, platform: 'win32' });
    expect(outlook.canPace).toBe(false);
    expect((await outlook.send(message(tempFolder()))).response).toContain('relecture');
  });

  it('stops for the account when Outlook is missing, fails the message when Outlook refuses it', async () => {
    const missing = createOutlookTransport({
      mode: 'send',
      runner: runner({ ok: false, code: 'outlook_missing', detail: 'Classe non enregistrée' }, 3)
        .run,
      platform: 'win32',
    });
    const error = (await missing
      .send(message(tempFolder()))
      .catch((e: unknown) => e)) as MethodFailure;
    expect(error.kind).toBe('account');
    expect(error.message).toContain('Outlook ne répond pas sur ce poste (Classe non enregistrée)');

    const refused = createOutlookTransport({
      mode: 'send',
      runner: runner(
        { ok: false, code: 'com_error', detail: 'Outlook ne reconnaît pas un ou plusieurs noms.' },
        4,
      ).run,
      platform: 'win32',
    });
    const refusal = (await refused
      .send(message(tempFolder()))
      .catch((e: unknown) => e)) as MethodFailure;
    expect(refusal.kind).toBe('permanent');
    expect(refusal.key).toBe('methods.outlook.refused');
  });

  it('is refused at once on a computer that is not Windows', () => {
    expect(() => createOutlookTransport({ mode: 'send', platform: 'linux' })).toThrow(
      /n’est possible que sous Windows/,
    );
  });

  it.runIf(process.platform === 'win32')(
    'asks the real Outlook whether it answers (Windows only)',
    async () => {
      const answer = await probeOutlook({}).catch((e: unknown) => e);
      // Either Outlook answers with its accounts, or the failure says Outlook is missing.
      if (answer instanceof MethodFailure) expect(answer.key).toBe('methods.outlook.missing');
      else expect(typeof answer).toBe('string');
    },
  );
});
