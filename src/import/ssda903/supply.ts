import type { Supply } from '../../schemas/supply.js';

/** The SSDA903 return in plain words, as explanations name it. */
export const SSDA903_SOURCE = 'the SSDA903 return';

/**
 * What the SSDA903 return records: periods of care with their legal status, placements with
 * their kind, looked-after reviews (without their number in the period of care) and missing
 * episodes. No visits, plans, health assessments, PEPs or care leaver contacts.
 */
export function ssda903Supply(careStartRecorded: boolean): Supply {
  return {
    source: SSDA903_SOURCE,
    events: [
      ...(careStartRecorded ? [{ type: 'became-looked-after', fields: ['legalStatus'] }] : []),
      { type: 'ceased-looked-after', fields: [] },
      { type: 'placement-started', fields: ['placementId', 'kind'] },
      { type: 'placement-changed', fields: ['placementId', 'kind'] },
      { type: 'placement-ended', fields: ['placementId'] },
      // A child in care before the return's records began may have had reviews it does not hold.
      { type: 'looked-after-review', fields: [], ...(careStartRecorded ? {} : { partialHistory: true }) },
      { type: 'missing-episode-started', fields: ['episodeId'] },
      { type: 'missing-episode-ended', fields: ['episodeId'] },
    ],
    facts: [],
  };
}
