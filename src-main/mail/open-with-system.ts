// Opening a web page or a file with what the user chose in the system: the default browser for
// the consent page, the default mail client for an .eml draft. No shell: the URL or path is
// one argument, so "&", "%", quotes or spaces in it mean nothing to anyone.
import { spawn } from 'node:child_process';

export type SystemOpener = (target: string) => Promise<void>;

export interface OpenCommand {
  command: string;
  args: string[];
}

/** The command that opens `target` on this platform ("url" for a web page, "file" for a file). */
export function openCommand(
  target: string,
  what: 'url' | 'file',
  platform: NodeJS.Platform = process.platform,
): OpenCommand {
  if (platform === 'win32') {
    // rundll32 hands the argument to the shell's own "open" verb, without cmd.exe parsing.
    const entry = what === 'url' ? 'url.dll,FileProtocolHandler' : 'shell32.dll,ShellExec_RunDLL';
    return { command: 'rundll32.exe', args: [entry, target] };
  }
  if (platform === 'darwin') return { command: 'open', args: [target] };
  return { command: 'xdg-open', args: [target] };
}

/** Starts the opener and returns once it started (it keeps running on its own). */
export function runDetached({ command, args }: OpenCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    // windowsHide would start a windowed program hidden (SW_HIDE): leave it to the program.
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

export const openUrlWithSystem: SystemOpener = (url) => runDetached(openCommand(url, 'url'));
export const openFileWithSystem: SystemOpener = (file) => runDetached(openCommand(file, 'file'));
