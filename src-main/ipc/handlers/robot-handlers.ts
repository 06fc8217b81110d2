// The sending robot's state for the window's status bar: read from its heartbeat.
import type { robotOperations } from '../../../src-shared/contract/robot.js';
import { readRobotStatus } from '../../robot/heartbeat.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof robotOperations)[number]['name'];

export function robotHandlers({ postier }: HandlerDeps): HandlersFor<Name> {
  return {
    'robot.status': () => readRobotStatus(postier.db),
  };
}
