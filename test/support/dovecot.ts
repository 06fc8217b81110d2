/**
 * A real IMAP server for tests: Debian's Dovecot (/usr/sbin/dovecot, package dovecot-imapd),
 * started by the test as the current user with its own configuration in a temporary folder:
 * no root service, IMAP on 127.0.0.1 on a free port, users in a passwd-file, maildir mail in
 * the temporary folder, a special-use \Sent folder ("Sent").
 *
 *   const imap = await startDovecot({ users: { 'bureau@residence.example': 'motdepasse' } });
 *   // clients connect to 127.0.0.1:imap.port without TLS, LOGIN/PLAIN with those users
 *   await withImapClient(imap, { user, password }, (client) => client.append('INBOX', raw));
 *   await imap.stop();
 *
 * `dovecotAvailable()` says whether the binary is installed (the tests using it skip with a
 * clear message otherwise; .ci/run installs dovecot-imapd).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ImapFlow } from 'imapflow';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  folder: string;
  stop(): Promise<void>;
}

export interface DovecotOptions {
  users: Record<string, string>;
}

export function dovecotAvailable(): boolean {
  return fs.existsSync(DOVECOT_BINARY);
}

/** A client logged in to the test server for the test's own looks; logged out after `work`. */
export async function withImapClient<T>(
  server: Dovecot,
  login: { user: string; password: string },
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: login.user, pass: login.password },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

export async function startDovecot(options: DovecotOptions): Promise<Dovecot> {
  // Its own folder, removed by stop(): it outlives single tests (started in beforeAll).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-dovecot-'));
  if (os.userInfo().uid === 0) {
    // Dovecot's own users and the mail owner must reach their parts of this folder.
    fs.chmodSync(folder, 0o755);
    for (const part of ['mail', 'home']) {
      fs.mkdirSync(path.join(folder, part));
      fs.chownSync(path.join(folder, part), mailOwner().uid, mailOwner().gid);
    }
  }
  const port = await freePort();
  const config = path.join(folder, 'dovecot.conf');
  fs.writeFileSync(path.join(folder, 'passwd'), passwdFile(folder, options.users), { mode: 0o600 });
  fs.writeFileSync(config, configuration(folder, port));
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForGreeting(port, child, () => output);
  } catch (error) {
    await stop(child);
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    folder,
    stop: async () => {
      await stop(child);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Mail belongs to the current user; as root, to "nobody" (Dovecot never serves mail as root).
 */
function mailOwner(): { uid: number; gid: number } {
  const { uid, gid } = os.userInfo();
  return uid === 0 ? { uid: 65534, gid: 65534 } : { uid, gid };
}

function passwdFile(folder: string, users: Record<string, string>): string {
  const { uid, gid } = mailOwner();
  return Object.entries(users)
    .map(
      ([user, password]) =>
        `${user}:{PLAIN}${password}:${uid}:${gid}::${path.join(folder, 'home', user)}::\n`,
    )
    .join('');
}

/**
 * As the current user, every Dovecot process runs as that user. As root (CI, containers),
 * Dovecot refuses to run its login processes as root: they run as its own "dovenull" and
 * "dovecot" users (created by the package), and the temporary folder is opened to them.
 */
function configuration(folder: string, port: number): string {
  const { username, uid, gid } = os.userInfo();
  const root = uid === 0;
  const group = groupName(gid) ?? username;
  const users = root
    ? `default_internal_user = dovecot
default_login_user = dovenull
service auth {
  user = root
}`
    : `default_internal_user = ${username}
default_internal_group = ${group}
default_login_user = ${username}
${['auth', 'auth-worker', 'stats', 'log'].map((name) => `service ${name} {\n  user = ${username}\n}`).join('\n')}`;
  return `
base_dir = ${folder}/run
state_dir = ${folder}/state
log_path = ${folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
${users}
first_valid_uid = ${Math.min(mailOwner().uid, 500)}
first_valid_gid = ${Math.min(mailOwner().gid, 500)}
mail_location = maildir:${folder}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${folder}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${folder}/passwd
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

function groupName(gid: number): string | null {
  try {
    const line = fs
      .readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[2] === String(gid));
    return line?.split(':')[0] ?? null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForGreeting(
  port: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${output()}`);
    if (await greets(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not answer on port ${port}: ${output()}`);
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => done(false), 1000);
    socket.once('data', (data) => done(data.toString().startsWith('* OK')));
    socket.once('error', () => done(false));
    function done(ok: boolean) {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
