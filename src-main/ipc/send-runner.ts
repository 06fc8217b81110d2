// The sending engine as the window drives it: one run at a time in the background, its
// progress pushed to the page (and the taskbar), pause (after the message being sent) and
// resume. Messages left validated when the app closes are sent at the next start. While a
// sending robot (`postier service run`) holds the lease, the window hands its sends to it:
// no competing run, a summary saying the robot will send them.
import type { RobotStatus } from '../../src-shared/domain/robot.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import type { EngineProgress, EngineRunSummary, SendEngine } from '../send/engine.js';
import type { EventBus } from './event-bus.js';

export interface SendingState {
  running: boolean;
  paused: boolean;
  progress: EngineProgress | null;
  /** When this run started (ISO), for the remaining-time estimate. */
  startedAt: string | null;
}

export class SendRunner {
  private controller: AbortController | null = null;
  private current: Promise<EngineRunSummary | null> | null = null;
  private paused = false;
  private progress: EngineProgress | null = null;
  private startedAt: string | null = null;
  /** Messages were validated while a run was ending: run once more after it. */
  private again = false;
  /** ...following the bulk send being prepared meanwhile, if one asked for it. */
  private againMore: (() => Promise<boolean>) | null = null;

  constructor(
    private readonly engine: SendEngine,
    private readonly events: EventBus,
    private readonly language: () => Language,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    /** The sending robot as its heartbeat says (none: never hands over). */
    private readonly robot: () => Promise<RobotStatus | null> = async () => null,
  ) {}

  state(): SendingState {
    return {
      running: this.current !== null,
      paused: this.paused,
      progress: this.progress,
      startedAt: this.startedAt,
    };
  }

  isRunning(): boolean {
    return this.current !== null;
  }

  /**
   * Starts a run, or makes sure the one going picks up what was just validated (it may be
   * past its last look at the queue): resolves when it ends (null if it failed to run).
   * `more`: a bulk send is being prepared; the new run sends its chunks as they are queued.
   */
  start(options: { more?: () => Promise<boolean> } = {}): Promise<EngineRunSummary | null> {
    if (this.current) {
      if (!this.paused) {
        this.again = true;
        this.againMore = options.more ?? this.againMore;
      }
      return this.current;
    }
    this.again = false;
    this.againMore = null;
    this.paused = false;
    this.progress = null;
    this.startedAt = new Date().toISOString();
    const controller = new AbortController();
    this.controller = controller;
    const run = this.handOverOrRun(controller, options.more)
      .then((summary) => {
        this.events.emit('sending.finished', {
          summary,
          paused: this.paused,
          cancelled: summary.cancelled && !this.paused,
          limitReached: summary.limitReached,
          nextSendAt: summary.nextSendAt,
        });
        return summary;
      })
      .catch((error: unknown) => {
        this.log(
          `[postier] sending stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        const message = error instanceof Error ? error.message : String(error);
        this.events.emit('sending.finished', {
          summary: {
            sent: 0,
            failed: 0,
            retrying: 0,
            uncertain: 0,
            excluded: 0,
            remaining: 0,
            stoppedBy: { code: 'ui.error.unexpected', message },
          },
          paused: false,
          cancelled: false,
          limitReached: null,
          nextSendAt: null,
        });
        return null;
      })
      .finally(() => {
        this.current = null;
        this.controller = null;
        this.events.emit('outbox.changed', {});
        const more = this.againMore;
        if (this.again && !this.paused) void this.start(more ? { more } : {});
      });
    this.current = run;
    return run;
  }

  /** The robot's run when one is active (a summary saying so), else this window's own run. */
  private async handOverOrRun(
    controller: AbortController,
    more: (() => Promise<boolean>) | undefined,
  ): Promise<EngineRunSummary> {
    const robot = await this.robot().catch(() => null);
    if (robot?.active) {
      // A bulk send still being prepared: said handed over once all of it is queued, and
      // after the window has had the queue's answer (events and answers travel apart).
      if (more) while (await more());
      await new Promise((resolve) => setTimeout(resolve, HAND_OVER_DELAY_MS));
      return handedOver(robot, this.language());
    }
    return this.engine.run({
      signal: controller.signal,
      language: this.language(),
      ...(more && { more }),
      onProgress: (progress) => {
        this.progress = progress;
        this.events.emit('sending.progress', { progress, paused: false });
      },
    });
  }

  /** Stops after the message being sent; the rest stays validated for resume(). */
  async pause(): Promise<void> {
    if (!this.current) return;
    this.paused = true;
    this.again = false;
    if (this.progress)
      this.events.emit('sending.progress', { progress: this.progress, paused: true });
    this.controller?.abort();
    await this.current;
  }

  /** Stops the run, then `blockRest` keeps the rest from going (the user unblocks it later). */
  async cancel(blockRest: () => Promise<void>): Promise<void> {
    await this.pause();
    await blockRest();
    this.paused = false;
    this.progress = null;
    this.events.emit('outbox.changed', {});
  }

  resume(): Promise<EngineRunSummary | null> {
    return this.start();
  }

  /** Waits for the run to stop (on quit): at most `timeoutMs`, then lets go. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.current) return;
    this.paused = true;
    this.again = false;
    this.controller?.abort();
    await Promise.race([this.current, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}

/** How long after the last queued chunk the window is told the robot will send. */
const HAND_OVER_DELAY_MS = 500;

/** Code of the summary of a send handed to the robot (the window shows it as such). */
export const HANDED_OVER = 'robot.window.handedOver';

function handedOver(robot: RobotStatus, language: Language): EngineRunSummary {
  const message = translate(language, HANDED_OVER, { workstation: robot.workstation ?? '?' });
  return {
    sent: 0,
    failed: 0,
    retrying: 0,
    uncertain: 0,
    excluded: 0,
    remaining: 0,
    stoppedBy: { code: HANDED_OVER, message },
    nextSendAt: null,
    limitReached: null,
    cancelled: false,
  };
}
