import { CaseEvent, validateSnapshot, type SchoolTerms, type Variation } from '../index.js';
import { defineEventMethods, fieldsByType, unknownFields, validated, withIds, type EventMethods, type RecordedEvent } from './event-methods.js';
import type { DateArg } from './iso-date.js';

type Snapshot = import('../index.js').CaseSnapshot;
type ChildFacts = Omit<Snapshot['child'], 'dateOfBirth'>;

/** The builder's own methods; the event methods come from the schema (see {@link CaseBuilder}). */
export interface CaseBuilderCore {
  /** The child's date of birth (required by the snapshot). */
  bornOn<const D extends string>(date: DateArg<D>): CaseBuilder;
  /** Other facts about the child: `needsAdultServices`, `careLeaver`, `careHistoryFrom`. */
  child(facts: ChildFacts): CaseBuilder;
  /** The team id, for caseload summaries. */
  team(id: string): CaseBuilder;
  /** The worker id, for caseload summaries. */
  worker(id: string): CaseBuilder;
  /** The child's school terms, for school-day timescales. */
  schoolTerms(terms: SchoolTerms): CaseBuilder;
  /** An agreed variation or exception. */
  variation(variation: Variation): CaseBuilder;
  /**
   * The snapshot, with event ids filled in where none was given (`visit-1`, …), validated by
   * `validateSnapshot`.
   * @throws SnapshotError listing every problem with its code and path (`events[2].date`); a field
   * the event type does not have is an `unrecognised-field` problem at its path.
   */
  build(): Snapshot;
}

/**
 * A child's case snapshot under construction: `aCase('C-1').bornOn('2015-05-01').referral('2024-01-08')`.
 * Every method returns a new builder, so a shared start can be extended by each test. There is one
 * method per case event type, named in camel case (`section-47-started` → `section47Started`),
 * taking the event date and the fields of that type (required ones required).
 */
export interface CaseBuilder extends CaseBuilderCore, EventMethods<CaseEvent, CaseBuilder> {}

interface CaseDraft {
  readonly caseId: string;
  readonly root: Readonly<Record<string, unknown>>;
  readonly child: Readonly<Record<string, unknown>>;
  readonly events: readonly RecordedEvent[];
  readonly variations: readonly Variation[];
}

const allowedFields = fieldsByType(CaseEvent);

class CaseSnapshotBuilder implements CaseBuilderCore {
  constructor(private readonly draft: CaseDraft) {}

  private next(change: Partial<CaseDraft>): CaseBuilder {
    return new CaseSnapshotBuilder({ ...this.draft, ...change }) as unknown as CaseBuilder;
  }

  bornOn(date: string): CaseBuilder {
    return this.next({ child: { ...this.draft.child, dateOfBirth: date } });
  }

  child(facts: ChildFacts): CaseBuilder {
    return this.next({ child: { ...this.draft.child, ...facts } });
  }

  team(id: string): CaseBuilder {
    return this.next({ root: { ...this.draft.root, team: id } });
  }

  worker(id: string): CaseBuilder {
    return this.next({ root: { ...this.draft.root, worker: id } });
  }

  schoolTerms(terms: SchoolTerms): CaseBuilder {
    return this.next({ root: { ...this.draft.root, schoolTerms: terms } });
  }

  variation(variation: Variation): CaseBuilder {
    return this.next({ variations: [...this.draft.variations, variation] });
  }

  record(event: RecordedEvent): CaseBuilder {
    return this.next({ events: [...this.draft.events, event] });
  }

  build(): Snapshot {
    const { caseId, root, child, events, variations } = this.draft;
    const snapshot = { caseId, ...root, child, events: withIds(events), ...(variations.length > 0 ? { variations } : {}) };
    return validated<Snapshot>(snapshot, caseId, unknownFields(events, allowedFields), validateSnapshot);
  }
}

defineEventMethods(CaseSnapshotBuilder.prototype, allowedFields.keys(), (self, event) => (self as CaseSnapshotBuilder).record(event));

/**
 * Starts a child's case snapshot for a test.
 * @example
 * const snapshot = aCase('C-1').bornOn('2015-05-01').referral('2024-01-08').visit('2024-01-10', { mode: 'in-person' }).build();
 */
export function aCase(caseId: string): CaseBuilder {
  return new CaseSnapshotBuilder({ caseId, root: {}, child: {}, events: [], variations: [] }) as unknown as CaseBuilder;
}
