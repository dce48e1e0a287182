/** The pure parts: quotes stay verbatim, schedules follow each tenant's clock, compile invents nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEmployee, compileTeam, quoteOf, QUOTE_MAX_CHARS, type FeedbackFact, type PeriodFacts } from './rules.ts';
import { duePeriod, localMidnight, periodForKey, previousWeek } from './schedule.ts';

describe('quoteOf', () => {
  it('is always a verbatim substring of the record, never longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (body) => {
        const quote = quoteOf(body);
        expect(body.includes(quote)).toBe(true);
        expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
      }),
    );
  });

  it('cuts a long record at a sentence end', () => {
    const first = 'The technician explained every step of the repair and showed me how to clean the filter myself.';
    const body = `${first} ${'Then we talked about the weather for a long while, which was nice but not really relevant. '.repeat(3)}`;
    expect(quoteOf(body)).toBe(`${first} Then we talked about the weather for a long while, which was nice but not really relevant.`);
  });
});

describe('schedule', () => {
  it('is due once a week from the local weekday and hour (caught up for 3 hours), for the week before', () => {
    const lisbon = { timeZone: 'Europe/Lisbon', weekday: 1, hour: 8 };
    const due = [];
    for (let hour = 0; hour < 24 * 7; hour++) {
      const at = new Date(Date.parse('2026-11-05T00:00:00Z') + hour * 3_600_000);
      const period = duePeriod(lisbon, at);
      if (period) due.push([at.toISOString(), period.key]);
    }
    expect(due).toEqual([['2026-11-09T08:00:00.000Z', '2026-W45'], ['2026-11-09T09:00:00.000Z', '2026-W45'], ['2026-11-09T10:00:00.000Z', '2026-W45']]);
  });

  it('follows daylight saving: New York Monday 08:00 is 12:00 UTC in summer, 13:00 UTC in winter', () => {
    const ny = { timeZone: 'America/New_York', weekday: 1, hour: 8 };
    expect(duePeriod(ny, new Date('2026-07-06T12:00:00Z'))?.key).toBe('2026-W27');
    expect(duePeriod(ny, new Date('2026-07-06T11:00:00Z'))).toBeNull();
    expect(duePeriod(ny, new Date('2026-07-06T15:00:00Z'))).toBeNull();
    expect(duePeriod(ny, new Date('2026-11-09T13:00:00Z'))?.key).toBe('2026-W45');
  });

  it('a week is local midnight to local midnight, across a DST change', () => {
    // Europe/Lisbon leaves summer time on Sunday 25 October 2026.
    const week = periodForKey('2026-W43', 'Europe/Lisbon')!;
    expect(week.start.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(localMidnight(2026, 3, 29, 'Europe/Lisbon').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(periodForKey('2026-W99', 'UTC')).toBeNull();
    expect(periodForKey('next week', 'UTC')).toBeNull();
    expect(previousWeek(new Date('2027-01-04T10:00:00Z'), 'UTC').key).toBe('2026-W53');
  });
});

const period = periodForKey('2026-W45', 'UTC')!;
const base: PeriodFacts = {
  period, tenantName: 'Acme', people: [{ id: 'emp_a', name: 'Ana', role: 'agent', teamId: 'team_1' }, { id: 'emp_l', name: 'Leo', role: 'lead', teamId: 'team_1' }],
  teams: [{ id: 'team_1', name: 'Front' }], feedback: [], previousFeedback: [], employeeCalls: [], teamCalls: [], recognition: [], points: [],
  resolvedSpends: [], adoptedSuggestions: [], concludedExperiments: [], themes: [],
};
const fact = (id: string, kind: 'praise' | 'complaint', body: string, extra: Partial<FeedbackFact> = {}): FeedbackFact => ({
  id, kind, employeeId: 'emp_a', teamId: 'team_1', body, source: 'survey_call', callId: `call_${id}`, saidAt: Date.parse('2026-11-03T10:00:00Z'), channel: 'phone', themes: [], ...extra,
});

describe('compile', () => {
  it('says so briefly when nothing was said, and marks the summary empty', () => {
    const summary = compileEmployee(base.people[0]!, base);
    expect(summary.empty).toBe(true);
    expect(summary.items.map((i) => i.section)).toEqual(['note']);
  });

  it('praise first with sources, at most three quotes, then at most two focus areas', () => {
    const feedback = [
      ...['One.', 'Two.', 'Three.', 'Four.'].map((body, i) => fact(`p${i}`, 'praise', body, { saidAt: Date.parse('2026-11-03T10:00:00Z') + i })),
      ...['slow queue', 'slow queue', 'cold coffee', 'rude reply'].map((theme, i) => fact(`c${i}`, 'complaint', `It was a ${theme}.`, { themes: [theme] })),
    ];
    const summary = compileEmployee(base.people[0]!, { ...base, feedback });
    expect(summary.items.filter((i) => i.quote).map((i) => i.quote)).toEqual(['Four.', 'Three.', 'Two.']);
    expect(summary.items[0]!.sources).toEqual([{ type: 'feedback', id: 'p3' }, { type: 'survey_call', id: 'call_p3' }]);
    const focus = summary.items.filter((i) => i.section === 'focus');
    expect(focus.map((i) => i.figure?.value)).toEqual([2, 1]);
    expect(focus[0]!.text).toContain('“slow queue” 2 times');
    expect(summary.items.findIndex((i) => i.section === 'focus')).toBeGreaterThan(summary.items.findIndex((i) => i.section === 'praise'));
  });

  it('never names an anonymous suggestion author (facts carry none), and credits signed ones', () => {
    const adopted = [{ suggestionId: 'sug_1', authorId: null, teamId: 'team_1', title: 'Anonymous idea' }, { suggestionId: 'sug_2', authorId: 'emp_a', teamId: 'team_1', title: 'Signed idea' }];
    const ana = compileEmployee(base.people[0]!, { ...base, adoptedSuggestions: adopted });
    expect(ana.items.map((i) => i.text)).toContain('Your suggestion “Signed idea” was adopted.');
    expect(JSON.stringify(ana)).not.toContain('Anonymous idea');
    const team = compileTeam(base.teams[0]!, { ...base, adoptedSuggestions: adopted });
    expect(team.items.map((i) => i.text)).toContain('The team\'s suggestion “Anonymous idea” was adopted.');
    expect(JSON.stringify(team)).not.toContain('Ana');
  });
});
