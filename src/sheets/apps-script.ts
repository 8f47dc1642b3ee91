/**
 * Entry point of the Google Sheets bundle: built as an IIFE whose global `Timescales` the
 * Apps Script stubs (apps-script-stubs.gs) call.
 */

export { googleSheetFunctions, forGoogleSheets } from './google.js';
