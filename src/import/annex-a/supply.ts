import type { Supply, SuppliedEvents } from '../../schemas/supply.js';
import type { ListNumber } from './lists.js';
import { LISTS } from './lists.js';

/** The Annex A lists in plain words, as explanations name them. */
export const ANNEX_A_SOURCE = 'Annex A';

type Declared = Omit<SuppliedEvents, 'type'>;

/**
 * What each list records. `all`: a dated history over the list's period, for every child (a
 * child the list does not name had none of it). `own`: only of the children it names, and only
 * the latest (the date of the last visit, review or health assessment; the most recent placement).
 */
const RECORDS: Readonly<Record<ListNumber, { all?: Readonly<Record<string, Declared>>; own?: Readonly<Record<string, Declared>> }>> = {
  3: { all: { referral: { fields: [] } } },
  4: { all: { 'assessment-started': { fields: ['assessmentId'] }, 'assessment-authorised': { fields: ['assessmentId'] } } },
  5: { all: { 'section-47-started': { fields: [] }, 'section-47-concluded': { fields: ['conferenceRequired'] }, 'initial-child-protection-conference': { fields: [] } } },
  6: { all: { 'case-closed': { fields: [] } }, own: { visit: { fields: ['childSeen'], latestOnly: true } } },
  7: {
    all: { 'child-protection-plan-started': { fields: [] }, 'child-protection-plan-ended': { fields: [] } },
    own: { visit: { fields: ['childSeen', 'seenAlone'], latestOnly: true }, 'review-child-protection-conference': { fields: [], latestOnly: true } },
  },
  8: {
    all: { 'became-looked-after': { fields: ['legalStatus'] }, 'ceased-looked-after': { fields: [] } },
    own: {
      // Only the most recent placement: earlier ones, and their visits, are not in the list.
      'placement-started': { fields: ['placementId', 'kind'], latestOnly: true, partialHistory: true },
      'placement-ended': { fields: ['placementId'] },
      'looked-after-review': { fields: [], latestOnly: true },
      visit: { fields: [], latestOnly: true },
      'health-assessment': { fields: [], latestOnly: true },
    },
  },
  9: {},
  10: { all: { 'adoption-order-made': { fields: [] } } },
};

/**
 * What the Annex A lists can supply for one child: what each list given records for every child,
 * and what the lists naming this child record of it alone (the latest visit, review conference,
 * looked-after review, health assessment and placement: only the latest is kept, so only the
 * current cycle of a duty is judged). No list records how a visit was made; the care leaver fact
 * is known when List 9 was given. Nothing of core groups, plans, child in need reviews, PEPs,
 * missing episodes or return interviews.
 */
export function annexASupply(present: ReadonlySet<ListNumber>, childLists: ReadonlySet<ListNumber> = present): Supply {
  const types = new Map<string, { fields: Set<string>; latestOnly: boolean; partialHistory: boolean }>();
  const add = (declared: Readonly<Record<string, Declared>> | undefined) => {
    for (const [type, d] of Object.entries(declared ?? {})) {
      const t = types.get(type) ?? { fields: new Set<string>(), latestOnly: true, partialHistory: true };
      for (const f of d.fields ?? []) t.fields.add(f);
      // Only the latest when every list that records it keeps only the latest.
      t.latestOnly &&= d.latestOnly === true;
      t.partialHistory &&= d.partialHistory === true;
      types.set(type, t);
    }
  };
  for (const n of Object.keys(LISTS).map(Number) as ListNumber[]) {
    if (!present.has(n)) continue;
    add(RECORDS[n].all);
    if (childLists.has(n)) add(RECORDS[n].own);
  }
  return {
    source: ANNEX_A_SOURCE,
    events: [...types].map(([type, t]) => ({ type, fields: [...t.fields], ...(t.latestOnly ? { latestOnly: true } : {}), ...(t.partialHistory ? { partialHistory: true } : {}) })),
    facts: present.has(9) ? ['careLeaver'] : [],
  };
}
