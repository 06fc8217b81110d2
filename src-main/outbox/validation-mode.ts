// Whether queued messages wait for a person's validation (E → V) or are validated as they
// are queued: one office-wide setting that the prepare service, the user's actions and the
// screens all read.
export const VALIDATION_MODE_SETTING = 'outbox.validationMode';
export type ValidationMode = 'manual' | 'automatic';
