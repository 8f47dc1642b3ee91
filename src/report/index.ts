/**
 * The caseload report: one self-contained HTML page of a caseload's obligations for team and
 * service managers. A way in beside the command line: it uses the engine only through the
 * library's public entry, and its chart library (Vega) is loaded only by whoever imports this
 * module, never by the core entry.
 */
import type { Report } from '../index.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './bands.js';
import { CaseloadFigures, type ReportScope } from './collect.js';
import { renderPage, type PageOptions } from './page.js';

export { DEFAULT_THRESHOLDS, thresholdsProblem, type Band, type Thresholds } from './bands.js';
export { CaseloadFigures, type ReportScope } from './collect.js';
export { renderPage, type PageOptions } from './page.js';
export { formatCount, naturalCompare } from './format.js';

/** The report's defaults: the planner's 10 working days and a 12-month trend. */
export const DEFAULT_PLANNER_DAYS = 10;
/** How many whole months before the as-of month the trend covers. */
export const TREND_MONTHS = 12;

/**
 * The report of a list of case reports, as an HTML page. For a stream of cases, add each to a
 * {@link CaseloadFigures} and call {@link renderPage}.
 */
export async function caseloadReport(reports: Iterable<Report>, scope: Omit<ReportScope, 'plannerDays' | 'trendMonths'> & Partial<ReportScope>, options: Partial<PageOptions> = {}): Promise<string> {
  const figures = new CaseloadFigures({ plannerDays: DEFAULT_PLANNER_DAYS, trendMonths: TREND_MONTHS, ...scope });
  for (const r of reports) figures.add(r);
  const thresholds: Thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  return renderPage(figures, { ...options, thresholds });
}
