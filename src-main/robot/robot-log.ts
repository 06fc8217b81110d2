// The robot's log, in the data folder (logs/robot.log): one line per event, kept small by
// rotation (robot.log → robot.log.1 → … → robot.log.N, the oldest dropped). Lines are the
// robot's own sentences with counts and message numbers: never a SIN, a password or a
// message's text (the callers give nothing else). A data folder out of reach (moved, drive
// gone) is never created again by the log: the line then goes to the console only.
import fs from 'node:fs';
import path from 'node:path';

export const ROBOT_LOG_FILE = path.join('logs', 'robot.log');
export const DEFAULT_LOG_MAX_BYTES = 1_000_000;
export const DEFAULT_LOG_KEEP = 5;

export interface RobotLogOptions {
  /** The data folder; the log is written in its logs/ folder, only while the folder exists. */
  dataRoot: string;
  maxBytes?: number;
  /** Rotated files kept besides robot.log. */
  keep?: number;
  /** Also written here (the service manager's console), when given. */
  echo?: NodeJS.WritableStream;
  now?: () => number;
}

export class RobotLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(private readonly options: RobotLogOptions) {
    this.file = path.join(options.dataRoot, ROBOT_LOG_FILE);
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_LOG_KEEP;
  }

  write(text: string): void {
    const at = new Date((this.options.now ?? Date.now)()).toISOString();
    const line = `${at} ${text.replace(/\s*\n\s*/g, ' ')}\n`;
    this.options.echo?.write(line);
    try {
      if (!fs.existsSync(this.options.dataRoot)) return;
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.rotateIfFull(Buffer.byteLength(line));
      fs.appendFileSync(this.file, line);
    } catch {
      // A log that cannot be written must not stop the sending: the console has the line.
    }
  }

  private rotateIfFull(adding: number): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size + adding <= this.maxBytes) return;
    fs.rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${this.file}.${i}`))
        fs.renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    if (this.keep > 0) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
  }
}
