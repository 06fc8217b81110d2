// Parsers for command-line values: each names the argument it rejects.
import { InvalidArgumentError } from 'commander';
import { parseAmount } from '../../../src-shared/format/money.js';
import { isUserError } from '../../../src-shared/errors.js';
import { describeError } from '../output.js';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseCount(argument: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) {
      throw new InvalidArgumentError(
        `${argument} attend un nombre entier positif, pas « ${value} ».`,
      );
    }
    return Number(value);
  };
}

export function parseId(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) {
    throw new InvalidArgumentError(
      `un numéro de document est un entier positif, pas « ${value} ».`,
    );
  }
  return Number(value);
}

/** Amounts as users type them (1234,56 or 1234.56), in cents. */
export function parseAmountArgument(value: string): number {
  try {
    return parseAmount(value);
  } catch (error) {
    if (isUserError(error)) throw new InvalidArgumentError(describeError(error));
    throw error;
  }
}
