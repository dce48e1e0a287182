/**
 * Delivery: failing sends are retried with backoff and stay visible in the outbox; each tenant is
 * due at its own local hour; one-click unsubscribe works without a login and is honoured.
 */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { localId } from '../../test/helpers.ts';
import { headerOf } from './email/mime.ts';
import { memoryMailbox } from './mailer/memory.ts';
import { deliver, fireCron, praisedTenant, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);

/** Runs the compile for (t, week) and returns the send messages it fanned out. */
async function compile(t: string, periodKey = '2026-W45') {
  await deliver(worker, [{ type: 'compile', tenantId: t, periodKey }]);
  return queue.take(t);
}

describe('failed sends', () => {
  it('are retried with growing backoff, visible in the outbox meanwhile, and sent exactly once in the end', async () => {
    const { t, email } = await praisedTenant();
    const sends = await compile(t);
    memoryMailbox.failNext(email, 2);

    const first = await deliver(worker, sends, 1);
    expect(first.explicitAcks).toEqual([]);
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(first.ids);
    expect(first.delays).toEqual({ [first.ids[0]!]: 30 });
    expect(await rows('SELECT status, attempts, last_error FROM email_outbox WHERE tenant_id = ?', t)).toEqual([
      { status: 'failed', attempts: 1, last_error: `Mailbox unavailable for ${email} (test failure)` },
    ]);

    const second = await deliver(worker, sends, 2);
    expect(second.delays).toEqual({ [second.ids[0]!]: 60 });
    const third = await deliver(worker, sends, 3);
    expect(third.explicitAcks).toEqual(third.ids);
    expect(await rows('SELECT status, attempts, last_error FROM email_outbox WHERE tenant_id = ?', t)).toEqual([{ status: 'sent', attempts: 3, last_error: null }]);
    expect(memoryMailbox.to(email)).toHaveLength(1);
  });
});

describe('time zones', () => {
  it("a tenant gets its summary at its own local hour (Tokyo's Monday 08:00 is Sunday 23:00 UTC)", async () => {
    const tokyo = await praisedTenant({ timeZone: 'Asia/Tokyo' });
    const chicago = await praisedTenant({ timeZone: 'America/Chicago' });
    await fireCron(worker, '2026-11-08T23:00:00Z');
    expect(queue.take(tokyo.t)).toEqual([{ type: 'compile', tenantId: tokyo.t, periodKey: '2026-W45' }]);
    expect(queue.take(chicago.t)).toEqual([]);
    await fireCron(worker, '2026-11-09T08:00:00Z');
    expect(queue.take(tokyo.t)).toEqual([]);
    expect(queue.take(chicago.t)).toEqual([]);
    // A missed run is caught up in the next hours (the compile is idempotent), then no more.
    await fireCron(worker, '2026-11-09T01:00:00Z');
    expect(queue.take(tokyo.t)).toEqual([{ type: 'compile', tenantId: tokyo.t, periodKey: '2026-W45' }]);
    await fireCron(worker, '2026-11-09T02:00:00Z');
    expect(queue.take(tokyo.t)).toEqual([]);
    // 08:00 in Chicago on Monday 9 November (CST, UTC-6) is 14:00 UTC.
    await fireCron(worker, '2026-11-09T14:00:00Z');
    expect(queue.take(chicago.t)).toEqual([{ type: 'compile', tenantId: chicago.t, periodKey: '2026-W45' }]);
    // The Tokyo week is Tokyo's: the praise on Wed 4 Nov 12:00 UTC (21:00 JST) is in it.
    await compile(tokyo.t);
    const [summary] = await rows<{ period_start: number; empty: number }>("SELECT period_start, empty FROM summaries WHERE tenant_id = ? AND level = 'employee'", tokyo.t);
    expect(new Date(summary!.period_start).toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(summary!.empty).toBe(0);
  });
});

describe('one-click unsubscribe', () => {
  it('GET shows a confirmation, POST turns the opt-in off without a login, and later sends skip the person', async () => {
    const { t, agent, email } = await praisedTenant();
    const sends = await compile(t);
    await deliver(worker, sends);
    const [mail] = memoryMailbox.to(email);
    const link = /^<(.+)>$/.exec(headerOf(mail!.mime, 'List-Unsubscribe')!)![1]!;
    const optIn = () => rows<{ email_opt_in: number }>('SELECT email_opt_in FROM employees WHERE tenant_id = ? AND id = ?', t, localId(agent)).then((r) => r[0]!.email_opt_in);

    const page = await exports.default.fetch(new Request(link));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(await optIn()).toBe(1);

    const forged = link.replace(/token=([^.]+)\./, (_m, payload: string) => `token=${payload.slice(0, -2)}xx.`);
    expect((await exports.default.fetch(new Request(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click' }))).status).toBe(400);
    expect(await optIn()).toBe(1);

    const post = await exports.default.fetch(new Request(link, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click',
    }));
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('You are unsubscribed');
    expect(await optIn()).toBe(0);

    // An email already queued for the next week is skipped, not sent.
    await env.DB.prepare("UPDATE email_outbox SET status = 'pending', period_key = '2026-W46' WHERE tenant_id = ?").bind(t).run();
    const outboxIds = (await rows<{ id: string }>('SELECT id FROM email_outbox WHERE tenant_id = ?', t)).map((row) => row.id);
    await deliver(worker, [{ type: 'send', tenantId: t, outboxIds }]);
    expect(memoryMailbox.to(email)).toHaveLength(1);
    expect(await rows('SELECT status FROM email_outbox WHERE tenant_id = ?', t)).toEqual([{ status: 'skipped' }]);
    // And the next compile writes no email for them at all.
    await compile(t, '2026-W44');
    expect(await rows<{ n: number }>("SELECT COUNT(*) AS n FROM email_outbox WHERE tenant_id = ? AND period_key = '2026-W44'", t)).toEqual([{ n: 0 }]);
  });
});
