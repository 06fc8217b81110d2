// commander's parser for every --period: "11/2026", "2026-11", "novembre 2026", "nov. 2026"
// or "2026" become the stored form, so that a filter finds what a clerk typed the way they
// write it; anything else is refused with the forms expected, in the user's language.
import { InvalidArgumentError } from 'commander';
import { parseTypedPeriod } from '../../../src-shared/format/period-input.js';
import { describeError } from '../output.js';

export const PERIOD_HELP = 'période : 11/2026, 2026-11 ou novembre 2026 (mois), 2026 (année)';

export function parsePeriodOption(value: string): string {
  try {
    return parseTypedPeriod(value);
  } catch (error) {
    throw new InvalidArgumentError(describeError(error));
  }
}
