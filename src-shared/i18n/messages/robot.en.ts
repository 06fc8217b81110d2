// The sending robot and how the window shows it, English.
import type { robotFr } from './robot.fr.js';

export const robotEn: Record<keyof typeof robotFr, string> = {
  'robot.log.started':
    'Sending robot started on {workstation} (process {pid}) for the data folder {folder}.',
  'robot.log.startedServer':
    'Sending robot started on {workstation} (process {pid}) for the PostgreSQL database {folder}.',
  'robot.log.waitingLease':
    'Another workstation is sending ({holder}): the robot takes over after it.',
  'robot.log.progress':
    '{sent} sent, {failed} failed, {retrying} to retry, {uncertain} uncertain, {remaining} remaining.',
  'robot.log.runStopped':
    'Sending stopped: {reason} The robot tries again in {minutes} min; the messages stay ready.',
  'robot.log.unreachable':
    'Database out of reach ({reason}): trying again in {seconds} s. No message is lost.',
  'robot.log.reconnected': 'Database reachable again after {seconds} s: sending resumes.',
  'robot.log.stopping':
    'Stop asked ({signal}): the message at the server finishes, the others stay ready.',
  'robot.log.stopped': 'Sending robot stopped.',
  'robot.error.noDatabase':
    'the database {file} is not there (folder moved, network drive missing, or “postier init” never run)',

  'robot.status.active':
    'Automatic sending: active on {workstation} (process {pid}) since {since}; last heartbeat at {beat}.',
  'robot.status.waiting':
    'Robot running on {workstation} (process {pid}) since {since}, waiting: another workstation is sending; last heartbeat at {beat}.',
  'robot.status.notRunning': 'Automatic sending: stopped (no robot running).',
  'robot.status.lastSeen': 'Last robot: {workstation}, last heartbeat on {beat}.',
  'robot.status.queue': 'Sending queue: {due} to send now, {later} later, {uncertain} uncertain.',

  'robot.install.windowsDone':
    'Scheduled task “{task}” created: the robot starts with the computer, before anyone logs on. To start it now: schtasks /Run /TN "{task}"',
  'robot.install.windowsFailed': 'schtasks.exe refused ({code}): {output}',
  'robot.uninstall.windowsDone':
    'Scheduled task “{task}” deleted: the robot no longer starts with the computer.',
  'robot.install.linuxHelp':
    'Save this text as /etc/systemd/system/{unit}, then: sudo systemctl daemon-reload && sudo systemctl enable --now {unit}',
  'robot.uninstall.linuxHelp':
    'To remove the robot: sudo systemctl disable --now {unit} && sudo rm /etc/systemd/system/{unit} && sudo systemctl daemon-reload',
  'robot.install.unsupported':
    'On this system, start “postier service run --data {folder}” at boot by your own means (launchd on macOS).',
  'robot.unit.description': 'Postier: automatic sending (robot) for {folder}',

  'robot.window.active': 'Automatic sending: active on {workstation}',
  'robot.window.lastBeat': 'last heartbeat at {time}',
  'robot.window.handedOverTitle': 'Handed to automatic sending',
  'robot.window.handedOver':
    'Automatic sending (robot on {workstation}) will send these messages when due: you may close Postier.',
};
