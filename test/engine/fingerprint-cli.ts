/** Prints the report fingerprint and this process's UTC offset, for the time-zone property. */
import { reportsFingerprint } from './fingerprint.js';

console.log(`${reportsFingerprint()} offset=${new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()}`);
