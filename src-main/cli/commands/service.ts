// `postier service run | install | uninstall | status`: the sending robot from the command
// line. `run` parses and hands over to the robot (src-main/robot); the others print what
// the robot services give back.
import type { Command } from 'commander';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import type { RobotReport } from '../../robot/service-setup.js';
import { dataOption, type CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';

export function registerServiceCommands(program: Command, context: CliContext): void {
  const service = program
    .command('service')
    .description('le robot d’envoi : envoie sans fenêtre ouverte ce que les postes ont validé');

  service
    .command('run')
    .description(
      'envoie en continu les messages validés à leur heure (Ctrl+C pour arrêter) ; journal dans logs/robot.log',
    )
    .action(async (_options: unknown, command: Command) => {
      const language = cliLanguage();
      const { robotLogFor, startRobot } = await import('../../robot/start.js');
      const log = robotLogFor(dataOption(command), process.stdout);
      const controller = new AbortController();
      const stop = (signal: NodeJS.Signals) => {
        // A second Ctrl+C stops at once (the messages at the server stay `sending`: uncertain).
        if (controller.signal.aborted) process.exit(130);
        log.write(translate(language, 'robot.log.stopping', { signal }));
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      process.on('SIGHUP', stop);
      try {
        await startRobot(
          {
            dataPath: dataOption(command),
            language,
            signal: controller.signal,
            echo: process.stdout,
          },
          log,
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        process.off('SIGHUP', stop);
      }
    });

  service
    .command('install')
    .description(
      'Windows : tâche planifiée qui lance le robot au démarrage ; Linux : affiche l’unité systemd à installer',
    )
    .option('--user <compte>', 'compte sous lequel le robot tourne (ses mots de passe enregistrés)')
    .action(async (options: { user?: string }, command: Command) => {
      const language = cliLanguage();
      const { currentLaunch, installRobot } = await import('../../robot/service-setup.js');
      const { resolveDataLocation } = await import('../../data-folder/data-folder.js');
      const { placeOf } = await import('../../db/data-place.js');
      // A folder made absolute, or a PostgreSQL URL as given.
      const dataPath = placeOf(resolveDataLocation(dataOption(command)));
      const result = await installRobot(currentLaunch(dataPath), {
        language,
        ...(options.user && { user: options.user }),
      });
      if (result.kind === 'windows')
        say(language, 'robot.install.windowsDone', { task: result.task });
      else if (result.kind === 'systemd') {
        process.stdout.write(result.unit);
        process.stderr.write(
          `${translate(language, 'robot.install.linuxHelp', { unit: result.unitName })}\n`,
        );
      } else say(language, 'robot.install.unsupported', { folder: dataPath });
    });

  service
    .command('uninstall')
    .description('retire le démarrage automatique du robot')
    .action(async () => {
      const language = cliLanguage();
      const { uninstallRobot } = await import('../../robot/service-setup.js');
      const result = await uninstallRobot();
      if (result.kind === 'windows')
        say(language, 'robot.uninstall.windowsDone', { task: result.task });
      else if (result.kind === 'systemd')
        say(language, 'robot.uninstall.linuxHelp', { unit: result.unitName });
      else say(language, 'robot.install.unsupported', { folder: '…' });
    });

  service
    .command('status')
    .description('le robot tourne-t-il, où, depuis quand, dernier signe de vie ; la file d’envoi')
    .option('--json', 'sortie JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { robotReport } = await import('../../robot/service-setup.js');
      const report = await context.withPostier(command, (postier) => robotReport(postier.db));
      if (options.json) printJson(report);
      else process.stdout.write(reportText(report, cliLanguage()));
    });
}

function say(
  language: Language,
  key: Parameters<typeof translate>[1],
  params: Record<string, string>,
) {
  process.stdout.write(`${translate(language, key, params)}\n`);
}

function reportText({ robot, queue }: RobotReport, language: Language): string {
  const at = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(language === 'fr' ? 'fr-CA' : 'en-CA') : '';
  const params = {
    workstation: robot.workstation ?? '',
    pid: robot.pid ?? '',
    since: at(robot.startedAt),
    beat: at(robot.lastBeatAt),
  };
  const lines = [];
  if (robot.running) {
    lines.push(
      translate(language, robot.active ? 'robot.status.active' : 'robot.status.waiting', params),
    );
  } else {
    lines.push(translate(language, 'robot.status.notRunning'));
    if (robot.workstation) lines.push(translate(language, 'robot.status.lastSeen', params));
  }
  lines.push(translate(language, 'robot.status.queue', { ...queue }));
  return `${lines.join('\n')}\n`;
}
