import { WorkerEvent, validateSnapshot } from '../index.js';
import { defineEventMethods, fieldsByType, unknownFields, validated, withIds, type EventMethods, type RecordedEvent } from './event-methods.js';
import type { DateArg } from './iso-date.js';

type Snapshot = import('../index.js').WorkerSnapshot;
type Period = NonNullable<Snapshot['periods']>[number];

/** The worker builder's own methods; the event methods come from the schema (see {@link WorkerBuilder}). */
export interface WorkerBuilderCore {
  /** The worker's role (required by the snapshot). */
  role(role: Snapshot['role']): WorkerBuilder;
  /** First day in post for this role (required by the snapshot). */
  startedOn<const D extends string>(date: DateArg<D>): WorkerBuilder;
  /** The date the worker qualified. */
  qualifiedOn<const D extends string>(date: DateArg<D>): WorkerBuilder;
  /** The team id. */
  team(id: string): WorkerBuilder;
  /** A period of returning to work or of a major change of role. */
  period<const S extends string, const E extends string>(kind: Period['kind'], start: DateArg<S>, end: DateArg<E>): WorkerBuilder;
  /**
   * The snapshot, with event ids filled in where none was given, validated by `validateSnapshot`.
   * @throws SnapshotError listing every problem with its code and path.
   */
  build(): Snapshot;
}

/**
 * A worker's supervision snapshot under construction:
 * `aWorker('W-1').role('social-worker').startedOn('2024-01-02').supervisionSession('2024-01-30')`.
 * One method per worker event type, derived from the schema like {@link CaseBuilder}'s.
 */
export interface WorkerBuilder extends WorkerBuilderCore, EventMethods<WorkerEvent, WorkerBuilder> {}

interface WorkerDraft {
  readonly workerId: string;
  readonly root: Readonly<Record<string, unknown>>;
  readonly periods: readonly Period[];
  readonly events: readonly RecordedEvent[];
}

const allowedFields = fieldsByType(WorkerEvent);

class WorkerSnapshotBuilder implements WorkerBuilderCore {
  constructor(private readonly draft: WorkerDraft) {}

  private next(change: Partial<WorkerDraft>): WorkerBuilder {
    return new WorkerSnapshotBuilder({ ...this.draft, ...change }) as unknown as WorkerBuilder;
  }

  private set(key: string, value: unknown): WorkerBuilder {
    return this.next({ root: { ...this.draft.root, [key]: value } });
  }

  role(role: Snapshot['role']): WorkerBuilder {
    return this.set('role', role);
  }

  startedOn(date: string): WorkerBuilder {
    return this.set('startedOn', date);
  }

  qualifiedOn(date: string): WorkerBuilder {
    return this.set('qualifiedOn', date);
  }

  team(id: string): WorkerBuilder {
    return this.set('team', id);
  }

  period(kind: Period['kind'], start: string, end: string): WorkerBuilder {
    return this.next({ periods: [...this.draft.periods, { kind, start, end }] });
  }

  record(event: RecordedEvent): WorkerBuilder {
    return this.next({ events: [...this.draft.events, event] });
  }

  build(): Snapshot {
    const { workerId, root, periods, events } = this.draft;
    const snapshot = { workerId, ...root, ...(periods.length > 0 ? { periods } : {}), events: withIds(events) };
    return validated<Snapshot>(snapshot, workerId, unknownFields(events, allowedFields), validateSnapshot);
  }
}

defineEventMethods(WorkerSnapshotBuilder.prototype, allowedFields.keys(), (self, event) => (self as WorkerSnapshotBuilder).record(event));

/**
 * Starts a worker's supervision snapshot for a test.
 * @example
 * const worker = aWorker('W-1').role('newly-qualified-social-worker').startedOn('2024-01-02').supervisionSession('2024-01-09', { kind: 'personal' }).build();
 */
export function aWorker(workerId: string): WorkerBuilder {
  return new WorkerSnapshotBuilder({ workerId, root: {}, periods: [], events: [] }) as unknown as WorkerBuilder;
}
