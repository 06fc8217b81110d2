// Sending through the user's own Outlook (Windows) by its COM automation, driven by a
// PowerShell script shipped in templates/outlook/: either Outlook sends at once (it keeps the
// copy in Sent Items), or each message opens in Outlook for the user to check and send. The
// message travels as a UTF-8 JSON file next to a copy of the script, never on a command line,
// so quotes, accents and spaces need no quoting; the command line holds two file paths, passed
// as separate arguments without a shell.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OutlookMode } from '../../src-shared/domain/sending-methods.js';
import { templatesFolder } from '../pdf/templates-folder.js';
import { toMailOptions } from './mail-options.js';
import { MethodFailure, shortText } from '../../src-shared/domain/method-failure.js';
import type { FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export const OUTLOOK_SCRIPT = path.join('outlook', 'send-message.ps1');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export type ProcessRunner = (command: string, args: string[]) => Promise<ProcessResult>;

export interface OutlookOptions {
  mode: OutlookMode;
  /** Runs PowerShell; tests give their own. */
  runner?: ProcessRunner;
  platform?: NodeJS.Platform;
}

/** What the script reads: every value of the message, nothing else. */
export interface OutlookMessageFile {
  mode: OutlookMode | 'probe';
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  readReceipt: boolean;
  attachments: { path: string; name: string }[];
  postierId: string;
}

const CONTEXT: FailureContext = { host: 'Outlook', port: 0, security: 'none' };

export function createOutlookTransport(options: OutlookOptions): MailTransport {
  checkWindows(options.platform);
  const runner = options.runner ?? runProcess;
  return {
    kind: 'outlook',
    // Outlook sending at once can be paced; a window per message cannot.
    canPace: options.mode === 'send',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const file = await outlookMessageFile(message, options.mode);
      const result = await runScript(runner, file);
      return {
        accepted: [...file.to, ...file.cc, ...file.bcc],
        rejected: [],
        response:
          result.code === 'sent'
            ? 'Outlook : message remis à Outlook, qui l’envoie.'
            : 'Outlook : message ouvert pour relecture ; il part quand vous cliquez sur « Envoyer » dans Outlook.',
      };
    },
    async close(): Promise<void> {},
  };
}

/** Outlook answers (the connection test): the addresses of its accounts. */
export async function probeOutlook(options: Omit<OutlookOptions, 'mode'>): Promise<string> {
  checkWindows(options.platform);
  const file: OutlookMessageFile = {
    mode: 'probe',
    from: '',
    to: [],
    cc: [],
    bcc: [],
    replyTo: null,
    subject: '',
    text: '',
    html: null,
    readReceipt: false,
    attachments: [],
    postierId: '',
  };
  return (await runScript(options.runner ?? runProcess, file)).detail;
}

function checkWindows(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32')
    throw new MethodFailure('account', 'other', 'methods.outlook.windowsOnly');
}

/** The message as the script reads it, checked as for any other method (addresses, files). */
export async function outlookMessageFile(
  message: OutgoingMessage,
  mode: OutlookMode,
): Promise<OutlookMessageFile> {
  const mail = await toMailOptions(message, CONTEXT);
  const list = (value: unknown) => (value as string[] | undefined) ?? [];
  const attachments = (mail.attachments ?? []) as { filename: string; path: string }[];
  return {
    mode,
    from: (mail.from as { address: string }).address,
    to: list(mail.to),
    cc: list(mail.cc),
    bcc: list(mail.bcc),
    replyTo: (mail.replyTo as string | undefined) ?? null,
    subject: mail.subject ?? '',
    text: message.text,
    html: message.html,
    readReceipt: message.readReceiptTo !== null,
    attachments: attachments.map((a) => ({ path: path.resolve(a.path), name: a.filename })),
    postierId: message.messageIdHeader,
  };
}

/** powershell.exe with the script and the message file as two separate arguments. */
export function powershellArguments(scriptFile: string, messageFile: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-File',
    scriptFile,
    '-MessageFile',
    messageFile,
  ];
}

interface ScriptAnswer {
  ok: boolean;
  code: string;
  detail: string;
}

async function runScript(runner: ProcessRunner, file: OutlookMessageFile): Promise<ScriptAnswer> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'postier-outlook-'));
  try {
    const scriptFile = path.join(folder, 'send-message.ps1');
    const messageFile = path.join(folder, 'message.json');
    // A copy of the script: the installed one may be inside an archive PowerShell cannot read.
    await fs.copyFile(path.join(templatesFolder(), OUTLOOK_SCRIPT), scriptFile);
    await fs.writeFile(messageFile, JSON.stringify(file), 'utf8');
    const result = await runner(
      'powershell.exe',
      powershellArguments(scriptFile, messageFile),
    ).catch((error: unknown): ProcessResult => ({
      code: null,
      stdout: '',
      stderr: (error as Error).message,
    }));
    return checkAnswer(parseAnswer(result), result);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

export function parseAnswer(result: ProcessResult): ScriptAnswer | null {
  const line = result.stdout.trim().split(/\r?\n/).at(-1) ?? '';
  try {
    const answer = JSON.parse(line) as Partial<ScriptAnswer>;
    return typeof answer.ok === 'boolean'
      ? { ok: answer.ok, code: answer.code ?? '', detail: answer.detail ?? '' }
      : null;
  } catch {
    return null;
  }
}

function checkAnswer(answer: ScriptAnswer | null, result: ProcessResult): ScriptAnswer {
  if (answer?.ok) return answer;
  const detail = shortText(answer?.detail || result.stderr || `code ${result.code ?? '?'}`);
  if (!answer || answer.code === 'outlook_missing') {
    throw new MethodFailure('account', 'other', 'methods.outlook.missing', { detail });
  }
  // Refused by Outlook (unknown name, a security prompt answered "no"...): not retried blindly.
  throw new MethodFailure('permanent', 'message_refused', 'methods.outlook.refused', { detail });
}

function runProcess(command: string, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
