/**
 * Zero unsupported claims, over a whole demo tenant: every email produced from the demo seed's
 * week is read back, and each quote must exist verbatim in that week's records about its subject,
 * each figure must equal SQL's, and each source id must be a record of the tenant.
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

beforeAll(async () => {
  await seedDemo(createDatabase(env.DB), new Date('2026-11-12T00:00:00Z'));
  memoryMailbox.clear();
  await deliver(worker, [{ type: 'compile', tenantId: TENANT, periodKey: WEEK }]);
  await deliver(worker, queue.take(TENANT));
  mails = memoryMailbox.delivered.filter((mail) => mail.to.endsWith('@brewline.example'));
  summaries = await rows('SELECT id, level, subject_key, employee_id, team_id, items FROM summaries WHERE tenant_id = ? AND period_key = ?', TENANT, WEEK);
  outbox = await rows('SELECT id, summary_id FROM email_outbox WHERE tenant_id = ? AND period_key = ?', TENANT, WEEK);
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
    let figures = 0;
    for (const summary of summaries) {
      const items = JSON.parse(summary.items) as SummaryItem[];
      for (const item of items) {
        for (const source of item.sources) {
          const table = { feedback: 'feedback', survey_call: 'survey_calls', recognition: 'recognitions', points_entry: 'points_entries', budget_spend: 'budget_spends', suggestion: 'suggestions', employee: 'employees', team: 'teams' }[source.type];
          expect(await rows(`SELECT id FROM ${table} WHERE tenant_id = ? AND id = ?`, TENANT, source.id), `${source.type} ${source.id}`).toHaveLength(1);
        }
        if (summary.level === 'employee' && item.figure?.name === 'averageSatisfaction') {
          const [sql] = await rows<{ calls: number; average: number }>(
            `SELECT COUNT(*) AS calls, AVG(satisfaction) AS average FROM survey_calls c WHERE c.tenant_id = ? AND c.called_at >= ? AND c.called_at < ?
             AND EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = c.tenant_id AND f.call_id = c.id AND f.employee_id = ?)`,
            TENANT, period.start.getTime(), period.end.getTime(), summary.employee_id);
          expect(item.figure.value).toBeCloseTo(sql!.average, 10);
          expect(item.text.startsWith(`${sql!.calls} survey call`)).toBe(true);
          figures++;
        }
        if (summary.level === 'team' && item.figure?.name === 'surveyCalls') {
          const [sql] = await rows<{ now: number; before: number }>(
            `SELECT SUM(called_at >= ?) AS now, SUM(called_at < ?) AS before FROM survey_calls WHERE tenant_id = ? AND team_id = ? AND called_at >= ? AND called_at < ?`,
            period.start.getTime(), period.start.getTime(), TENANT, summary.team_id, period.previousStart.getTime(), period.end.getTime());
          expect([item.figure.value, item.figure.previous]).toEqual([sql!.now ?? 0, sql!.before ?? 0]);
          figures++;
        }
        if (summary.level === 'tenant' && item.figure?.name === 'complaints') {
          const [sql] = await rows<{ now: number; before: number }>(
            "SELECT SUM(received_at >= ?) AS now, SUM(received_at < ?) AS before FROM feedback WHERE tenant_id = ? AND kind = 'complaint' AND received_at >= ? AND received_at < ?",
            period.start.getTime(), period.start.getTime(), TENANT, period.previousStart.getTime(), period.end.getTime());
          expect([item.figure.value, item.figure.previous]).toEqual([sql!.now, sql!.before]);
          figures++;
        }
      }
    }
    expect(figures).toBeGreaterThan(5);
  });
});
