// Starting the robot with the machine: the exact schtasks.exe command line (Windows) and
// systemd unit (Linux) built from where Postier and the data folder are.
import { describe, expect, it } from 'vitest';
import {
  robotCommandLine,
  schtasksCreateArgs,
  schtasksDeleteArgs,
  systemdUnit,
  windowsQuote,
} from '../../src-main/robot/install.js';

const WINDOWS = {
  nodePath: 'C:\\Program Files\\Postier\\node.exe',
  binPath: 'C:\\Program Files\\Postier\\bin\\postier.js',
  dataPath: '\\\\SERVEUR-01\\Partage\\Postier données',
};

describe('the Windows startup task', () => {
  it('runs `service run --data` at startup as SYSTEM, replacing a task of the same name', () => {
    expect(schtasksCreateArgs(WINDOWS)).toEqual([
      '/Create',
      '/TN',
      'Postier\\Robot',
      '/SC',
      'ONSTART',
      '/TR',
      '"C:\\Program Files\\Postier\\node.exe" "C:\\Program Files\\Postier\\bin\\postier.js" service run --data "\\\\SERVEUR-01\\Partage\\Postier données"',
      '/RU',
      'SYSTEM',
      '/RL',
      'HIGHEST',
      '/F',
    ]);
  });

  it('runs as a chosen account, whose password schtasks asks for itself', () => {
    const args = schtasksCreateArgs(WINDOWS, { user: 'CABINET\\robot' });
    expect(args.slice(args.indexOf('/RU'), args.indexOf('/RL'))).toEqual([
      '/RU',
      'CABINET\\robot',
      '/RP',
      '*',
    ]);
  });

  it('quotes only what needs it, doubling backslashes before a quote or at the end', () => {
    expect(windowsQuote('C:\\Postier\\node.exe')).toBe('C:\\Postier\\node.exe');
    expect(windowsQuote('D:\\Mes données\\')).toBe('"D:\\Mes données\\\\"');
    expect(windowsQuote('a "b"')).toBe('"a \\"b\\""');
    expect(windowsQuote('')).toBe('""');
    expect(robotCommandLine({ nodePath: 'node', binPath: 'p.js', dataPath: 'D:\\P' })).toBe(
      'node p.js service run --data D:\\P',
    );
  });

  it('is deleted by name', () => {
    expect(schtasksDeleteArgs()).toEqual(['/Delete', '/TN', 'Postier\\Robot', '/F']);
  });
});

describe('the systemd unit', () => {
  it('starts after the network and remote file systems, as the given user, restarted on failure', () => {
    const unit = systemdUnit({
      nodePath: '/usr/bin/node',
      binPath: '/opt/postier/bin/postier.js',
      dataPath: '/srv/partage/Postier 100% "données"',
      user: 'bureau',
      language: 'fr',
      description: 'Postier : envoi automatique (robot) pour /srv/partage',
    });
    const lines = unit.split('\n');
    expect(lines).toContain('After=network-online.target remote-fs.target');
    expect(lines).toContain('User=bureau');
    expect(lines).toContain('Environment=POSTIER_LANG=fr');
    expect(lines).toContain('Restart=on-failure');
    expect(lines).toContain('KillSignal=SIGTERM');
    // % is systemd's specifier sign, " ends a word: both escaped.
    expect(lines).toContain(
      'ExecStart="/usr/bin/node" "/opt/postier/bin/postier.js" "service" "run" "--data" "/srv/partage/Postier 100%% \\"données\\""',
    );
    expect(lines).toContain('WantedBy=multi-user.target');
  });
});
