// Remembers where the main window was (per workstation) and puts it back there, or on the
// primary screen when that place is no longer on any screen (a laptop off its dock).
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { KeyValueStore } from '../ipc/preferences.js';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 800 };

export function restoredWindowState(store: KeyValueStore): WindowState {
  const saved = store.get('windowState') as Partial<WindowState> | undefined;
  const bounds = saved?.bounds;
  const visible =
    bounds !== undefined && screen.getAllDisplays().some((d) => intersects(d.workArea, bounds));
  if (!visible) {
    const area = screen.getPrimaryDisplay().workArea;
    const width = Math.min(DEFAULT_SIZE.width, area.width);
    const height = Math.min(DEFAULT_SIZE.height, area.height);
    return {
      bounds: {
        x: area.x + Math.round((area.width - width) / 2),
        y: area.y + Math.round((area.height - height) / 2),
        width,
        height,
      },
      maximized: false,
    };
  }
  return { bounds, maximized: saved?.maximized ?? false };
}

export function trackWindowState(window: BrowserWindow, store: KeyValueStore): void {
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    store.set('windowState', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', save);
  window.on('resized', save);
  window.on('moved', save);
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
