import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, findRule, generateSnapshot, type CaseSnapshot, type Obligation, type Report, type Rule, type RuleSet, type Selector } from '../../src/index.js';
import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { reportsFingerprint } from './fingerprint.js';
import { SAMPLE_RULES } from './sample-rules.js';

const AS_OF = '2024-04-09';
const SETS: readonly (string | RuleSet)[] = [SAMPLE_RULES, 'leeds-2023', 'west-berkshire'];
const setName = (s: string | RuleSet) => (typeof s === 'string' ? s : s.id);
const runs = { numRuns: 60 };

const generated = fc.record({ seed: fc.integer({ min: 0, max: 1_000_000 }), index: fc.nat(100_000) }).map(({ seed, index }) => generateSnapshot(seed, index, AS_OF));

function shuffledCopy(s: CaseSnapshot) {
  const all = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
  return fc.record({
    events: all(s.events),
    variations: all(s.variations ?? []),
    terms: all(s.schoolTerms?.terms ?? []),
  }).map(({ events, variations, terms }): CaseSnapshot => ({
    ...s,
    events,
    ...(s.variations ? { variations } : {}),
    ...(s.schoolTerms ? { schoolTerms: { ...s.schoolTerms, terms } } : {}),
  }));
}

describe('the order of the input does not change the report', () => {
  it('for shuffled events, variations and school terms', () => {
    fc.assert(
      fc.property(generated.chain((s) => fc.tuple(fc.constant(s), shuffledCopy(s))), ([s, shuffled]) => {
        for (const ruleSet of SETS) expect(evaluate(shuffled, { ruleSet, asOf: AS_OF }), setName(ruleSet)).toEqual(evaluate(s, { ruleSet, asOf: AS_OF }));
      }),
      runs,
    );
  });
});

// ---- adding an on-time satisfying event ----

const addDays = (date: string, n: number) => formatIsoDate(parseIsoDate(date) + n);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Field values that make an event match a selector (the first of any list, absent for null). */
function fieldsFor(selector: Selector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(selector.where ?? {})) {
    const value = Array.isArray(v) ? v.find((x) => x !== null) : v;
    if (value === null || value === undefined) continue;
    out[k] = typeof value === 'object' ? value.atLeast : value;
  }
  return out;
}

function eventFor(selector: Selector, date: string, o: Obligation, snap: CaseSnapshot, link: string | undefined): Record<string, unknown> {
  const type = Array.isArray(selector.type) ? selector.type[0]! : selector.type;
  const anchorEvent = snap.events.find((e) => e.id === o.anchor?.eventId) as Record<string, unknown> | undefined;
  const event: Record<string, unknown> = { type, id: 'added-on-time', date, ...fieldsFor(selector) };
  if (type === 'visit' && event.mode === undefined) event.mode = 'in-person';
  if (link === 'forEventId') event.forEventId = o.anchor!.eventId;
  else if (link !== undefined && anchorEvent?.[link] !== undefined) event[link] = anchorEvent[link];
  if (anchorEvent?.placementId !== undefined && type === 'visit') event.placementId = anchorEvent.placementId;
  return event;
}

/** The snapshot with one record added (or a recording date filled in) that meets `o` on time. */
function meetOnTime(snap: CaseSnapshot, o: Obligation, rule: Rule): CaseSnapshot | undefined {
  if ((o.status !== 'due' && o.status !== 'overdue') || !o.anchor || !o.due) return undefined;
  const due = o.due.slice(0, 10);
  const latest = minDate(due, AS_OF);
  const add = (selector: Selector, date: string, link?: string): CaseSnapshot | undefined =>
    date > latest || date < o.anchor!.date ? undefined : { ...snap, events: [...snap.events, eventFor(selector, date, o, snap, link) as CaseSnapshot['events'][number]] };
  switch (rule.kind) {
    case 'deadline': {
      if (rule.satisfiedBy.anchorField) {
        const events = snap.events.map((e) => (e.id === o.anchor!.eventId ? { ...e, [rule.satisfiedBy.anchorField!]: o.anchor!.date } : e));
        return { ...snap, events };
      }
      const date = o.anchor.eventId === null ? latest : rule.satisfiedBy.onAnchorDay === false ? addDays(o.anchor.date, 1) : o.anchor.date;
      return o.anchor.eventId === null
        ? { ...snap, events: [...snap.events, eventFor(rule.satisfiedBy.events![0]!, date, o, snap, rule.satisfiedBy.link) as CaseSnapshot['events'][number]] }
        : add(rule.satisfiedBy.events![0]!, date, rule.satisfiedBy.link);
    }
    case 'recurring':
      return add(rule.satisfiedBy.events![0]!, addDays(o.anchor.date, 1), rule.satisfiedBy.link);
    case 'before-event':
      return due <= AS_OF ? { ...snap, events: [...snap.events, eventFor(rule.satisfiedBy.events![0]!, due, o, snap, rule.satisfiedBy.link) as CaseSnapshot['events'][number]] } : undefined;
    case 'count-in-window':
      return add(rule.requirements.at(-1)!.events[0]!, o.anchor.date);
    case 'presence':
      return add(rule.satisfiedBy.events![0]!, o.anchor.date);
  }
}

const breachesOf = (r: Report, ruleId: string) => r.breaches.filter((o) => o.ruleId === ruleId).length;

describe('adding an on-time satisfying event never adds a breach', () => {
  it('to the rule it satisfies', () => {
    let tried = 0;
    fc.assert(
      fc.property(generated, fc.nat(), (snap, pick) => {
        const before = evaluate(snap, { ruleSet: SAMPLE_RULES, asOf: AS_OF });
        const open = before.obligations.filter((o) => o.status === 'due' || o.status === 'overdue');
        if (open.length === 0) return;
        const o = open[pick % open.length]!;
        const changed = meetOnTime(snap, o, findRule(SAMPLE_RULES, o.ruleId).rule);
        if (!changed) return;
        tried++;
        const after = evaluate(changed, { ruleSet: SAMPLE_RULES, asOf: AS_OF });
        expect(breachesOf(after, o.ruleId), o.ruleId).toBeLessThanOrEqual(breachesOf(before, o.ruleId));
      }),
      { numRuns: 150 },
    );
    // The property must have been exercised, not skipped every time.
    expect(tried).toBeGreaterThan(30);
  });
});

describe('a later as-of date never turns a met obligation unmet', () => {
  const key = (o: Obligation) => `${o.ruleId}|${o.anchor?.eventId}|${o.anchor?.date}|${o.due}|${o.satisfiedBy?.eventId}`;
  const isMet = (o: Obligation) => o.status === 'met' || o.status === 'excepted';

  it('for any earlier as-of date', () => {
    let compared = 0;
    fc.assert(
      fc.property(generated, fc.integer({ min: 0, max: 600 }), (snap, daysEarlier) => {
        const earlier = addDays(AS_OF, -daysEarlier);
        for (const ruleSet of SETS) {
          const then = evaluate(snap, { ruleSet, asOf: earlier });
          const now = new Set(evaluate(snap, { ruleSet, asOf: AS_OF }).obligations.filter(isMet).map(key));
          for (const o of then.obligations.filter(isMet)) {
            compared++;
            expect(now.has(key(o)), `${setName(ruleSet)} ${key(o)} as of ${earlier}`).toBe(true);
          }
        }
      }),
      runs,
    );
    expect(compared).toBeGreaterThan(100);
  });
});

describe('reports are identical under every time zone', () => {
  it('in-process (under this run’s TZ) and in a child process under another TZ', () => {
    const here = reportsFingerprint();
    const script = fileURLToPath(new URL('./fingerprint-cli.ts', import.meta.url));
    // Kathmandu is 5 hours 45 minutes ahead of UTC: a zone no test project runs in.
    const offsets: Record<string, string> = { 'Asia/Kathmandu': '-345' };
    for (const [tz, offset] of Object.entries(offsets)) {
      const there = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim();
      // The child really ran in that zone, and its reports are the same.
      expect(there, tz).toBe(`${here} offset=${offset}`);
    }
  }, 60_000);
});
