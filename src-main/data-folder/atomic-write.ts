// Writing a file so that a reader (or a crash) never sees half of it.
import fs from 'node:fs';

export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, target);
}
