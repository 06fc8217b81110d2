import type { uiFr } from './ui.fr.js';

export const uiEn: Record<keyof typeof uiFr, string> = {};
