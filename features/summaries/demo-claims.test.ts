/**
 * Zero unsupported claims, over a whole demo tenant: every email produced from the demo seed's
 * week is read back, and each quote must exist verbatim in that week's records about its subject,
 * each figure must equal SQL's, and each source id must be a record of the tenant. Figures are
 * checked over the demo's October weeks as well (recognition, points and budget outcomes live
 * there): every figure name the compiler emits has its own SQL here, and an unknown name fails.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { decodePart } from './email/mime.ts';
import { memoryMailbox, type DeliveredEmail } from './mailer/memory.ts';
import type { SummaryItem } from './rules.ts';
import { periodForKey } from './schedule.ts';
import { deliver, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
const TENANT = 'ten_brewline';
const WEEK = '2026-W45';
const period = periodForKey(WEEK, 'Europe/Lisbon')!;
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);
let mails: DeliveredEmail[] = [];
let summaries: { id: string; level: string; subject_key: string; employee_id: string | null; team_id: string | null; items: string }[] = [];
let outbox: { id: string; summary_id: string }[] = [];
/** The demo's recognition and points (3-18 Oct) and budget outcomes (20 Oct) fall in October: those weeks too, for the figures. */
const OCTOBER_WEEKS = ['2026-W42', '2026-W43'];
let figureSummaries: (typeof summaries[number] & { period_key: string })[] = [];

beforeAll(async () => {
  await seedDemo(createDatabase(env.DB), new Date('2026-11-12T00:00:00Z'));
  memoryMailbox.clear();
  await deliver(worker, [{ type: 'compile', tenantId: TENANT, periodKey: WEEK }]);
  await deliver(worker, queue.take(TENANT));
  mails = memoryMailbox.delivered.filter((mail) => mail.to.endsWith('@brewline.example'));
  summaries = await rows('SELECT id, level, subject_key, employee_id, team_id, items FROM summaries WHERE tenant_id = ? AND period_key = ?', TENANT, WEEK);
  outbox = await rows('SELECT id, summary_id FROM email_outbox WHERE tenant_id = ? AND period_key = ?', TENANT, WEEK);
  await deliver(worker, OCTOBER_WEEKS.map((periodKey) => ({ type: 'compile', tenantId: TENANT, periodKey })));
  queue.take(TENANT);
  figureSummaries = await rows('SELECT id, level, subject_key, employee_id, team_id, items, period_key FROM summaries WHERE tenant_id = ? AND period_key IN (?, ?, ?)', TENANT, WEEK, ...OCTOBER_WEEKS);
});

/** Feedback of the week about a subject, as SQL sees it. */
async function feedbackAbout(level: string, subject: string): Promise<string[]> {
  const about = level === 'employee' ? 'f.employee_id = ?' : level === 'team' ? 'COALESCE(f.team_id, e.team_id) = ?' : '? IS NOT NULL';
  const found = await rows<{ body: string }>(
    `SELECT f.body FROM feedback f LEFT JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id
     WHERE f.tenant_id = ? AND f.received_at >= ? AND f.received_at < ? AND ${about}`,
    TENANT, period.start.getTime(), period.end.getTime(), subject);
  return found.map((row) => row.body);
}

describe('demo week summaries', () => {
  it('are emailed to employees, leads and directors', async () => {
    expect(mails.length).toBeGreaterThan(5);
    const kinds = new Set(mails.map((mail) => /List-Id: [^<]*<(\w+)-summary/.exec(mail.mime)?.[1]));
    expect([...kinds].sort()).toEqual(['employee', 'team', 'tenant']);
  });

  it('quote customers only verbatim, from that week, about that subject', async () => {
    let checked = 0;
    for (const mail of mails) {
      // The email's outbox row (its Message-ID) names the summary it was rendered from.
      const row = outbox.find((o) => o.id === mail.email.messageId);
      const summary = summaries.find((s) => s.id === row?.summary_id);
      expect(summary, mail.email.subject).toBeDefined();
      const text = decodePart(mail.mime, 'text/plain')!;
      const praise = text.split('\n').filter((line) => line.startsWith('- “'));
      const bodies = await feedbackAbout(summary!.level, summary!.subject_key);
      for (const line of praise) {
        const quote = /^- “(.+?)” \(/.exec(line)![1]!;
        expect(bodies.some((body) => body.includes(quote)), `${quote} in ${summary!.level} ${summary!.subject_key}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('state figures equal to SQL and cite records that exist', async () => {
    const seen = new Map<string, number>();
    for (const summary of figureSummaries) {
      const items = JSON.parse(summary.items) as SummaryItem[];
      for (const item of items) {
        for (const source of item.sources) {
          const table = { feedback: 'feedback', survey_call: 'survey_calls', recognition: 'recognitions', points_entry: 'points_entries', budget_spend: 'budget_spends', suggestion: 'suggestions', experiment: 'experiments', employee: 'employees', team: 'teams' }[source.type];
          expect(await rows(`SELECT id FROM ${table} WHERE tenant_id = ? AND id = ?`, TENANT, source.id), `${source.type} ${source.id}`).toHaveLength(1);
        }
        if (!item.figure) continue;
        const figure = item.figure;
        const where = `${summary.period_key} ${summary.level} ${summary.subject_key}: ${figure.name} in "${item.text}"`;
        const expected = await sqlFigure(summary, item);
        // A figure name with no independent SQL below is a claim nobody checks: fail on it.
        expect(expected, `no SQL check for ${where}`).not.toBeNull();
        expect(figure.value, where).toBeCloseTo(expected!.value, 10);
        if (expected!.previous === null) expect(figure.previous, where).toBeNull();
        else expect(figure.previous, where).toBeCloseTo(expected!.previous, 10);
        seen.set(figure.name, (seen.get(figure.name) ?? 0) + 1);
      }
    }
    // The demo weeks exercise every figure but starRatings and experimentsConcluded (the demo has
    // neither in these weeks; wording.test.ts checks them).
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['averageSatisfaction', 'complaints', 'complaintsOnTheme', 'pointsEarned', 'praise', 'recognitions', 'resolvedSpends', 'surveyCalls']));
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });

  it('fails on a figure name it does not know', async () => {
    const [summary] = figureSummaries;
    const invented: SummaryItem = { section: 'figures', text: 'Happiness: 11.', quote: null, figure: { name: 'happiness', value: 11, previous: null }, sources: [], sourceCount: 0 };
    expect(await sqlFigure(summary!, invented)).toBeNull();
  });
});

type StoredSummary = (typeof figureSummaries)[number];
interface Figure {
  value: number;
  previous: number | null;
}

/** One row's numbers, NULL sums read as 0 (SQL's SUM over no rows). */
async function one(query: string, ...binds: unknown[]): Promise<{ now: number; before: number | null }> {
  const [row] = await rows<{ now: number | null; before: number | null }>(query, ...binds);
  return { now: row?.now ?? 0, before: row?.before ?? null };
}

/**
 * Feedback about the summary's subject, as SQL (not the compiler) defines it: the employee's own,
 * the team's (its own or an active member's), or the whole tenant's.
 */
function aboutSubject(summary: StoredSummary): { clause: string; binds: unknown[] } {
  if (summary.level === 'employee') return { clause: 'f.employee_id = ?', binds: [summary.employee_id] };
  if (summary.level === 'team') return { clause: "(COALESCE(f.team_id, e.team_id) = ? OR (e.team_id = ? AND e.status = 'active'))", binds: [summary.team_id, summary.team_id] };
  return { clause: '1 = 1', binds: [] };
}

/**
 * The SQL figure for every figure name the compiler (rules.ts) can emit, computed from the raw
 * tables independently of facts.ts; null for a name it does not know.
 */
async function sqlFigure(summary: StoredSummary, item: SummaryItem): Promise<Figure | null> {
  const name = item.figure!.name;
  const week = periodForKey(summary.period_key, 'Europe/Lisbon')!;
  const [START, END, PREVIOUS] = [week.start.getTime(), week.end.getTime(), week.previousStart.getTime()];
  const about = aboutSubject(summary);
  const feedbackCount = async (condition: string, binds: unknown[] = []) =>
    one(`SELECT COUNT(*) AS now FROM feedback f LEFT JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id
         WHERE f.tenant_id = ? AND f.received_at >= ? AND f.received_at < ? AND ${about.clause} AND ${condition}`, TENANT, START, END, ...about.binds, ...binds);
  const teamFilter = summary.level === 'team' ? 'AND team_id = ?' : '';
  const teamBinds = summary.level === 'team' ? [summary.team_id] : [];

  switch (name) {
    case 'praise': {
      const now = await feedbackCount("f.kind = 'praise'");
      if (summary.level === 'employee') return { value: now.now, previous: null };
      // The week before, per team as the comparison counts it (the feedback's team, else its employee's).
      const teamClause = summary.level === 'team' ? 'AND COALESCE(f.team_id, e.team_id) = ?' : '';
      const before = await one(`SELECT COUNT(*) AS now FROM feedback f LEFT JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id
        WHERE f.tenant_id = ? AND f.kind = 'praise' AND f.received_at >= ? AND f.received_at < ? ${teamClause}`, TENANT, PREVIOUS, START, ...teamBinds);
      return { value: now.now, previous: before.now };
    }
    case 'starRatings': {
      const now = await feedbackCount("f.kind = 'praise' AND f.source = 'widget' AND TRIM(f.body) = ''");
      return { value: now.now, previous: null };
    }
    case 'complaints': {
      if (summary.level !== 'tenant') return null;
      const r = await one(`SELECT SUM(received_at >= ?) AS now, SUM(received_at < ?) AS before FROM feedback WHERE tenant_id = ? AND kind = 'complaint' AND received_at >= ? AND received_at < ?`,
        START, START, TENANT, PREVIOUS, END);
      return { value: r.now, previous: r.before ?? 0 };
    }
    case 'averageSatisfaction': {
      if (summary.level === 'employee') {
        const r = await one(`SELECT AVG(satisfaction) AS now FROM survey_calls c WHERE c.tenant_id = ? AND c.called_at >= ? AND c.called_at < ?
          AND EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = c.tenant_id AND f.call_id = c.id AND f.employee_id = ?)`, TENANT, START, END, summary.employee_id);
        return { value: r.now, previous: null };
      }
      const r = await one(`SELECT AVG(CASE WHEN called_at >= ? THEN satisfaction END) AS now, AVG(CASE WHEN called_at < ? THEN satisfaction END) AS before
        FROM survey_calls WHERE tenant_id = ? AND called_at >= ? AND called_at < ? ${teamFilter}`, START, START, TENANT, PREVIOUS, END, ...teamBinds);
      return { value: r.now, previous: r.before };
    }
    case 'surveyCalls': {
      if (summary.level === 'employee') return null;
      const r = await one(`SELECT SUM(called_at >= ?) AS now, SUM(called_at < ?) AS before FROM survey_calls WHERE tenant_id = ? AND called_at >= ? AND called_at < ? ${teamFilter}`,
        START, START, TENANT, PREVIOUS, END, ...teamBinds);
      return { value: r.now, previous: r.before ?? 0 };
    }
    case 'complaintsOnTheme': {
      if (summary.level === 'employee') {
        // "customers mentioned “late delivery” 2 times": complaints whose first theme is that label.
        const label = /mentioned “(.+?)” \d/.exec(item.text)?.[1] ?? '';
        const now = await feedbackCount("f.kind = 'complaint' AND COALESCE(json_extract(f.themes, '$[0]'), '') = ?", [label]);
        return { value: now.now, previous: null };
      }
      // "complaints about “late delivery” went from 1 to 3": the theme's complaints, this week and the one before.
      const label = /complaints about “(.+?)” went from/.exec(item.text)![1]!;
      const teamClause = summary.level === 'team' ? 'AND COALESCE(f.team_id, e.team_id) = ?' : '';
      const r = await one(`SELECT SUM(f.received_at >= ?) AS now, SUM(f.received_at < ?) AS before
        FROM feedback_themes ft JOIN feedback f ON f.tenant_id = ft.tenant_id AND f.id = ft.feedback_id
        LEFT JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id
        WHERE ft.tenant_id = ? AND ft.kind = 'complaint' AND ft.label = ? AND f.received_at >= ? AND f.received_at < ? ${teamClause}`,
        START, START, TENANT, label, PREVIOUS, END, ...teamBinds);
      return { value: r.now, previous: r.before ?? 0 };
    }
    case 'recognitions': {
      const r = await one(`SELECT COUNT(*) AS now FROM recognition_recipients rr JOIN recognitions r ON r.tenant_id = rr.tenant_id AND r.id = rr.recognition_id
        WHERE rr.tenant_id = ? AND rr.employee_id = ? AND r.created_at >= ? AND r.created_at < ?`, TENANT, summary.employee_id, START, END);
      return { value: r.now, previous: null };
    }
    case 'pointsEarned': {
      const r = await one(`SELECT SUM(delta) AS now FROM points_entries WHERE tenant_id = ? AND employee_id = ? AND delta > 0 AND kind IN ('recognition', 'achievement')
        AND created_at >= ? AND created_at < ?`, TENANT, summary.employee_id, START, END);
      return { value: r.now, previous: null };
    }
    case 'resolvedSpends': {
      const r = await one(`SELECT COUNT(*) AS now FROM budget_spends WHERE tenant_id = ? AND employee_id = ? AND outcome = 'resolved' AND outcome_at >= ? AND outcome_at < ?`,
        TENANT, summary.employee_id, START, END);
      return { value: r.now, previous: null };
    }
    case 'experimentsConcluded': {
      if (summary.level !== 'tenant') return null;
      const r = await one('SELECT COUNT(*) AS now FROM experiments WHERE tenant_id = ? AND outcome IS NOT NULL AND concluded_at >= ? AND concluded_at < ?', TENANT, START, END);
      return { value: r.now, previous: null };
    }
    default:
      return null;
  }
}
