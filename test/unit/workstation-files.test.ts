// Per-workstation files (issue 16, point 3): with a PostgreSQL server as the data place there
// is no shared folder; the sandbox's .eml, the drafts, the robot's log and the copies of the
// database's PDFs go to this workstation's per-user folder, one folder per server and database.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolder, resolveDataLocation } from '../../src-main/data-folder/data-folder.js';
import { CONTENTS_CACHE_FOLDER_NAME } from '../../src-main/documents/content-store.js';
import { robotLogFor } from '../../src-main/robot/start.js';

describe('a workstation’s own files', () => {
  it('go to the per-user folder of the server with a PostgreSQL URL', () => {
    const env = { XDG_CONFIG_HOME: '/home/sgagne/.config' };
    const location = resolveDataLocation('postgres://office@db.example:5433/postier', env);
    const ownFolder = path.join(
      '/home/sgagne/.config',
      'Postier',
      'servers',
      'db.example-5433-postier',
    );
    expect(location).toEqual({
      kind: 'postgres',
      url: 'postgres://office@db.example:5433/postier',
      folder: ownFolder,
    });
    const folder = new DataFolder(location.folder);
    expect(folder.resolve('sandbox/1.eml')).toBe(path.join(ownFolder, 'sandbox', '1.eml'));
    expect(folder.resolve(`${CONTENTS_CACHE_FOLDER_NAME}/ab`)).toBe(
      path.join(ownFolder, 'contents', 'ab'),
    );
  });

  it('stay in the data folder otherwise', () => {
    expect(resolveDataLocation('/srv/bureau', {})).toEqual({
      kind: 'folder',
      folder: '/srv/bureau',
    });
  });

  it('include the robot’s log', () => {
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = '/home/sgagne/.config';
    try {
      const log = robotLogFor('postgres://office@db.example/postier', process.stdout);
      expect(log.file).toBe(
        path.join('/home/sgagne/.config/Postier/servers/db.example-5432-postier/logs/robot.log'),
      );
      expect(robotLogFor('/srv/bureau', process.stdout).file).toBe(
        path.join('/srv/bureau', 'logs', 'robot.log'),
      );
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});
