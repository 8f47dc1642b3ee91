import type { ImportFile } from './files.js';
import type { ImportEntry } from './problem.js';
import { importAnnexA } from './annex-a/index.js';
import { importCinCensus } from './cin-census/index.js';
import { importSsd } from './ssd/index.js';
import { importSsda903 } from './ssda903/index.js';

/** The formats councils already produce that the importers read. */
export const IMPORT_FORMATS = ['ssda903', 'cin-census', 'ssd', 'annex-a'] as const;
/** An import format, see {@link IMPORT_FORMATS}. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Each format's importer. */
export const IMPORTERS: Readonly<Record<ImportFormat, (files: readonly ImportFile[]) => AsyncIterable<ImportEntry>>> = {
  ssda903: importSsda903,
  'cin-census': importCinCensus,
  ssd: importSsd,
  'annex-a': importAnnexA,
};
