// The main side of the contract, shared by the Electron shell and the headless host: checks
// each request against the operation's input schema (the renderer is untrusted), calls the
// handler, keeps only what the output schema names, and turns every failure into
// `{ ok: false, error }` with a sentence for the user.
import type { z } from 'zod';
import {
  contract,
  isOperationName,
  type Contract,
  type OperationName,
  type ParsedInputOf,
  type Result,
} from '../../src-shared/contract/index.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import {
  invalidInputError,
  unexpectedError,
  userFacingError,
  unknownOperationError,
} from './error-mapping.js';

export interface RequestContext {
  language: Language;
}

type HandlerOf<Op extends Contract[OperationName]> = (
  input: ParsedInputOf<Op>,
  context: RequestContext,
) => Promise<z.input<Op['output']>>;

/** One handler per operation of the contract: the compiler says when one is missing. */
export type Handlers = { [Name in OperationName]: HandlerOf<Contract[Name]> };

export type ErrorLog = (line: string) => void;

export class ServiceRouter {
  constructor(
    private readonly handlers: Handlers,
    private readonly log: ErrorLog = (line) => process.stderr.write(`${line}\n`),
  ) {}

  async dispatch(
    name: string,
    rawInput: unknown,
    context: RequestContext,
  ): Promise<Result<unknown>> {
    if (!isOperationName(name))
      return { ok: false, error: unknownOperationError(name, context.language) };
    const operation = contract[name];
    const input = operation.input.safeParse(isPlainData(rawInput) ? rawInput : NOT_PLAIN_DATA);
    if (!input.success) {
      return { ok: false, error: invalidInputError(input.error, context.language) };
    }
    const handler = this.handlers[name] as (
      input: unknown,
      context: RequestContext,
    ) => Promise<unknown>;
    try {
      const value = await handler(input.data, context);
      const output = operation.output.safeParse(value);
      if (!output.success) throw new Error(`${name} returned ${output.error.message}`);
      return { ok: true, value: output.data };
    } catch (error) {
      const known = userFacingError(error, context.language);
      if (known) return { ok: false, error: known };
      const at = new Date();
      this.log(`[postier ${at.toISOString()}] ${name} failed: ${describe(error)}`);
      return { ok: false, error: unexpectedError(name, at, context.language) };
    }
  }
}

/** Marks input that is not plain data, which every input schema refuses. */
const NOT_PLAIN_DATA = Symbol('not plain data');

/**
 * Plain data only: objects whose prototype is Object's (or none) and arrays. An object
 * with another prototype could pass a schema through inherited properties.
 */
function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (depth > 20) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value))
    return prototype === Array.prototype && value.every((v) => isPlainData(v, depth + 1));
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((v) => isPlainData(v, depth + 1));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
