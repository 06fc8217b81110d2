// `postier host` (the headless host) and `postier start` (what `npm start` runs: Electron
// when installed, else the host in the browser).
import type { Command } from 'commander';
import { parseCount } from './arguments.js';
import { dataOption, type CliContext } from '../command-context.js';
import {
  electronBinary,
  ensureElectronBuilt,
  ensureRendererBuilt,
  openInBrowser,
  runElectron,
} from '../../host/launcher.js';

interface HostOptions {
  port?: number;
  open: boolean;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerHostCommands(program: Command, _context: CliContext): void {
  program
    .command('host')
    .description('sert Postier dans le navigateur, sur 127.0.0.1 seulement (sans Electron)')
    .option('--port <n>', 'port d’écoute (sinon un port libre)', parseCount('--port'))
    .option('--no-open', 'ne pas ouvrir le navigateur')
    .action(async (options: HostOptions, command: Command) => {
      await serveInBrowser(options, dataOption(command));
    });

  program
    .command('start')
    .description('ouvre Postier : la fenêtre Electron si elle est installée, sinon le navigateur')
    .option('--port <n>', 'port d’écoute du navigateur (sans Electron)', parseCount('--port'))
    .option('--no-open', 'ne pas ouvrir le navigateur (sans Electron)')
    .action(async (options: HostOptions, command: Command) => {
      const binary = electronBinary();
      const data = dataOption(command);
      if (binary) {
        ensureRendererBuilt(say);
        ensureElectronBuilt(say);
        process.exitCode = await runElectron(binary, data ? ['--data', data] : []);
        return;
      }
      say('Electron n’est pas installé sur ce poste : Postier s’ouvre dans le navigateur.');
      await serveInBrowser(options, data);
    });
}

async function serveInBrowser(options: HostOptions, dataPath: string | undefined): Promise<void> {
  ensureRendererBuilt(say);
  // The host (HTTP, WebSocket, every IPC handler) is loaded only by the commands that serve it.
  const { runHost } = await import('../../host/run-host.js');
  const run = await runHost({
    ...(dataPath !== undefined && { dataPath }),
    ...(options.port !== undefined && { port: options.port }),
  });
  say(`Postier est prêt : ${run.host.url}`);
  say(`Dossier de données : ${run.postier.folder.root}`);
  say('Gardez cette fenêtre ouverte ; Ctrl+C pour arrêter Postier.');
  if (options.open) openInBrowser(run.host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say('Arrêt de Postier…');
  await run.stop();
}
