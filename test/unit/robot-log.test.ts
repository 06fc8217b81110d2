// The robot's log in the data folder: rotated when full, N files kept, and never creating a
// data folder that is out of reach.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RobotLog } from '../../src-main/robot/robot-log.js';
import { tempFolder } from '../support/temp-folder.js';

describe('the robot log', () => {
  it('writes dated lines in logs/robot.log and rotates it when full, keeping the newest files', () => {
    const dataRoot = tempFolder('postier-robot-log-');
    const log = new RobotLog({
      dataRoot,
      maxBytes: 200,
      keep: 2,
      now: () => Date.UTC(2026, 11, 5, 8),
    });
    for (let i = 1; i <= 20; i++)
      log.write(`ligne ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);

    const logs = path.join(dataRoot, 'logs');
    expect(fs.readdirSync(logs).sort()).toEqual(['robot.log', 'robot.log.1', 'robot.log.2']);
    for (const name of fs.readdirSync(logs)) {
      expect(fs.statSync(path.join(logs, name)).size).toBeLessThanOrEqual(200);
    }
    const current = fs.readFileSync(path.join(logs, 'robot.log'), 'utf8');
    expect(current.trimEnd().split('\n').at(-1)).toMatch(/^2026-12-05T08:00:00.000Z ligne 20 x+$/);
    const all = ['robot.log.2', 'robot.log.1', 'robot.log']
      .map((name) => fs.readFileSync(path.join(logs, name), 'utf8'))
      .join('');
    // The oldest lines are gone, the rest are in order.
    expect(all).not.toContain('ligne 01');
    const numbers = [...all.matchAll(/ligne (\d\d)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.at(-1)).toBe(20);
  });

  it('a data folder out of reach is not created again: the line goes to the console only', () => {
    const dataRoot = path.join(tempFolder('postier-robot-log-'), 'absent');
    const echoed: string[] = [];
    const echo = { write: (line: string) => echoed.push(line) } as unknown as NodeJS.WritableStream;
    new RobotLog({ dataRoot, echo }).write('Base de données injoignable');
    expect(fs.existsSync(dataRoot)).toBe(false);
    expect(echoed).toHaveLength(1);
    expect(echoed[0]).toContain('Base de données injoignable');
  });
});
