import type { Obligation } from '../index.js';
import { bandOf, thresholdsText, type Band, type Thresholds } from './bands.js';
import { barChartSpec, renderSvg, trendSpec, type BarDatum, type TrendDatum } from './charts.js';
import { judged, type CaseloadFigures, type ChildTimeline, type OverdueItem, type PlannerItem, type RuleInfo, type Tally } from './collect.js';
import { countOf, formatCount, formatPercent, naturalCompare, percentDown } from './format.js';
import { attrs, dateText, esc, monthText, time, weekdayText } from './html.js';
import { FILTER_SCRIPT } from './script.js';
import { STYLES } from './styles.js';
import { LISTED, timelineLegend, timelineSvg } from './timeline.js';

/** How the page is written. */
export interface PageOptions {
  readonly thresholds: Thresholds;
  /** What the caseload was narrowed to before the report was made (e.g. `team east`), said at the top. */
  readonly narrowedTo?: string;
  /** Names the program that wrote the page, e.g. `practice-timescales 0.1.0`. */
  readonly generator?: string;
}

const AREAS: Readonly<Record<Obligation['area'], string>> = {
  assessment: 'Assessment',
  visits: 'Visits',
  'meetings-and-plans': 'Meetings and plans',
  reviews: 'Reviews',
  supervision: 'Supervision',
  recording: 'Recording',
};

const STATUS_WORDS: Readonly<Record<string, string>> = { overdue: 'Overdue', 'met-late': 'Met late', due: 'Coming due', unknown: 'Unknown', met: 'Met', excepted: 'Excepted' };

const NO_TEAM = 'No team given';
const NO_WORKER = 'No worker given';

function teamName(team: string | null): string {
  return team === null ? NO_TEAM : team;
}
function workerName(worker: string | null): string {
  return worker === null ? NO_WORKER : worker;
}
/** Filter keys: a prefix keeps "no team" apart from any team's name. */
function key(v: string | null): string {
  return v === null ? 'n:' : `t:${v}`;
}
/** Natural order, with "none given" last. */
function byName(a: string | null, b: string | null): number {
  return a === null ? (b === null ? 0 : 1) : b === null ? -1 : naturalCompare(a, b);
}

function bandHtml(band: Band | null): string {
  return band === null ? '<span class="muted">none judged</span>' : `<span class="band band-${band}">${band}</span>`;
}

/** The context every section writes with: rule anchors, case anchors and thresholds. */
class Writer {
  private readonly ruleIndex = new Map<string, number>();
  private readonly caseIndex = new Map<string, number>();
  private readonly titleCount = new Map<string, number>();

  constructor(
    readonly figures: CaseloadFigures,
    readonly thresholds: Thresholds,
  ) {
    [...figures.rules.keys()].forEach((id, i) => this.ruleIndex.set(id, i));
    figures.timelines.forEach((t, i) => this.caseIndex.set(t.caseId, i));
    for (const r of figures.rules.values()) this.titleCount.set(r.title, (this.titleCount.get(r.title) ?? 0) + 1);
  }

  /** A rule's title; where a local set and its baseline share a title, with the rule set's id. */
  title(ruleId: string): string {
    const r = this.rule(ruleId);
    return this.titleCount.get(r.title)! > 1 ? `${r.title} (${r.ruleSet})` : r.title;
  }

  rule(ruleId: string): RuleInfo {
    return this.figures.rules.get(ruleId)!;
  }

  ruleNumber(ruleId: string): number {
    return this.ruleIndex.get(ruleId)!;
  }

  /** A rule by its title, linked to its citation, its id on hover. */
  ruleLink(ruleId: string): string {
    return `<a href="#rule-${this.ruleIndex.get(ruleId)}"${attrs({ title: ruleId })}>${esc(this.title(ruleId))}</a>`;
  }

  /** A case id, linked to the child's timeline. */
  caseLink(caseId: string): string {
    const i = this.caseIndex.get(caseId);
    return i === undefined ? esc(caseId) : `<a href="#case-${i}">${esc(caseId)}</a>`;
  }

  filterAttrs(kind: string, o: { team?: string | null; worker?: string | null; area?: string }): string {
    return attrs({ 'data-f': kind, 'data-team': o.team === undefined ? undefined : key(o.team), 'data-worker': o.worker === undefined ? undefined : key(o.worker), 'data-area': o.area });
  }

  percent(t: Tally): { percent: number | null; band: Band | null } {
    const p = percentDown(t.onTime, judged(t));
    return { percent: p, band: bandOf(p, this.thresholds) };
  }
}

function header(w: Writer, options: PageOptions): string {
  const f = w.figures;
  const { scope } = f;
  return `<header>
<p class="notice" role="note"><strong>This report holds case-level data.</strong> It names children's case ids with their teams and workers. Store, share and delete it under your organisation's rules for personal data.</p>
<h1>Practice timescales: caseload report</h1>
<p class="lede">As of ${time(scope.asOf)}, under ${esc(scope.ruleSet.title)} <span class="rule-ref">(${esc(scope.ruleSet.id)})</span>. ${countOf(f.children, 'child', 'children')}${options.narrowedTo ? ` (${esc(options.narrowedTo)})` : ''}${f.rejected > 0 ? `; ${countOf(f.rejected, 'record')} could not be read and ${f.rejected === 1 ? 'is' : 'are'} in no figure` : ''}. From the case records it shows only case ids, teams and workers; everything else is worked out from them by the rules.${options.generator ? ` Written by ${esc(options.generator)}.` : ''}</p>
<nav aria-label="Sections"><ul>
<li><a href="#headline">Headline figures</a></li><li><a href="#by-rule">On time by rule</a></li><li><a href="#by-team">On time by team</a></li><li><a href="#trend">The trend</a></li><li><a href="#overdue">Overdue now</a></li><li><a href="#planner">Coming due</a></li><li><a href="#timelines">Timelines</a></li><li><a href="#rules">Rules cited</a></li><li><a href="#reading">How to read this report</a></li>
</ul></nav>
</header>`;
}

function filters(w: Writer): string {
  const f = w.figures;
  const teams = [...f.teams.keys()].sort(byName);
  const workers: (string | null)[] = [...f.workers].sort(naturalCompare);
  if (f.timelines.some((t) => t.worker === null) || f.overdue.some((o) => o.worker === null)) workers.push(null);
  const areas = [...new Set([...f.rules.values()].map((r) => r.area))].sort((a, b) => naturalCompare(AREAS[a], AREAS[b]));
  const select = (name: string, label: string, options: string) => `<label>${label}<select name="${name}"><option value="">All</option>${options}</select></label>`;
  return `<form id="filters" hidden aria-label="Filters">
${select('team', 'Team', teams.map((t) => `<option${attrs({ value: key(t) })}>${esc(teamName(t))}</option>`).join(''))}
${select('worker', 'Worker', workers.map((t) => `<option${attrs({ value: key(t) })}>${esc(workerName(t))}</option>`).join(''))}
${select('area', 'Rule area', areas.map((a) => `<option${attrs({ value: a })}>${esc(AREAS[a])}</option>`).join(''))}
<button type="reset">Show everything</button>
<p id="filter-status" role="status" aria-live="polite"></p>
</form>
<p id="filter-status-print"></p>`;
}

function headline(w: Writer): string {
  const f = w.figures;
  const { percent, band } = w.percent(f.overall);
  const overdueChildren = new Set(f.overdue.map((o) => o.caseId)).size;
  const figure = (title: string, value: string, what: string) => `<div><dt>${title}</dt><dd class="big">${value}</dd><dd class="what">${what}</dd></div>`;
  return `<section id="headline" aria-labelledby="headline-h"><h2 id="headline-h">Headline figures</h2>
<dl class="figures">
${figure('Children', formatCount(f.children), 'Case snapshots evaluated.')}
${figure('Obligations judged', formatCount(judged(f.overall)), 'Duties that have been met, or whose due date has passed: the ones an on-time rate is of.')}
${figure('On time', `${formatPercent(percent)} ${bandHtml(band)}`, `Of the obligations judged, those met on time or under a recorded exception (${formatCount(f.overall.onTime)}); rounded down.`)}
${figure('Overdue now', formatCount(f.overall.overdue), `Obligations past their due date and not met, for ${countOf(overdueChildren, 'child', 'children')}.`)}
${figure(`Due in the next ${w.figures.scope.plannerDays} working days`, formatCount(f.planner.length), `Open obligations falling due after ${dateText(f.scope.asOf)} up to ${dateText(f.plannerTo)}, or due today.`)}
</dl>
${f.overall.unknown > 0 ? `<p>${countOf(f.overall.unknown, 'obligation')} could not be worked out because a fact is missing (for example school term dates); they are in no rate.</p>` : ''}
</section>`;
}

async function chartFigure(spec: Parameters<typeof renderSvg>[0], label: string, caption: string): Promise<string> {
  const svg = await renderSvg(spec);
  return `<figure><div role="img"${attrs({ 'aria-label': label })}>${svg}</div><figcaption>${caption}</figcaption></figure>`;
}

function tallyCells(t: Tally): string {
  return `<td class="n">${formatCount(judged(t))}</td><td class="n">${formatCount(t.onTime)}</td><td class="n">${formatCount(t.late)}</td><td class="n">${formatCount(t.overdue)}</td><td class="n">${formatCount(t.due)}</td><td class="n">${formatCount(t.unknown)}</td>`;
}
const TALLY_HEADS = '<th scope="col" class="n">Judged</th><th scope="col" class="n">On time</th><th scope="col" class="n">Met late</th><th scope="col" class="n">Overdue now</th><th scope="col" class="n">Not yet due</th><th scope="col" class="n">Unknown</th><th scope="col" class="n">% on time</th><th scope="col">Band</th>';

async function byRule(w: Writer): Promise<string> {
  const rows = [...w.figures.rules.values()]
    .map((r) => ({ r, ...w.percent(r.tally) }))
    .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || naturalCompare(w.title(a.r.ruleId), w.title(b.r.ruleId)));
  const bars: BarDatum[] = rows.filter((x) => x.percent !== null).map((x) => ({ name: w.title(x.r.ruleId), percent: x.percent!, band: x.band!, label: `${formatPercent(x.percent)} · ${x.band} · ${formatCount(judged(x.r.tally))} judged` }));
  const chart = bars.length === 0 ? '<p>No obligation has been judged yet.</p>' : await chartFigure(barChartSpec(bars, w.thresholds, '% on time'), `Bar chart: % on time by rule, lowest first. ${bars.map((b) => `${b.name}: ${b.label}`).join('; ')}.`, 'Each bar is one rule’s on-time rate; the shaded bands are red, amber and green. The table below gives the same figures.');
  return `<section id="by-rule" aria-labelledby="by-rule-h"><h2 id="by-rule-h">On time by rule</h2>
<p>Lowest on-time rate first. Bands: ${thresholdsText(w.thresholds)}.</p>
${chart}
<table><caption>On time by rule (the chart’s figures)</caption><thead><tr><th scope="col">Rule</th><th scope="col">Area</th>${TALLY_HEADS}</tr></thead><tbody>
${rows.map((x) => `<tr${w.filterAttrs('rule', { area: x.r.area })}><th scope="row">${w.ruleLink(x.r.ruleId)}</th><td>${esc(AREAS[x.r.area])}</td>${tallyCells(x.r.tally)}<td class="n">${formatPercent(x.percent)}</td><td>${bandHtml(x.band)}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

async function byTeam(w: Writer): Promise<string> {
  const f = w.figures;
  const rows = [...f.teams.entries()].sort(([a], [b]) => byName(a, b)).map(([team, t]) => ({ team, t, ...w.percent(t) }));
  const bars: BarDatum[] = rows.filter((x) => x.percent !== null).map((x) => ({ name: teamName(x.team), percent: x.percent!, band: x.band!, label: `${formatPercent(x.percent)} · ${x.band} · ${formatCount(judged(x.t))} judged` }));
  const chart = bars.length === 0 ? '<p>No obligation has been judged yet.</p>' : await chartFigure(barChartSpec(bars, w.thresholds, '% on time'), `Bar chart: % on time by team. ${bars.map((b) => `${b.name}: ${b.label}`).join('; ')}.`, 'Each bar is one team’s on-time rate over all rules. The table below gives the same figures.');
  return `<section id="by-team" aria-labelledby="by-team-h"><h2 id="by-team-h">On time by team</h2>
<p>Teams in order of name. Bands: ${thresholdsText(w.thresholds)}.</p>
${chart}
<table><caption>On time by team (the chart’s figures)</caption><thead><tr><th scope="col">Team</th><th scope="col" class="n">Children</th>${TALLY_HEADS}</tr></thead><tbody>
${rows.map((x) => `<tr${w.filterAttrs('team', { team: x.team })}><th scope="row">${esc(teamName(x.team))}</th><td class="n">${formatCount(f.childrenByTeam.get(x.team) ?? 0)}</td>${tallyCells(x.t)}<td class="n">${formatPercent(x.percent)}</td><td>${bandHtml(x.band)}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

async function trend(w: Writer): Promise<string> {
  const f = w.figures;
  const months = f.months;
  const teams = [...f.teams.keys()].sort(byName);
  const ALL = 'All teams';
  const overall: TrendDatum[] = months.map((m) => ({ month: m, series: ALL, ...pointOf(f.trend.get(m)!.all) }));
  const overallLabel = `Line chart: % on time by month of due date, all teams. ${overall.map((d) => `${monthText(d.month)}: ${d.percent === null ? 'nothing due' : `${formatPercent(d.percent)} of ${formatCount(d.judged)}`}`).join('; ')}.`;
  const parts = [await chartFigure(trendSpec(overall, months, w.thresholds, [ALL]), overallLabel, `All teams. The dashed lines mark the green (${w.thresholds.green}%) and amber (${w.thresholds.amber}%) thresholds.`)];
  const named = teams.filter((t): t is string => t !== null);
  if (named.length > 1) {
    const teamData: TrendDatum[] = named.flatMap((team) => months.map((m) => ({ month: m, series: team, ...teamPoint(f, m, team) })));
    parts.push(await chartFigure(trendSpec(teamData, months, w.thresholds, named), `Small multiple line charts: % on time by month of due date for each team; the table below gives every figure.`, 'One small chart per team, on the same scales.'));
  }
  const head = months.map((m) => `<th scope="col" class="n"${attrs({ title: monthText(m) })}>${esc(monthText(m).replace(/^(\w{3})\w* (\d{4})$/, '$1 $2'))}</th>`).join('');
  const row = (name: string, attr: string, cells: { percent: number | null; judged: number }[]) => `<tr${attr}><th scope="row">${esc(name)}</th>${cells.map((c) => `<td class="n">${c.percent === null ? '<span class="muted">–</span>' : formatPercent(c.percent)}</td>`).join('')}</tr>`;
  const rows = [
    row(ALL, '', overall),
    `<tr><th scope="row">Judged, all teams</th>${overall.map((c) => `<td class="n">${formatCount(c.judged)}</td>`).join('')}</tr>`,
    ...named.map((team) => row(team, w.filterAttrs('team', { team }), months.map((m) => teamPoint(f, m, team)))),
  ];
  return `<section id="trend" aria-labelledby="trend-h"><h2 id="trend-h">The trend: on time by month of due date</h2>
<p>For each of the 12 whole months before ${monthText(f.scope.asOf.slice(0, 7))}, the share of the obligations that fell due in that month which were met on time (of those met or now overdue). A rising line means practice is improving. A dash means nothing fell due.</p>
${parts.join('\n')}
<table><caption>% on time by month of due date</caption><thead><tr><th scope="col">Teams</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function pointOf(t: Tally | undefined): { percent: number | null; judged: number } {
  return t ? { percent: percentDown(t.onTime, judged(t)), judged: judged(t) } : { percent: null, judged: 0 };
}

function teamPoint(f: CaseloadFigures, month: string, team: string): { percent: number | null; judged: number } {
  return pointOf(f.trend.get(month)!.teams.get(team));
}

function groupBy<T>(items: readonly T[], by: (x: T) => string | null): [string | null, T[]][] {
  const map = new Map<string | null, T[]>();
  for (const x of items) {
    const k = by(x);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(x);
  }
  return [...map.entries()].sort(([a], [b]) => byName(a, b));
}

function longestFirst(a: OverdueItem, b: OverdueItem): number {
  return b.workingDays - a.workingDays || b.calendarDays - a.calendarDays || naturalCompare(a.caseId, b.caseId) || naturalCompare(a.ruleId, b.ruleId);
}

function overdue(w: Writer): string {
  const f = w.figures;
  if (f.overdue.length === 0) return `<section id="overdue" aria-labelledby="overdue-h"><h2 id="overdue-h">Overdue now</h2><p>Nothing is overdue.</p></section>`;
  const teams = groupBy(f.overdue, (o) => o.team).map(([team, items]) => {
    const workers = groupBy(items, (o) => o.worker).map(([worker, list]) => {
      const rows = list.sort(longestFirst).map((o) => {
        return `<tr${w.filterAttrs('overdue', { team: o.team, worker: o.worker, area: w.rule(o.ruleId).area })}><td class="n">${countOf(o.workingDays, 'working day')}</td><th scope="row">${w.caseLink(o.caseId)}</th><td>${w.ruleLink(o.ruleId)}</td><td class="nowrap">${time(o.due)}</td><td class="why">${esc(o.explanation)} <a class="cite" href="#rule-${w.ruleNumber(o.ruleId)}">The standard’s words</a></td></tr>`;
      });
      return `<div data-group><h4>${worker === null ? NO_WORKER : `Worker ${esc(worker)}`}: ${countOf(list.length, 'overdue obligation')}</h4>
<table><thead><tr><th scope="col" class="n">Overdue by</th><th scope="col">Case</th><th scope="col">Rule</th><th scope="col">Was due</th><th scope="col">Why, citing the standard</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
    });
    return `<section data-group${attrs({ 'aria-label': `Overdue, ${teamName(team)}` })}><h3>${team === null ? NO_TEAM : `Team ${esc(team)}`}: ${countOf(items.length, 'overdue obligation')}</h3>
${workers.join('\n')}</section>`;
  });
  return `<section id="overdue" aria-labelledby="overdue-h"><h2 id="overdue-h">Overdue now</h2>
<p>${countOf(f.overdue.length, 'obligation')} past ${f.overdue.length === 1 ? 'its' : 'their'} due date and not met, by team and worker, the longest overdue first. Each case id leads to the child’s timeline; each rule to its citation.</p>
${teams.join('\n')}</section>`;
}

function planner(w: Writer): string {
  const f = w.figures;
  const intro = `<p>Open obligations falling due by ${time(f.plannerTo)}, the end of the next ${f.scope.plannerDays} working days, by worker and date.</p>`;
  if (f.planner.length === 0) return `<section id="planner" aria-labelledby="planner-h"><h2 id="planner-h">Coming due: the next ${f.scope.plannerDays} working days</h2>${intro}<p>Nothing falls due.</p></section>`;
  const workers = groupBy(f.planner, (p) => p.worker).map(([worker, items]) => {
    const dates = [...groupBy(items, (p) => p.due)].sort(([a], [b]) => (a! < b! ? -1 : 1));
    const bodies = dates.map(([date, list]) => {
      const rows = list
        .sort((a, b) => naturalCompare(a.caseId, b.caseId) || naturalCompare(a.ruleId, b.ruleId))
        .map((p: PlannerItem) => `<tr${w.filterAttrs('planner', { team: p.team, worker: p.worker, area: w.rule(p.ruleId).area })}><th scope="row">${w.caseLink(p.caseId)}</th><td>${w.ruleLink(p.ruleId)}</td><td>${esc(teamName(p.team))}</td><td class="nowrap">${p.dueAt === null ? 'by the end of the day' : `by ${esc(p.dueAt.slice(11, 16))}`}</td></tr>`);
      return `<tbody data-group><tr><th colspan="4" scope="colgroup">${weekdayText(date!)} ${time(date!)}: ${countOf(list.length, 'obligation')}</th></tr>
${rows.join('\n')}</tbody>`;
    });
    return `<div data-group><h3>${worker === null ? NO_WORKER : `Worker ${esc(worker)}`}: ${countOf(items.length, 'obligation')}</h3>
<table><thead><tr><th scope="col">Case</th><th scope="col">Rule</th><th scope="col">Team</th><th scope="col">When</th></tr></thead>
${bodies.join('\n')}</table></div>`;
  });
  return `<section id="planner" aria-labelledby="planner-h"><h2 id="planner-h">Coming due: the next ${f.scope.plannerDays} working days</h2>
${intro}
${workers.join('\n')}</section>`;
}

function timeline(w: Writer, child: ChildTimeline, index: number): string {
  const asOf = w.figures.scope.asOf;
  const counts = new Map<string, number>();
  for (const m of child.marks) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const summary = ['overdue', 'met-late', 'due', 'unknown', 'met', 'excepted']
    .filter((s) => counts.has(s))
    .map((s) => `${formatCount(counts.get(s)!)} ${STATUS_WORDS[s]!.toLowerCase()}`)
    .join(', ');
  const listed = child.marks
    .filter((m) => LISTED.has(m.status) && (m.status !== 'due' || (m.due !== null && m.due <= w.figures.plannerTo)))
    .sort((a, b) => (a.due ?? '9999') .localeCompare(b.due ?? '9999') || naturalCompare(a.ruleId, b.ruleId));
  const rows = listed.map(
    (m) =>
      `<tr><td>${w.ruleLink(m.ruleId)}</td><td><span class="status s-${m.status}">${STATUS_WORDS[m.status]}</span>${m.workingDaysLate !== null && (m.status === 'overdue' || m.status === 'met-late') ? ` by ${countOf(m.workingDaysLate, 'working day')}` : ''}</td><td>${m.anchor ? `${esc(m.anchor.label)}, ${time(m.anchor.date)}` : '–'}</td><td class="nowrap">${m.due ? time(m.due) : '–'}</td><td class="nowrap">${m.metOn ? time(m.metOn) : '–'}</td></tr>`,
  );
  const label = `Timeline of case ${child.caseId}: ${summary}.`;
  return `<article class="timeline" id="case-${index}"${w.filterAttrs('child', { team: child.team, worker: child.worker })}>
<h3>Case ${esc(child.caseId)}</h3>
<p class="muted">${esc(teamName(child.team))} · ${esc(workerName(child.worker))} · ${countOf(child.marks.length, 'obligation')}: ${summary}.</p>
${timelineSvg(child, asOf, label)}
${rows.length === 0 ? '' : `<table><caption>Case ${esc(child.caseId)}: overdue, coming due and unknown</caption><thead><tr><th scope="col">Rule</th><th scope="col">Status</th><th scope="col">Clock started</th><th scope="col">Due</th><th scope="col">Met on</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`}
</article>`;
}

function timelines(w: Writer): string {
  const f = w.figures;
  const order = f.timelines.map((t, i) => ({ t, i })).sort((a, b) => naturalCompare(a.t.caseId, b.t.caseId));
  return `<section id="timelines" aria-labelledby="timelines-h"><h2 id="timelines-h">Children’s timelines</h2>
<p>Each child with something overdue now or coming due (${countOf(f.timelines.length, 'child', 'children')} of ${formatCount(f.children)}), in order of case id: every obligation on one line through time, from the earliest date to the latest due date, with the as-of date marked. Below each line, a table lists what is overdue, unknown or coming due by the end of the planner; what was met (on time or late) is counted and drawn.</p>
${timelineLegend()}
${order.map(({ t, i }) => timeline(w, t, i)).join('\n')}
</section>`;
}

function rulesCited(w: Writer): string {
  const list = [...w.figures.rules.values()].map((r, i) => ({ r, i })).sort((a, b) => naturalCompare(AREAS[a.r.area], AREAS[b.r.area]) || naturalCompare(w.title(a.r.ruleId), w.title(b.r.ruleId)));
  return `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules cited</h2>
<p>Every rule in this report, with its id, the standard it comes from and the words it rests on.</p>
${list
  .map(({ r, i }) => `<div id="rule-${i}"${w.filterAttrs('rule', { area: r.area })}><h3>${esc(w.title(r.ruleId))}</h3><p class="rule-ref">${esc(r.ruleId)} · ${esc(r.ruleSet)} · ${esc(AREAS[r.area])}</p><blockquote>${esc(r.cite.quote)}</blockquote><p>${esc(r.cite.document)}, ${esc(r.cite.section)}.</p></div>`)
  .join('\n')}
</section>`;
}

function reading(w: Writer): string {
  const f = w.figures;
  return `<section id="reading" aria-labelledby="reading-h"><h2 id="reading-h">How to read this report</h2>
<ul>
<li>Every figure comes from the practice-timescales engine: each child’s snapshot is evaluated under ${esc(f.scope.ruleSet.title)} as of ${dateText(f.scope.asOf)}, counting working days with England and Wales bank holidays.</li>
<li><strong>Judged</strong> obligations are those met (on time or late) or overdue. Those not yet due are not judged. <strong>On time</strong> counts those met on time or under a recorded exception. Percentages are rounded down, so 100% means nothing was late.</li>
<li><strong>Bands</strong>: ${thresholdsText(w.thresholds)}. The band is always written beside its colour.</li>
<li><strong>The trend</strong> groups obligations by the month they fell due, so a month’s figure can still fall as its open obligations pass their due date.</li>
<li><strong>Filters</strong> (when the page’s script runs) narrow the tables and lists; the headline figures and charts stay those of the whole report. Printed, the page shows what the filters show.</li>
<li>From the case records the report shows only case ids, teams and workers. Dates and descriptions are the engine’s.</li>
</ul></section>`;
}

/**
 * The report as one self-contained HTML page: inline styles, one inline script (filters), charts
 * as inline SVG, no external resources, readable with scripts off and in print.
 */
export async function renderPage(figures: CaseloadFigures, options: PageOptions): Promise<string> {
  const w = new Writer(figures, options.thresholds);
  const body = [header(w, options), `<main id="main">`, filters(w), headline(w), await byRule(w), await byTeam(w), await trend(w), overdue(w), planner(w), timelines(w), rulesCited(w), reading(w), `</main>`].join('\n');
  const title = `Caseload report as of ${dateText(figures.scope.asOf)}: ${figures.scope.ruleSet.title}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${body}
<footer class="print">Case-level data: case ids, teams and workers. Handle under your organisation’s rules for personal data.</footer>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}
