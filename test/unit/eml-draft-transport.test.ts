// The default-client method: each message becomes an .eml draft (X-Unsent: 1, Bcc kept, the
// attachment intact) in the data folder, opened with the system's handler.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DataFolder } from '../../src-main/data-folder/data-folder.js';
import { createEmlDraftTransport } from '../../src-main/mail/eml-draft-transport.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { openCommand } from '../../src-main/mail/open-with-system.js';
import type { OutgoingMessage } from '../../src-main/mail/transport.js';
import { tempFolder } from '../support/temp-folder.js';

function message(folder: string): OutgoingMessage {
  const pdf = path.join(folder, 'Avis d’échéance 2027.pdf');
  fs.writeFileSync(pdf, crypto.randomBytes(2000));
  return {
    messageIdHeader: '<avis-197@cabinet-roy.example>',
    from: { name: 'Cabinet Roy', address: 'avis@cabinet-roy.example' },
    replyTo: null,
    to: ['client@example.com'],
    cc: [],
    bcc: ['archives@cabinet-roy.example'],
    subject: 'Avis d’échéance n° 197',
    text: 'Bonjour,\n',
    html: '<p>Bonjour,</p>',
    attachments: [
      { fileName: 'Avis d’échéance 2027.pdf', absolutePath: pdf, contentType: 'application/pdf' },
    ],
    readReceiptTo: null,
    date: new Date('2027-01-05T09:00:00Z'),
  };
}

describe('the .eml draft', () => {
  it('writes a draft marked unsent, with its Bcc and attachment, and opens it', async () => {
    const data = new DataFolder(tempFolder());
    data.ensure();
    const opened: string[] = [];
    const drafts = createEmlDraftTransport({
      folder: data,
      openFile: async (file) => void opened.push(file),
      now: () => new Date('2027-01-05T09:00:00Z'),
    });
    const sent = message(tempFolder());

    const result = await drafts.send(sent);

    expect(drafts.canPace).toBe(false);
    expect(opened).toEqual([data.resolve('drafts/2027-01-05/avis-197@cabinet-roy.example.eml')]);
    expect(result.response).toContain('drafts/2027-01-05/avis-197@cabinet-roy.example.eml');
    const parsed = await simpleParser(fs.readFileSync(opened[0]!));
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.messageId).toBe('<avis-197@cabinet-roy.example>');
    expect(JSON.stringify(parsed.bcc)).toContain('archives@cabinet-roy.example');
    expect(parsed.attachments[0]!.filename).toBe('Avis d’échéance 2027.pdf');
    expect(
      parsed.attachments[0]!.content.equals(fs.readFileSync(sent.attachments[0]!.absolutePath)),
    ).toBe(true);
  });

  it('says so when no program opens .eml files', async () => {
    const data = new DataFolder(tempFolder());
    data.ensure();
    const drafts = createEmlDraftTransport({
      folder: data,
      openFile: async () => {
        throw new Error('spawn xdg-open ENOENT');
      },
    });
    const error = (await drafts
      .send(message(tempFolder()))
      .catch((e: unknown) => e)) as MethodFailure;
    expect(error).toBeInstanceOf(MethodFailure);
    expect(error.kind).toBe('account');
    expect(error.message).toContain('Aucun logiciel de messagerie n’a pu ouvrir le brouillon');
  });
});

describe('opening with the system handler', () => {
  it('passes the path or URL as one argument, without a shell, on every system', () => {
    const file = 'C:\\Données & Cie\\brouillon "1" %TEMP%.eml';
    expect(openCommand(file, 'file', 'win32')).toEqual({
      command: 'rundll32.exe',
      args: ['shell32.dll,ShellExec_RunDLL', file],
    });
    const url = 'https://login.example/authorize?a=1&b=2';
    expect(openCommand(url, 'url', 'win32')).toEqual({
      command: 'rundll32.exe',
      args: ['url.dll,FileProtocolHandler', url],
    });
    expect(openCommand(url, 'url', 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(openCommand(file, 'file', 'linux')).toEqual({ command: 'xdg-open', args: [file] });
  });
});
