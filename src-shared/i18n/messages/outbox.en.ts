import type { outboxFr } from './outbox.fr.js';

export const outboxEn: Record<keyof typeof outboxFr, string> = {};
