// Events from the main side to whichever renderer is attached (Electron window, host page).
import {
  events,
  type EventName,
  type Events,
  type PayloadOf,
} from '../../src-shared/contract/index.js';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Checks the payload against the contract, so a renderer only ever sees declared shapes. */
  emit<Name extends EventName>(name: Name, payload: PayloadOf<Events[Name]>): void {
    const checked: unknown = events[name].payload.parse(payload);
    for (const listener of this.listeners) listener(name, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
