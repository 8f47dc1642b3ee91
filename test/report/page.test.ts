import { describe, expect, it } from 'vitest';
import { evaluateValidated, generateCaseload, getRuleSet, validateSnapshot } from '../../src/index.js';
import { caseloadReport } from '../../src/report/index.js';
import { AS_OF, calendar, exampleReports } from './helpers.js';

const scope = { ruleSet: getRuleSet('leeds-2023'), asOf: AS_OF, calendar };

describe('the report page', () => {
  it('stands alone: no external scripts, styles, fonts, images or links out of the page', async () => {
    const html = await caseloadReport(exampleReports(), scope);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|img|iframe|link|object|embed)\b[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // Every href points inside the page.
    for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^#/);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('says on its first screen and in print that it holds case-level data', async () => {
    const html = await caseloadReport(exampleReports(), scope);
    const notice = html.indexOf('This report holds case-level data.');
    expect(notice).toBeGreaterThan(-1);
    expect(notice).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toMatch(/<footer class="print">Case-level data/);
  });

  it('shows nothing from the snapshots but case ids, teams and workers', async () => {
    const ruleSet = getRuleSet('leeds-2023');
    const snapshots = [...generateCaseload({ cases: 30, seed: 7 })].map((s, i) => ({
      ...s,
      caseId: `case<${i}>`,
      team: `Team & ${i % 3}`,
      events: s.events.map((e, j) => ({ ...e, id: `EVENTSECRET${i}x${j}` })),
    }));
    const reports = snapshots.map((s) => evaluateValidated(validateSnapshot(s), { ruleSet, asOf: AS_OF, calendar }));
    const html = await caseloadReport(reports, scope);
    expect(html).not.toContain('EVENTSECRET');
    expect(html).not.toMatch(/dateOfBirth/);
    expect(html).toContain('case&lt;3&gt;');
    expect(html).not.toContain('case<3>');
    expect(html).toContain('Team &amp; 1');
  });

  it('names rules by title with the id on hover, and teams in natural order', async () => {
    const html = await caseloadReport(exampleReports(), scope);
    expect(html).toMatch(/title="leeds\.visits\.child-in-need">Child in need visits at least every 20 working days<\/a>/);
    const teams = [...html.matchAll(/<option value="t:([^"]+)">/g)].map((m) => m[1]);
    expect(teams.slice(0, 3)).toEqual(['east', 'leaving-care', 'west']);
    const generated = [...generateCaseload({ cases: 200, seed: 3 })].map((s) => evaluateValidated(validateSnapshot(s), { ruleSet: getRuleSet('leeds-2023'), asOf: AS_OF, calendar }));
    const page = await caseloadReport(generated, scope);
    const byTeam = page.slice(page.indexOf('<section id="by-team"'), page.indexOf('<section id="trend"'));
    const rows = [...byTeam.matchAll(/<tr data-f="team" data-team="t:([^"]+)"><th scope="row">/g)].map((m) => m[1]!);
    expect(rows.length).toBeGreaterThan(9);
    const numbers = rows.map((t) => Number(/\d+$/.exec(t)![0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('states the red/amber/green thresholds it was given', async () => {
    const html = await caseloadReport(exampleReports(), scope, { thresholds: { green: 95, amber: 60 } });
    expect(html).toContain('green at 95% on time or more, amber from 60% to below 95%, red below 60%');
  });
});
