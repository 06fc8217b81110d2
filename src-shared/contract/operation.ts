// The shape of the IPC contract: one operation per service call, each with a zod schema for
// what the renderer sends (untrusted, validated on the main side) and for what comes back
// (only what the schema names crosses to the renderer). Events flow the other way.
import type { z } from 'zod';

export interface Operation<
  Name extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly name: Name;
  readonly input: Input;
  readonly output: Output;
}

/** `name` is "<group>.<method>": the renderer calls it as `api.<group>.<method>(input)`. */
export function defineOperation<
  Name extends `${string}.${string}`,
  Input extends z.ZodType,
  Output extends z.ZodType,
>(name: Name, input: Input, output: Output): Operation<Name, Input, Output> {
  return { name, input, output };
}

export interface EventDefinition<
  Name extends string = string,
  Payload extends z.ZodType = z.ZodType,
> {
  readonly name: Name;
  readonly payload: Payload;
}

export function defineEvent<Name extends string, Payload extends z.ZodType>(
  name: Name,
  payload: Payload,
): EventDefinition<Name, Payload> {
  return { name, payload };
}

/** Operations keyed by name, built from a list so that each name is written once. */
export type OperationsByName<Ops extends readonly Operation[]> = {
  [Op in Ops[number] as Op['name']]: Op;
};

export function operationsByName<const Ops extends readonly Operation[]>(
  ...operations: Ops
): OperationsByName<Ops> {
  const byName: Record<string, Operation> = {};
  for (const operation of operations) {
    if (byName[operation.name]) throw new Error(`Operation ${operation.name} is defined twice.`);
    byName[operation.name] = operation;
  }
  return byName as OperationsByName<Ops>;
}

export type EventsByName<Events extends readonly EventDefinition[]> = {
  [E in Events[number] as E['name']]: E;
};

export function eventsByName<const Events extends readonly EventDefinition[]>(
  ...events: Events
): EventsByName<Events> {
  return Object.fromEntries(events.map((e) => [e.name, e])) as EventsByName<Events>;
}

/** An error as the user sees it: `message` is already translated; `code` is for the code. */
export interface ApiError {
  code: string;
  message: string;
  /** The input field concerned, when the error is about one (e.g. "correspondents.1.email"). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type InputOf<Op> = Op extends Operation<string, infer I> ? z.input<I> : never;
export type ParsedInputOf<Op> = Op extends Operation<string, infer I> ? z.output<I> : never;
export type OutputOf<Op> = Op extends Operation<string, z.ZodType, infer O> ? z.output<O> : never;
export type PayloadOf<E> = E extends EventDefinition<string, infer P> ? z.output<P> : never;

type GroupOf<Name> = Name extends `${infer Group}.${string}` ? Group : never;

/** `api.<group>.<method>(input)` for every operation of the contract, and `api.on(event)`. */
export type ApiOf<
  Contract extends Record<string, Operation>,
  Events extends Record<string, EventDefinition>,
> = {
  [Group in GroupOf<keyof Contract & string>]: {
    [Name in keyof Contract & string as Name extends `${Group}.${infer Method}` ? Method : never]: (
      input: InputOf<Contract[Name]>,
    ) => Promise<Result<OutputOf<Contract[Name]>>>;
  };
} & {
  /** Listens to an event from the main side; returns the function that stops listening. */
  on<Name extends keyof Events & string>(
    name: Name,
    listener: (payload: PayloadOf<Events[Name]>) => void,
  ): () => void;
};

export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (name: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the api object over a transport: Electron's preload (one ipcRenderer.invoke per
 * operation channel) or the headless host's HTTP client. Only contract names get a function.
 */
export function buildApi(
  operationNames: readonly string[],
  eventNames: readonly string[],
  transport: Transport,
  subscribe: Subscribe,
): Record<string, unknown> {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of operationNames) {
    const [group, method] = splitOperationName(name);
    (api[group] ??= {})[method] = (input: unknown) => transport(name, input);
  }
  const known = new Set(eventNames);
  return {
    ...api,
    on: (name: string, listener: (payload: unknown) => void) => {
      if (!known.has(name)) throw new Error(`Unknown event ${name}.`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function.');
      return subscribe(name, listener);
    },
  };
}

export function splitOperationName(name: string): [group: string, method: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
