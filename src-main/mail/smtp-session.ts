// One SMTP connection kept open from message to message (servers count connections against
// you), driven directly with nodemailer's SMTPConnection rather than its pool, so that the
// transport sees every failure as the server gave it (a 421 on a reused connection keeps its
// text; the pool turns it into a bare "connection closed") and nothing is ever re-queued or
// re-sent behind the engine's back.
//
// When messages go back to back, the connection that will follow this one is opened while
// this one carries its last messages (servers delay their greeting, TLS and the login take
// round trips): the batch never stalls at the change.
import type { Readable } from 'node:stream';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpSessionOptions {
  connection: SMTPConnection.Options;
  auth: { user: string; pass: string } | null;
  /** A connection is closed and a new one opened after this many messages. */
  maxMessages: number;
  /** A connection left idle this long is closed (QUIT). */
  idleMs: number;
}

export class SmtpSession {
  private connection: SMTPConnection | null = null;
  private opening: Promise<SMTPConnection> | null = null;
  private messages = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The next connection, opened ahead; null inside when it could not be opened. */
  private spare: Promise<SMTPConnection | null> | null = null;
  /** Connections the server or the network ended: a spare among them is not used. */
  private readonly ended = new WeakSet<SMTPConnection>();
  /** How long the last connection took to be ready (connect, greeting, TLS, login). */
  private connectMs: number | null = null;
  /** Time between the starts of messages on this connection (moving average). */
  private gapMs: number | null = null;
  private lastSendAt: number | null = null;

  constructor(private readonly options: SmtpSessionOptions) {}

  /**
   * Sends one message over the open connection (opened first if needed). `onConnected` is
   * called once a connection is ready: a failure before it is the server's or the account's
   * (a 421 greeting, no greeting at all), never the message's.
   */
  async send(
    envelope: SMTPConnection.Envelope,
    source: Readable,
    onConnected?: () => void,
  ): Promise<SMTPConnection.SentMessageInfo> {
    let connection: SMTPConnection;
    try {
      connection = await this.open();
    } catch (error) {
      source.destroy();
      throw error;
    }
    onConnected?.();
    this.stopIdleTimer();
    this.noteSendStart();
    try {
      const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) =>
        connection.send(envelope, source, (error, result) =>
          error ? reject(error) : resolve(result!),
        ),
      );
      this.messages++;
      this.release(connection);
      return info;
    } catch (error) {
      source.destroy();
      await this.afterFailure(connection, error);
      throw error;
    }
  }

  close(): void {
    this.stopIdleTimer();
    const connection = this.connection;
    this.connection = null;
    this.opening = null;
    connection?.quit();
    this.dropSpare();
  }

  private open(): Promise<SMTPConnection> {
    if (this.connection) return Promise.resolve(this.connection);
    this.opening ??= this.install().finally(() => (this.opening = null));
    return this.opening;
  }

  /** Makes the spare (if it is still alive) or a new connection the current one. */
  private async install(): Promise<SMTPConnection> {
    const spare = this.spare ? await this.spare : null;
    this.spare = null;
    const connection = spare && !this.ended.has(spare) ? spare : await this.connect();
    if (spare && spare !== connection) spare.close();
    this.connection = connection;
    this.messages = 0;
    this.lastSendAt = null;
    return connection;
  }

  private noteSendStart(): void {
    const now = performance.now();
    if (this.lastSendAt !== null) {
      const gap = now - this.lastSendAt;
      this.gapMs = this.gapMs === null ? gap : 0.8 * this.gapMs + 0.2 * gap;
    }
    this.lastSendAt = now;
  }

  /**
   * Opens the next connection now if this one will be used up sooner than twice the time a
   * connection takes to open: only messages going back to back ever hold two connections.
   */
  private maybeOpenSpare(): void {
    if (this.spare || this.connectMs === null || this.gapMs === null) return;
    const remaining = this.options.maxMessages - this.messages;
    if (remaining * this.gapMs > 2 * this.connectMs) return;
    // A spare that cannot open is forgotten: the next message opens its own and gets the error.
    this.spare = this.connect().catch(() => null);
  }

  private dropSpare(): void {
    const spare = this.spare;
    this.spare = null;
    void spare?.then((connection) => connection?.quit());
  }

  /** A new connection, ready for a message (greeting, EHLO, TLS, login); not installed. */
  private async connect(): Promise<SMTPConnection> {
    const startedAt = performance.now();
    // Loaded on the first connection: a command that sends nothing never loads nodemailer.
    const { default: Connection } = await import('nodemailer/lib/smtp-connection');
    return new Promise((resolve, reject) => {
      const connection: SMTPConnection = new Connection(this.options.connection);
      let settled = false;
      const fail = (error: unknown) => {
        this.ended.add(connection);
        this.forget(connection);
        if (settled) return;
        settled = true;
        connection.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      // While a message is on its way, its send callback gets the same error; otherwise the
      // connection is simply gone (an idle connection the server closed) and the next
      // message opens a new one. Without a listener, an 'error' event would end the process.
      connection.on('error', fail);
      connection.on('end', () => fail(new Error('Connection closed before it was ready')));
      connection.connect((error) => {
        if (error) return fail(error);
        const ready = () => {
          if (settled) return;
          settled = true;
          this.connectMs = performance.now() - startedAt;
          resolve(connection);
        };
        const auth = this.options.auth;
        // As nodemailer's own transports: log in when the server offers AUTH; a server that
        // requires a login it does not offer refuses MAIL FROM, which says so.
        if (!auth || !connection.allowsAuth) return ready();
        connection.login({ user: auth.user, credentials: auth }, (loginError) =>
          loginError ? fail(loginError) : ready(),
        );
      });
    });
  }

  /** Keeps the connection for the next message, or ends it after `maxMessages`. */
  private release(connection: SMTPConnection): void {
    if (this.connection !== connection) return;
    if (this.messages >= this.options.maxMessages) {
      this.connection = null;
      connection.quit();
      return;
    }
    this.maybeOpenSpare();
    this.idleTimer = setTimeout(() => this.close(), this.options.idleMs);
    this.idleTimer.unref();
  }

  /**
   * A message the server refused (a 5xx or 4xx reply to it) leaves the connection usable once
   * reset; anything else (a 421, which closes the channel, a timeout, a broken connection)
   * ends it.
   */
  private async afterFailure(connection: SMTPConnection, error: unknown): Promise<void> {
    if (this.connection !== connection) return;
    const { code, responseCode } = error as { code?: string; responseCode?: number };
    const refusedOnly =
      (code === 'EENVELOPE' || code === 'EMESSAGE') &&
      responseCode !== undefined &&
      responseCode !== 421;
    const reset =
      refusedOnly &&
      (await new Promise<boolean>((resolve) => connection.reset((e) => resolve(!e))));
    if (reset) return this.release(connection);
    this.forget(connection);
    connection.close();
  }

  private forget(connection: SMTPConnection): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.stopIdleTimer();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
