// Mail accounts: one per structure, a sandbox until someone sets a real one. Settings go to
// the database; the password goes to the credential store, the database keeps only its key.
// How each kind sends is the registry's (mail-methods.ts), reached through SendingMethods.
import type { SendingWindow } from '../../src-shared/domain/schedule.js';
import { readSendingWindow, writeSendingWindow } from './sending-window.js';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { UserError } from '../../src-shared/errors.js';
import {
  MAIL_ACCOUNT_KINDS,
  MAIL_PRESETS,
  SEND_AS_MAX,
  SMTP_SECURITIES,
  type MailAccount,
  type MailAccountInput,
  type MailAccountKind,
  type MailPreset,
  type Pacing,
  type SmtpSecurity,
} from '../../src-shared/domain/mail.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { hasControlCharacters, singleLine } from '../../src-shared/validation/single-line.js';
import { quoted } from '../../src-shared/validation/record-text.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/mail-account-queries.js';
import { listSendAs, replaceSendAs } from '../db/send-as-queries.js';
import type { MailAccountRow } from '../db/schema.js';
import { pacingFromRow, pacingToRow } from '../db/mail-account-pacing.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import { MAIL_PRESET_SETTINGS } from '../mail/presets.js';
import { methodOf } from './mail-methods.js';

export interface AccountsServiceOptions {
  /** Opened on first need only: opening Postier must not touch D-Bus. */
  credentials: () => Promise<CredentialStore>;
}

export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly options: AccountsServiceOptions,
  ) {}

  /** The structure's account; a sandbox (sends nothing) when none was set. */
  async getAccount(structureId: number): Promise<MailAccount> {
    return this.toAccount(await this.ensureRow(structureId));
  }

  /** The account a queued message refers to (messages.account_id). */
  async getAccountById(id: number): Promise<MailAccount> {
    const row = await q.findMailAccountById(this.db, id);
    if (!row) throw new UserError('error.mailAccount.notFound', { id });
    return this.toAccount(row);
  }

  /** The structure's sending window (accounts/sending-window.ts); null: any hour. */
  async sendingWindow(structureId: number): Promise<SendingWindow | null> {
    return readSendingWindow(this.db, (await this.ensureRow(structureId)).id);
  }

  /** Saves it as typed ("lun-ven 08:00-18:00", "aucune") or as fields; refused with what to type. */
  async setSendingWindow(
    structureId: number,
    value: string | SendingWindow | null,
  ): Promise<SendingWindow | null> {
    return writeSendingWindow(this.db, (await this.ensureRow(structureId)).id, value);
  }

  /** Changes what `input` names; a preset fills what the input leaves out. */
  async setAccount(structureId: number, input: MailAccountInput): Promise<MailAccount> {
    const row = await this.ensureRow(structureId);
    const settings = validate(mergeSettings(toSettings(row), input));
    const credentialRef = await this.storePassword(row.credential_ref, settings.username, input);
    const sendAs = input.sendAs === undefined ? undefined : validSendAs(input.sendAs);
    const saved = await q.saveMailAccount(this.db, structureId, {
      ...toRowValues(settings),
      credential_ref: credentialRef,
    });
    if (sendAs) await replaceSendAs(this.db, saved.id, sendAs);
    return this.toAccount(saved);
  }

  private async ensureRow(structureId: number): Promise<MailAccountRow> {
    return q.ensureMailAccount(this.db, structureId).catch((error: unknown) => {
      // The structure is not there: SQLite's foreign key error, or PostgreSQL's SQLSTATE 23503.
      const code = (error as { code?: unknown }).code;
      if (code !== 'SQLITE_CONSTRAINT_FOREIGNKEY' && code !== '23503') throw error;
      throw new UserError('error.structure.notFound', { structure: String(structureId) });
    });
  }

  /** Saves, replaces or removes the password; returns the credential reference to keep. */
  private async storePassword(
    currentRef: string | null,
    username: string | null,
    input: MailAccountInput,
  ): Promise<string | null> {
    const password = input.password;
    if (password !== undefined && password !== '' && !username) {
      throw new UserError('error.mailAccount.passwordWithoutUser');
    }
    // No user name, or an empty password: nothing worth keeping.
    if (!username || password === '') {
      if (currentRef) await (await this.options.credentials()).delete(currentRef);
      return null;
    }
    if (password === undefined) return currentRef;
    // A random reference: two data folders on one computer never share a password entry.
    const ref = currentRef ?? `mail-account-${randomUUID()}`;
    await (await this.options.credentials()).set(ref, password);
    return ref;
  }

  private async toAccount(row: MailAccountRow): Promise<MailAccount> {
    const hasPassword =
      row.credential_ref !== null &&
      (await (await this.options.credentials()).get(row.credential_ref)) !== null;
    return {
      ...toSettings(row),
      sendAs: await listSendAs(this.db, row.id),
      id: row.id,
      structureId: row.structure_id,
      hasPassword,
      version: row.version,
    };
  }
}

// --- Settings: merge, validate, map ------------------------------------------------------

type AccountSettings = Omit<
  MailAccount,
  'id' | 'structureId' | 'hasPassword' | 'version' | 'sendAs'
>;

function toSettings(row: MailAccountRow): AccountSettings {
  return {
    kind: row.kind as MailAccountKind,
    preset: row.preset as MailPreset | null,
    host: row.host,
    port: row.port,
    security: row.security as SmtpSecurity,
    username: row.username,
    fromName: row.from_name,
    fromAddress: row.from_address,
    replyTo: row.reply_to,
    archiveBcc: row.archive_bcc,
    ccSender: row.cc_sender === 1,
    readReceipt: row.read_receipt === 1,
    pacing: pacingFromRow(row),
    maxMessageBytes: row.max_message_bytes,
  };
}

function toRowValues(s: AccountSettings): q.MailAccountValues {
  return {
    kind: s.kind,
    preset: s.preset,
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    from_name: s.fromName,
    from_address: s.fromAddress,
    reply_to: s.replyTo,
    archive_bcc: s.archiveBcc,
    cc_sender: s.ccSender ? 1 : 0,
    read_receipt: s.readReceipt ? 1 : 0,
    ...pacingToRow(s.pacing),
    max_message_bytes: s.maxMessageBytes,
  };
}

/** current < preset (when one is chosen) < what the input names. */
function mergeSettings(current: AccountSettings, input: MailAccountInput): AccountSettings {
  const { pacing, password: _password, sendAs: _sendAs, ...fields } = input;
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<AccountSettings>;
  const preset = input.preset ? presetSettings(input.preset) : {};
  const base = { ...current, ...preset };
  const definedPacing = Object.fromEntries(
    Object.entries(pacing ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<Pacing>;
  return { ...base, ...defined, pacing: { ...base.pacing, ...definedPacing } };
}

function presetSettings(preset: string): Partial<AccountSettings> {
  if (!(MAIL_PRESETS as readonly string[]).includes(preset)) {
    throw new UserError('error.mailAccount.preset', { value: preset });
  }
  const settings = MAIL_PRESET_SETTINGS[preset as MailPreset];
  return {
    kind: 'smtp',
    ...(settings.host !== null && { host: settings.host }),
    port: settings.port,
    security: settings.security,
    pacing: settings.pacing,
    maxMessageBytes: settings.maxMessageBytes,
  };
}

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function validate(s: AccountSettings): AccountSettings {
  oneOf(MAIL_ACCOUNT_KINDS, s.kind, 'error.mailAccount.kind');
  oneOf(SMTP_SECURITIES, s.security, 'error.mailAccount.security');
  const smtp = methodOf(s.kind).needsServer;
  const host = optionalText(s.host)?.toLowerCase() ?? null;
  if (smtp && !host) throw new UserError('error.mailAccount.hostRequired');
  if (host && !HOST_NAME.test(host) && net.isIP(host) === 0) {
    throw new UserError('error.mailAccount.hostInvalid', { value: host });
  }
  if (s.port !== null && !(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535)) {
    throw new UserError('error.mailAccount.port', { value: String(s.port) });
  }
  if (smtp && s.port === null) throw new UserError('error.mailAccount.port', { value: '' });
  const fromAddress = optionalAddress('fromAddress', s.fromAddress);
  if (smtp && !fromAddress) throw new UserError('error.mailAccount.fromRequired');
  return {
    ...s,
    host,
    username: checkedText('username', s.username, 254),
    fromName: checkedText('fromName', s.fromName, 200),
    fromAddress,
    replyTo: optionalAddress('replyTo', s.replyTo),
    archiveBcc: optionalAddress('archiveBcc', s.archiveBcc),
    pacing: validatePacing(s.pacing),
    maxMessageBytes: wholeNumber('maxMessageBytes', s.maxMessageBytes, 1024, 1024 ** 3),
  };
}

function validatePacing(p: Pacing): Pacing {
  const hour = 3_600_000;
  const optionalLimit = (field: string, value: number | null) =>
    value === null ? null : wholeNumber(field, value, 1, 1_000_000);
  return {
    delayMs: wholeNumber('delayMs', p.delayMs, 0, hour),
    pauseEvery: wholeNumber('pauseEvery', p.pauseEvery, 0, 1_000_000),
    pauseMs: wholeNumber('pauseMs', p.pauseMs, 0, hour),
    maxPerRun: optionalLimit('maxPerRun', p.maxPerRun),
    maxPerDay: optionalLimit('maxPerDay', p.maxPerDay),
    maxAttempts: wholeNumber('maxAttempts', p.maxAttempts, 1, 50),
    retryBaseMs: wholeNumber('retryBaseMs', p.retryBaseMs, 0, 24 * hour),
  };
}

function oneOf(
  values: readonly string[],
  value: string,
  code: 'error.mailAccount.kind' | 'error.mailAccount.security',
): void {
  if (!values.includes(value)) throw new UserError(code, { value, kinds: values.join(', ') });
}

function wholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError('error.mailAccount.number', {
      ...labelled(field),
      value: String(value),
      min,
      max,
    });
  }
  return value;
}

function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkedText(field: string, value: string | null, max: number): string | null {
  const text = optionalText(value);
  if (text !== null && (hasControlCharacters(text) || text.length > max)) {
    throw new UserError('error.mailAccount.text', { ...labelled(field), max });
  }
  return text;
}

function optionalAddress(field: string, value: string | null): string | null {
  const text = optionalText(value);
  if (text !== null && !isValidEmail(text)) {
    throw new UserError('error.mailAccount.address', {
      ...labelled(field),
      value: quoted(singleLine(text)),
    });
  }
  return text;
}

/** A field of the account: its key, and its name as the user reads it, in both languages. */
function labelled(field: string): { field: string; label: string; labelEn: string } {
  const key = `mailAccount.label.${field}` as MessageKey;
  return { field, label: translate('fr', key), labelEn: translate('en', key) };
}

/** The "send as" list: real addresses, lower-cased, each once. */
function validSendAs(addresses: readonly string[]): string[] {
  if (addresses.length > SEND_AS_MAX) {
    throw new UserError('sendAs.error.tooMany', { max: SEND_AS_MAX });
  }
  const list = addresses.map((a) => optionalAddress('sendAs', a)?.toLowerCase() ?? null);
  return [...new Set(list.filter((a): a is string => a !== null))];
}
