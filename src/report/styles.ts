/** The page's one style sheet, inline so that the file stands alone. System fonts only. */
export const STYLES = `
:root { --ink: #1a1a1a; --muted: #4d4d4d; --rule: #c8c8c8; --link: #0b4f8a; --green: #2e7d32; --amber: #8a5300; --red: #c62828; --note: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer.end { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
a { color: var(--link); }
a:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #1f4e79; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px 10px; z-index: 2; }
.notice { margin: 16px 0 8px; padding: 10px 14px; background: var(--note); border: 2px solid var(--amber); border-radius: 4px; }
h1 { font-size: 26px; margin: 12px 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 8px; border-top: 3px solid var(--ink); }
h3 { font-size: 17px; margin: 22px 0 6px; }
h4 { font-size: 15px; margin: 14px 0 4px; }
.lede, .what, .muted { color: var(--muted); }
nav ul { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
#filters { margin: 16px 0; padding: 12px 14px; border: 1px solid var(--rule); border-radius: 4px; background: #f6f8fa; display: flex; flex-wrap: wrap; gap: 10px 20px; align-items: end; }
#filters[hidden] { display: none; }
#filters label { display: flex; flex-direction: column; font-weight: 600; font-size: 14px; }
#filters select, #filters button { font: inherit; padding: 4px 6px; min-height: 32px; }
#filter-status { flex-basis: 100%; margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 12px 0; padding: 0; }
.figures > div { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
.figures dt { font-weight: 600; }
.figures dd { margin: 0; }
.figures .big { font-size: 30px; font-weight: 700; line-height: 1.2; }
.figures .what { font-size: 13px; }
figure { margin: 12px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); }
/* Links in tables are targets of their own: at least 24px high (WCAG 2.2, 2.5.8). */
td a, th a { display: inline-block; min-height: 24px; padding: 2px 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th[scope=colgroup] { background: #eef2f6; }
.nowrap { white-space: nowrap; }
.band { font-weight: 600; white-space: nowrap; }
.band::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; vertical-align: baseline; }
.band-green { color: var(--green); } .band-green::before { background: var(--green); }
.band-amber { color: var(--amber); } .band-amber::before { background: var(--amber); }
.band-red { color: var(--red); } .band-red::before { background: var(--red); }
.status { font-weight: 600; white-space: nowrap; }
.s-overdue { color: var(--red); } .s-met-late { color: var(--amber); } .s-met, .s-excepted { color: var(--green); } .s-due { color: #1f4e79; } .s-unknown { color: var(--muted); }
.why { max-width: 60ch; }
.cite { font-size: 13px; white-space: nowrap; }
details.equivalent > summary { cursor: pointer; color: var(--link); }
.timeline { border-top: 1px solid var(--rule); padding: 6px 0 10px; }
/* A caseload's lists are long: the browser lays out only what is near the screen. */
.timeline { content-visibility: auto; contain-intrinsic-size: auto 320px; }
.timeline svg { width: 100%; max-width: 900px; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; list-style: none; font-size: 14px; }
.legend svg { vertical-align: middle; }
blockquote { margin: 4px 0 10px 0; padding-left: 12px; border-left: 3px solid var(--rule); }
.rule-ref { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
footer.print { display: none; }
@media print {
  body { font-size: 11pt; }
  #filters, nav, .skip { display: none !important; }
  #filter-status-print:not(:empty) { display: block; font-style: italic; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, .timeline, figure, .figures > div { break-inside: avoid; }
  .timeline { content-visibility: visible; }
  a { color: inherit; text-decoration: none; }
  details.equivalent > *:not(summary) { display: block; }
  footer.print { display: block; position: fixed; bottom: 0; left: 0; right: 0; font-size: 9pt; text-align: center; background: #fff; border-top: 1px solid #999; }
  main { margin-bottom: 24pt; }
}
#filter-status-print { display: none; }
`;
