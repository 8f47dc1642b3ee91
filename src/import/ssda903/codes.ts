import type { PlacementKind } from '../../schemas/primitives.js';

type LegalStatus = 'section-20' | 'interim-care-order' | 'care-order' | 'placement-order' | 'police-protection' | 'remand' | 'other';

/**
 * SSDA903 legal status (`LS`) codes as the snapshot's `legalStatus` of a period of care. Every
 * code in the 2024 schema is mapped; those with no category of their own are `other`.
 */
export const LEGAL_STATUS: Readonly<Record<string, LegalStatus>> = {
  C1: 'interim-care-order', // Interim care order
  C2: 'care-order', // Full care order
  D1: 'placement-order', // Freeing order granted: the order a placement order replaced (Adoption and Children Act 2002)
  E1: 'placement-order', // Placement order granted
  V2: 'section-20', // Single period of accommodation under section 20
  V3: 'section-20', // Accommodated under an agreed series of short-term breaks, individual episodes recorded
  V4: 'section-20', // Accommodated under an agreed series of short-term breaks, agreements recorded
  L1: 'police-protection', // Under police protection and in local authority accommodation
  L2: 'other', // Under an emergency protection order
  L3: 'other', // Under a child assessment order and in local authority accommodation
  J1: 'remand', // Remanded to local authority accommodation or to youth detention accommodation
  J2: 'other', // Placed in local authority accommodation under PACE
  J3: 'other', // Sentenced to a supervision order with residence requirement
};

/**
 * SSDA903 placement (`PLACE`, `PL` in the XML) codes as placement kinds. `P1` (placed with
 * parents) depends on the legal status, see {@link placementKind}.
 */
export const PLACEMENT_KIND: Readonly<Record<string, PlacementKind>> = {
  A3: 'adoptive', // Placed for adoption with consent, with current foster carer(s)
  A4: 'adoptive', // Placed for adoption with consent, not with current foster carer(s)
  A5: 'adoptive', // Placed for adoption with a placement order, with current foster carer(s)
  A6: 'adoptive', // Placed for adoption with a placement order, not with current foster carer(s)
  H5: 'other', // Semi-independent / supported accommodation not subject to children's homes regulations
  K1: 'residential', // Secure children's home
  K2: 'residential', // Children's home subject to Children's Homes Regulations
  P2: 'other', // Independent living (flat, lodgings, bedsit, B&B, with friends)
  P3: 'other', // Residential employment
  R1: 'residential', // Residential care home
  R2: 'health-setting', // NHS/Health Trust or other establishment providing medical or nursing care
  R3: 'other', // Family centre or mother and baby unit
  R5: 'young-offender-institution', // Young offender institution or prison
  S1: 'residential-school', // Residential school, except where dual-registered as a children's home
  U1: 'connected-person', // Foster placement with relative or friend: long-term fostering
  U2: 'connected-person', // Foster placement with relative or friend who is also an approved adopter (FFA/concurrent)
  U3: 'connected-person', // Foster placement with relative or friend: not long-term or FFA
  U4: 'foster', // Foster placement with other foster carer: long-term fostering
  U5: 'foster', // Foster placement with other foster carer who is also an approved adopter (FFA/concurrent)
  U6: 'foster', // Foster placement with other foster carer: not long-term or FFA
  Z1: 'other', // Other placements
};

/**
 * Placement codes that are not placements: temporary moves and absences while the child's
 * placement continues (T0 any temporary move within a placement; T1 hospital; T2 holiday;
 * T3 while the normal foster carers are not available; T4 seven days or less, no other code).
 * The placement before them goes on; none can be mapped to a placement kind.
 */
export const TEMPORARY_PLACEMENT: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);

/**
 * The placement kind of a `PLACE` code. `P1`, placed with own parents or others with parental
 * responsibility, is a placement with parents under an interim care order (C1) or a care order
 * (C2); under any other legal status it has no kind the standards distinguish and is `other`.
 * Undefined for a temporary code or an unknown one.
 */
export function placementKind(place: string, legalStatus: string): PlacementKind | undefined {
  if (place === 'P1') return legalStatus === 'C1' ? 'placed-with-parents-interim-care-order' : legalStatus === 'C2' ? 'placed-with-parents-care-order' : 'other';
  return PLACEMENT_KIND[place];
}

/**
 * Reasons for a new episode (`RNE`). S: started to be looked after; L: change of legal status
 * only; P: change of placement and carer(s) only; B: change of legal status and of placement and
 * carer(s); T: change of placement but the carer(s) stay the same; U: change of legal status and
 * of placement, the carer(s) staying the same. A new carer starts a new placement; the same
 * carer in a new placement is a change of living arrangements within the placement.
 */
export const NEW_EPISODE = {
  started: new Set(['S']),
  newPlacement: new Set(['P', 'B']),
  samePlacementChanged: new Set(['T', 'U']),
  legalStatusOnly: new Set(['L']),
} as const;

/** The reason an episode ended (`REC`) that is not an end of care: a new episode begins the same day. */
export const EPISODE_CONTINUES = 'X1';

/** `MISSING` codes: M missing; A away from placement without authorisation (not a missing episode). */
export const MISSING_CODES: ReadonlySet<string> = new Set(['M', 'A']);
