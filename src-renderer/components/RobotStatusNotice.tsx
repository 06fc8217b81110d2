// The status bar's notice while a sending robot (`postier service run` on a server) holds the
// sending lease: "Envoi automatique : actif sur SERVEUR-01", with its last heartbeat. Read
// again every few seconds and after each send or change in the outbox.
import { Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { BotRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { RobotStatus } from '../../src-shared/domain/robot.js';
import { api } from '../api.js';
import { useApp } from '../app/app-context.js';
import { localeOf } from '../app/format.js';

const REFRESH_MS = 10_000;

const useStyles = makeStyles({
  notice: { display: 'inline-flex', alignItems: 'center', gap: '4px', whiteSpace: 'nowrap' },
  beat: { color: tokens.colorNeutralForeground3 },
});

export function RobotStatusNotice() {
  const styles = useStyles();
  const { t, language } = useApp();
  const [robot, setRobot] = useState<RobotStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      void api.robot.status({}).then((result) => {
        if (alive && result.ok) setRobot(result.value);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    const stops = [api.on('sending.finished', read), api.on('outbox.changed', read)];
    return () => {
      alive = false;
      clearInterval(timer);
      for (const stop of stops) stop();
    };
  }, []);
  if (!robot?.active || !robot.workstation) return null;
  const time = robot.lastBeatAt
    ? new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', hour12: false }).format(
        new Date(robot.lastBeatAt),
      )
    : '';
  const beat = t('robot.window.lastBeat', { time });
  return (
    <Tooltip content={beat} relationship="description">
      <span className={styles.notice} data-testid="robot-status">
        <BotRegular aria-hidden />
        {t('robot.window.active', { workstation: robot.workstation })}
        <span className={styles.beat}>({beat})</span>
      </span>
    </Tooltip>
  );
}
