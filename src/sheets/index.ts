/**
 * Spreadsheet functions (Excel custom functions and Google Sheets) and the date-only rule
 * helpers they are built on.
 */
export { sheetFunctions, type SheetFunctionOptions, type SheetFunctions, type CellInput, type CellOutput } from './functions.js';
export { dueFromAnchor, statusFromDates, findRuleById, type AnchorOptions, type DueFromAnchor, type StatusFromDates } from './rule-due.js';
export { ruleTable, timescaleWords, RULE_TABLE_HEADER } from './rule-table.js';
