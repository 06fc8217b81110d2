import type { importFr } from './import.fr.js';

export const importEn: Record<keyof typeof importFr, string> = {};
