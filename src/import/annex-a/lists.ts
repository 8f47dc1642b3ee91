/**
 * The columns of Ofsted's Annex A lists that the importer reads, under the names of Annex A's
 * template and the variants councils' workbooks use (liia-tools' `annex-a-merge.yml`: the name,
 * else a pattern). Only the columns a timescale reads are here.
 */

/** A column read: its name in the template, and the patterns its variants match. */
export interface ListColumn {
  readonly name: string;
  readonly variants?: readonly RegExp[];
  /** A column that may not be blank: a row without it is left out. */
  readonly required?: boolean;
}

const CHILD_ID: ListColumn = { name: 'Child Unique ID', variants: [/.*child.*id.*/i], required: true };
const DOB: ListColumn = { name: 'Date of Birth', variants: [/.*date.*birth.*/i] };

/** The lists the importer reads (3 to 10), each with the columns it reads, by a short key. */
export const LISTS = {
  3: { title: 'referrals', columns: { id: CHILD_ID, dob: DOB, referral: { name: 'Date of referral', variants: [/.*date of.*referral.*/i], required: true } } },
  4: {
    title: 'assessments',
    columns: { id: CHILD_ID, dob: DOB, start: { name: 'Continuous Assessment Start Date', required: true }, authorised: { name: 'Continuous Assessment Date of Authorisation' } },
  },
  5: {
    title: 'section 47 enquiries',
    columns: {
      id: CHILD_ID,
      dob: DOB,
      start: { name: 'Strategy discussion initiating Section 47 Enquiry Start Date', required: true },
      unnecessary: { name: 'Was an Initial Child Protection Conference deemed unnecessary?' },
      icpc: { name: 'Date of Initial Child Protection Conference' },
    },
  },
  6: { title: 'children in need', columns: { id: CHILD_ID, dob: DOB, lastSeen: { name: 'Date Child Was Last Seen' }, closed: { name: 'CIN Closure Date' } } },
  7: {
    title: 'child protection plans',
    columns: {
      id: CHILD_ID,
      dob: DOB,
      start: { name: 'Child Protection Plan Start Date', required: true },
      lastVisit: { name: 'Date of the Last Statutory Visit' },
      seenAlone: { name: 'Was the Child Seen Alone?' },
      lastReview: { name: 'Date of latest review conference' },
      end: { name: 'Child Protection Plan End Date' },
    },
  },
  8: {
    title: 'looked-after children',
    columns: {
      id: CHILD_ID,
      dob: DOB,
      started: { name: 'Date Started to be Looked After', required: true },
      legalStatusStart: { name: 'Start date of current legal status' },
      legalStatus: { name: "Child's Legal Status", variants: [/.*child.*legal status.*/i] },
      lastReview: { name: 'Date of Latest Statutory Review' },
      lastVisit: { name: 'Date of Last Social Work Visit' },
      lastHealthAssessment: { name: 'Date of Last Health Assessment' },
      ceased: { name: 'Date Ceased to be Looked After' },
      placementStart: { name: 'Start Date of Most Recent Placement' },
      placementType: { name: 'Placement Type' },
    },
  },
  9: { title: 'care leavers', columns: { id: CHILD_ID, dob: DOB } },
  10: { title: 'adoptions', columns: { id: CHILD_ID, dob: DOB, adoptionOrder: { name: 'Date of Adoption Order' } } },
} as const satisfies Record<number, { title: string; columns: Record<string, ListColumn> }>;

/** A list the importer reads. */
export type ListNumber = keyof typeof LISTS;
/** The keys of a list's columns. */
export type ColumnKey<L extends ListNumber> = keyof (typeof LISTS)[L]['columns'];

/** Lists of Annex A the importer knows but does not read: contacts, early help, adopters. */
export const LISTS_NOT_READ: ReadonlySet<number> = new Set([1, 2, 11]);

/**
 * The list a sheet (or a CSV file) holds, from its name: `List 8`, `list_8`, `Annex A - List 8
 * (CLA).csv`, `L8`. Undefined when the name gives no list number.
 */
export function listNumberOf(name: string): number | undefined {
  const m = /(?:^|[^a-z])(?:list|l)[\s_-]*(\d{1,2})(?!\d)/i.exec(name.replace(/\.[a-z]+$/i, ''));
  return m ? Number(m[1]) : undefined;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Finds each column of a list among a header row: by its template name (ignoring case and
 * spacing), else by the first variant pattern that matches a header not taken. Returns the
 * index of each column found.
 */
export function matchColumns(columns: Readonly<Record<string, ListColumn>>, headers: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  const taken = new Set<number>();
  const names = headers.map(squash);
  for (const [key, c] of Object.entries(columns)) {
    const i = names.indexOf(squash(c.name));
    if (i >= 0 && !taken.has(i)) {
      found.set(key, i);
      taken.add(i);
    }
  }
  for (const [key, c] of Object.entries(columns)) {
    if (found.has(key)) continue;
    const i = headers.findIndex((h, k) => !taken.has(k) && h.trim() !== '' && (c.variants ?? []).some((re) => re.test(h.trim())));
    if (i >= 0) {
      found.set(key, i);
      taken.add(i);
    }
  }
  return found;
}
