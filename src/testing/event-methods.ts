import { SnapshotError, type SnapshotProblem } from '../index.js';
import type { DateArg } from './iso-date.js';
import { methodName, type MethodName } from './names.js';

/** What every event in a snapshot has. */
interface AnyEvent {
  readonly type: string;
  readonly id: string;
  readonly date: string;
}

/** The fields a builder method takes for event `E`: all but `type` and `date`, with `id` optional. */
export type FieldsOf<E extends AnyEvent> = Omit<E, 'type' | 'date' | 'id'> & { readonly id?: string };

type EventMethod<E extends AnyEvent, Self> = {} extends Omit<E, 'type' | 'date' | 'id'>
  ? <const D extends string>(date: DateArg<D>, fields?: FieldsOf<E>) => Self
  : <const D extends string>(date: DateArg<D>, fields: FieldsOf<E>) => Self;

/**
 * One method per member of the event union `E`, named after its `type` in camel case
 * (`section-47-started` → `section47Started`), taking the date and that event's own fields.
 * Derived from the schema's inferred type, so a new event type or field appears here by itself.
 */
export type EventMethods<E extends AnyEvent, Self> = {
  [T in E['type'] as MethodName<T>]: EventMethod<Extract<E, { type: T }>, Self>;
};

/** The part of a zod discriminated union of `z.object`s the builders read: each member's shape. */
export interface EventUnion {
  readonly def: { readonly options: readonly { readonly shape: Readonly<Record<string, unknown>> }[] };
}

/** An event as a builder method recorded it, before ids are filled in. */
export interface RecordedEvent {
  readonly type: string;
  readonly date: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Each event type of `union` with the fields it allows besides `type` and `date`, from the schema. */
export function fieldsByType(union: EventUnion): ReadonlyMap<string, ReadonlySet<string>> {
  const byType = new Map<string, ReadonlySet<string>>();
  for (const option of union.def.options) {
    const type = (option.shape.type as { readonly def: { readonly values: readonly string[] } }).def.values[0]!;
    byType.set(type, new Set(Object.keys(option.shape).filter((k) => k !== 'type' && k !== 'date')));
  }
  return byType;
}

/**
 * Puts one method per event type on `proto`; each calls `record` to return a new builder. A name
 * already taken by the builder itself is a library bug, caught when the module loads.
 */
export function defineEventMethods(proto: object, types: Iterable<string>, record: (self: unknown, event: RecordedEvent) => unknown): void {
  for (const type of types) {
    const name = methodName(type);
    if (name in proto) throw new Error(`The builder method ${name} for event type ${type} clashes with a builder method.`);
    Object.defineProperty(proto, name, {
      value(this: unknown, date: string, fields: Record<string, unknown> = {}) {
        return record(this, { type, date, fields });
      },
    });
  }
}

/**
 * The events with ids filled in where none was given (`visit-1`, `visit-2`, … skipping ids in use),
 * in the order they were added, so `events[i]` in an error is the i-th event method called.
 */
export function withIds(events: readonly RecordedEvent[]): Record<string, unknown>[] {
  const used = new Set(events.map((e) => e.fields.id).filter((id): id is string => typeof id === 'string'));
  const counters = new Map<string, number>();
  return events.map((e) => {
    let id = e.fields.id;
    if (id === undefined) {
      let n = counters.get(e.type) ?? 0;
      do n += 1;
      while (used.has(`${e.type}-${n}`));
      counters.set(e.type, n);
      id = `${e.type}-${n}`;
      used.add(id as string);
    }
    return { ...e.fields, id, type: e.type, date: e.date };
  });
}

/**
 * Fields an event type does not have. The snapshot schema drops unknown keys silently, which in a
 * test would hide a misspelt field (`seenAlon: true` counts as not recorded), so the builder
 * refuses them.
 */
export function unknownFields(events: readonly RecordedEvent[], allowed: ReadonlyMap<string, ReadonlySet<string>>): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  events.forEach((e, i) => {
    const known = allowed.get(e.type);
    for (const key of Object.keys(e.fields)) {
      if (known && !known.has(key)) {
        problems.push({ code: 'unrecognised-field', path: `events[${i}].${key}`, message: `A ${e.type} event has no field ${key}; see the snapshot JSON Schema for its fields.` });
      }
    }
  });
  return problems;
}

/**
 * Validates a built snapshot with the library's own validator, adding the builder's problems, so
 * every mistake comes back at once as one {@link SnapshotError} with codes and paths.
 */
export function validated<T>(snapshot: Record<string, unknown>, id: string, builderProblems: readonly SnapshotProblem[], validate: (input: unknown) => unknown): T {
  let result: unknown;
  try {
    result = validate(snapshot);
  } catch (error) {
    if (error instanceof SnapshotError) throw new SnapshotError(error.caseId ?? id, [...builderProblems, ...error.problems]);
    throw error;
  }
  if (builderProblems.length > 0) throw new SnapshotError(id, builderProblems);
  return result as T;
}
