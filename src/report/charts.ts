/**
 * The report's charts: Vega-Lite specifications compiled and rendered to static SVG by Vega in
 * Node, once, when the report is written. The page carries the SVG; no script draws it, so the
 * charts show with scripts off, in print and from an email attachment.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Band, Thresholds } from './bands.js';

/** Band colours: each at least 3:1 against white (WCAG 2.2, 1.4.11); a word always goes with them. */
export const BAND_COLOURS: Readonly<Record<Band, string>> = { green: '#2e7d32', amber: '#8a5300', red: '#c62828' };
const BAND_TINTS: Readonly<Record<Band, string>> = { green: '#e3f1e4', amber: '#fbf0dc', red: '#fbe4e4' };

const CONFIG = {
  // The page gives each chart a text equivalent and a label of its own (role="img").
  aria: false,
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelColor: '#1a1a1a', titleColor: '#1a1a1a', labelFontSize: 12, titleFontSize: 12, domainColor: '#595959', tickColor: '#595959', gridColor: '#e0e0e0' },
  header: { labelColor: '#1a1a1a', labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 0 },
} as const;

/**
 * Text widths for layout without a canvas. Vega's own guess (0.8 em a character) is about half
 * as wide again as a sans-serif font draws, which cuts rule titles short; this one uses rough
 * glyph classes of a sans-serif face, erring wide so that labels never overlap.
 */
function sansWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += /[ilj.,:;'!|ft]/.test(c) ? 0.3 : c === ' ' ? 0.3 : /[mwMW]/.test(c) ? 0.9 : /[A-Z]/.test(c) ? 0.7 : 0.58;
  return em * size;
}
// vega exports vega-scenegraph's textMetrics, which its type declarations leave out.
(vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (item: { fontSize?: number; limit?: number }, text?: string) => sansWidth(String(text ?? '').trim(), item.fontSize ?? 11);

/** Renders a Vega-Lite specification to an SVG string, with no network and no DOM. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    // Vega marks its groups with ARIA roles even with aria off; the page labels each chart as one
    // image (with a table of its figures), so the drawing itself is hidden from assistive technology.
    const svg = await view.toSVG();
    return svg.replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '').replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
  } finally {
    view.finalize();
  }
}

/** One bar: a name, its on-time percentage and band, and the label written beside it. */
export interface BarDatum {
  readonly name: string;
  readonly percent: number;
  readonly band: Band;
  readonly label: string;
}

function bandRanges(t: Thresholds): { band: Band; from: number; to: number; text: string }[] {
  return [
    { band: 'red' as const, from: 0, to: t.amber, text: 'red' },
    { band: 'amber' as const, from: t.amber, to: t.green, text: 'amber' },
    { band: 'green' as const, from: t.green, to: 100, text: 'green' },
  ].filter((r) => r.to > r.from);
}

const bandScale = { domain: ['green', 'amber', 'red'], range: [BAND_COLOURS.green, BAND_COLOURS.amber, BAND_COLOURS.red] };
const tintScale = { domain: ['green', 'amber', 'red'], range: [BAND_TINTS.green, BAND_TINTS.amber, BAND_TINTS.red] };

/**
 * Horizontal bars of on-time percentages over the red/amber/green bands, each bar labelled with
 * its figure and band in words, in the order given.
 */
export function barChartSpec(data: readonly BarDatum[], t: Thresholds, axisTitle: string): TopLevelSpec {
  const names = data.map((d) => d.name);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { ...CONFIG, axisY: { labelLimit: 360 } },
    width: 420,
    height: { step: 24 },
    layer: [
      {
        data: { values: bandRanges(t) },
        mark: { type: 'rect', opacity: 1 },
        encoding: {
          x: { field: 'from', type: 'quantitative', scale: { domain: [0, 100] } },
          x2: { field: 'to' },
          color: { field: 'band', type: 'nominal', scale: tintScale, legend: null },
        },
      },
      {
        data: { values: bandRanges(t) },
        mark: { type: 'text', baseline: 'bottom', dy: -4, align: 'center', fontSize: 11, color: '#1a1a1a' },
        encoding: { x: { field: 'mid', type: 'quantitative' }, y: { value: 0 }, text: { field: 'text' } },
        transform: [{ calculate: '(datum.from + datum.to) / 2', as: 'mid' }],
      },
      {
        data: { values: data as BarDatum[] },
        layer: [
          {
            mark: { type: 'bar', height: 14 },
            encoding: {
              y: { field: 'name', type: 'nominal', sort: names, title: null, axis: { labelLimit: 360 } },
              x: { field: 'percent', type: 'quantitative', stack: null, scale: { domain: [0, 100] }, title: axisTitle, axis: { values: [0, 25, 50, 75, 100], labelExpr: "datum.value + '%'" } },
              color: { field: 'band', type: 'nominal', scale: bandScale, legend: null },
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, color: '#1a1a1a' },
            encoding: {
              y: { field: 'name', type: 'nominal', sort: names, title: null, axis: { labelLimit: 360 } },
              x: { field: 'percent', type: 'quantitative', stack: null },
              text: { field: 'label' },
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}

/** One point of the trend: a month, a series (overall or a team) and its on-time percentage. */
export interface TrendDatum {
  readonly month: string;
  readonly series: string;
  readonly percent: number | null;
  readonly judged: number;
}

function monthLabel(month: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
}

function trendLayers(months: readonly string[], t: Thresholds, withLabels: boolean): unknown[] {
  const x = { field: 'monthLabel', type: 'ordinal', scale: { domain: months.map(monthLabel) }, title: 'Month of due date', axis: { labelAngle: -40 } };
  const y = { field: 'percent', type: 'quantitative', scale: { domain: [0, 100] }, title: '% on time', axis: { values: [0, 25, 50, 75, 100], labelExpr: "datum.value + '%'" } };
  const layers: unknown[] = [
    { mark: { type: 'rule', strokeDash: [4, 3], color: BAND_COLOURS.green }, encoding: { y: { datum: t.green } } },
    { mark: { type: 'rule', strokeDash: [2, 2], color: BAND_COLOURS.amber }, encoding: { y: { datum: t.amber } } },
    { mark: { type: 'line', color: '#1f4e79', strokeWidth: 2 }, encoding: { x, y } },
    { mark: { type: 'point', filled: true, color: '#1f4e79', size: 30 }, encoding: { x, y } },
  ];
  if (withLabels) layers.push({ mark: { type: 'text', dy: -9, fontSize: 10, color: '#1a1a1a' }, encoding: { x, y, text: { field: 'percentText' } } });
  return layers;
}

/**
 * The on-time rate by month of due date: one line overall (labelled with each month's figure),
 * or small multiples, one per team, when there is more than one series. Months where nothing
 * fell due leave a gap rather than a zero.
 */
export function trendSpec(data: readonly TrendDatum[], months: readonly string[], t: Thresholds, series: readonly string[]): TopLevelSpec {
  const values = data.filter((d) => d.percent !== null).map((d) => ({ ...d, monthLabel: monthLabel(d.month), percentText: `${Math.round(d.percent!)}%` }));
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, data: { values } } as const;
  if (series.length <= 1) {
    return { ...base, width: 560, height: 200, layer: trendLayers(months, t, true) } as TopLevelSpec;
  }
  return {
    ...base,
    facet: { field: 'series', type: 'nominal', sort: [...series], title: null },
    columns: 3,
    spec: { width: 220, height: 110, layer: trendLayers(months, t, false) },
  } as TopLevelSpec;
}
