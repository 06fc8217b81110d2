import type { sendingFr } from './sending.fr.js';

export const sendingEn: Record<keyof typeof sendingFr, string> = {};
