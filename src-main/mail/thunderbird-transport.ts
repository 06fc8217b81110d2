// Opening each message in a Thunderbird compose window (`thunderbird -compose "…"`), for the
// user to check and send: recipients, subject, body and attachments filled in. Thunderbird
// reads the -compose argument as comma-separated name=value pairs and percent-decodes a value
// that is not quoted; every value here is percent-encoded (commas, quotes and "=" included), so
// no subject, name or file path can end a field early. The argument is one process argument,
// passed without a shell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toMailOptions } from './mail-options.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { runDetached } from './open-with-system.js';
import type { FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

/** Windows allows 32,767 characters per command line: longer bodies go through a file. */
export const INLINE_BODY_LIMIT = 16_000;

export type Launcher = (command: string, args: string[]) => Promise<void>;

export interface ThunderbirdOptions {
  /** The program chosen in the settings; null: where Thunderbird is usually installed. */
  executable: string | null;
  launcher?: Launcher;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Where a long body is written for Thunderbird to read. */
  bodyFolder?: string;
}

const CONTEXT: FailureContext = { host: 'Thunderbird', port: 0, security: 'none' };

export function createThunderbirdTransport(options: ThunderbirdOptions): MailTransport {
  const executable = findThunderbird(options.executable, options.platform, options.env);
  const launcher = options.launcher ?? ((command, args) => runDetached({ command, args }));
  return {
    kind: 'thunderbird',
    canPace: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const fields = await composeFields(message, options.bodyFolder ?? os.tmpdir());
      try {
        await launcher(executable, ['-compose', composeArgument(fields)]);
      } catch (error) {
        throw new MethodFailure('account', 'other', 'methods.thunderbird.failed', {
          program: executable,
          detail: (error as Error).message,
        });
      }
      return {
        accepted: [...message.to, ...message.cc, ...message.bcc],
        rejected: [],
        response:
          'Thunderbird : message ouvert pour relecture ; il part quand vous cliquez sur « Envoyer » dans Thunderbird.',
      };
    },
    async close(): Promise<void> {},
  };
}

/** Thunderbird's -compose fields, in the order Thunderbird documents them. */
export type ComposeFields = [name: string, value: string][];

export async function composeFields(
  message: OutgoingMessage,
  bodyFolder: string,
): Promise<ComposeFields> {
  const mail = await toMailOptions(message, CONTEXT);
  const list = (value: unknown) => ((value as string[] | undefined) ?? []).join(',');
  const attachments = ((mail.attachments ?? []) as { path: string }[]).map((a) => fileUrl(a.path));
  const body = message.html ?? message.text;
  const fields: ComposeFields = [
    ['from', (mail.from as { address: string }).address],
    ['to', list(mail.to)],
    ['cc', list(mail.cc)],
    ['bcc', list(mail.bcc)],
    ['subject', mail.subject ?? ''],
    ['format', message.html !== null ? 'html' : 'text'],
    ...(mail.replyTo ? [['replyto', mail.replyTo as string] as [string, string]] : []),
    ...(attachments.length > 0 ? [['attachment', attachments.join(',')] as [string, string]] : []),
  ];
  if (body.length <= INLINE_BODY_LIMIT) return [...fields, ['body', body]];
  const file = path.join(
    fs.mkdtempSync(path.join(bodyFolder, 'postier-thunderbird-')),
    message.html !== null ? 'message.html' : 'message.txt',
  );
  fs.writeFileSync(file, body, 'utf8');
  return [...fields, ['message', file]];
}

/** name=value pairs, each value percent-encoded, empty ones left out. */
export function composeArgument(fields: ComposeFields): string {
  return fields
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${encodeValue(value)}`)
    .join(',');
}

/** encodeURIComponent leaves ' ( ) * ! ~ alone: a leading ' would open a quoted value. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A file URL whose own commas and quotes are encoded: the list of attachments splits on ",". */
export function fileUrl(file: string): string {
  return pathToFileURL(path.resolve(file)).href.replace(/,/g, '%2C').replace(/'/g, '%27');
}

/** The Thunderbird program: the one set in the settings, else the usual places. */
export function findThunderbird(
  configured: string | null,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const candidates = configured ? [configured] : usualPlaces(platform, env);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  throw new MethodFailure('account', 'other', 'methods.thunderbird.missing', {
    places: candidates.join(' ; '),
  });
}

function usualPlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    return [
      env.ProgramFiles,
      env['ProgramFiles(x86)'],
      env.LOCALAPPDATA && path.win32.join(env.LOCALAPPDATA, 'Programs'),
    ]
      .filter((folder): folder is string => !!folder)
      .map((folder) => path.win32.join(folder, 'Mozilla Thunderbird', 'thunderbird.exe'));
  }
  if (platform === 'darwin') return ['/Applications/Thunderbird.app/Contents/MacOS/thunderbird'];
  return (env.PATH ?? '/usr/bin:/usr/local/bin')
    .split(path.delimiter)
    .filter(Boolean)
    .map((folder) => path.join(folder, 'thunderbird'));
}
