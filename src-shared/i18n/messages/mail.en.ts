import type { mailFr } from './mail.fr.js';

export const mailEn: Record<keyof typeof mailFr, string> = {};
