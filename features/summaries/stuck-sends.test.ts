/**
 * No outbox row is ever lost in `sending`: when a send run dies after claiming its rows, the
 * queue message comes back after the claim's lease instead of being acked, the hourly cron
 * re-queues rows whose lease expired, and admins can retry or abandon them.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { data, localId } from '../../test/helpers.ts';
import { memoryMailbox } from './mailer/memory.ts';
import { SEND_LEASE_MS } from './service.ts';
import { deliver, fireCron, praisedTenant, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);
/** A Tuesday: no tenant's summary is due, so the cron only sweeps. */
const CLAIMED = new Date('2026-11-10T12:00:00Z');
const after = (ms: number) => new Date(CLAIMED.getTime() + ms);

/** D1 whose first statement matching `pattern` throws: the run dies after the claim, before any update. */
function failingOnce(db: D1Database, pattern: RegExp): D1Database {
  let armed = true;
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'prepare') {
        return (query: string) => {
          if (armed && pattern.test(query)) {
            armed = false;
            throw new Error('D1 went away (test failure)');
          }
          return target.prepare(query);
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A tenant with one praised agent in 2026-W45, compiled, and its send messages. */
async function compiledTenant() {
  const { tenant, t, email } = await praisedTenant();
  await deliver(worker, [{ type: 'compile', tenantId: t, periodKey: '2026-W45' }]);
  const sends = queue.take(t);
  const outbox = () => rows<{ id: string; status: string; attempts: number }>('SELECT id, status, attempts FROM email_outbox WHERE tenant_id = ?', t);
  return { tenant, t, email, sends, outbox };
}

/** Delivers the send messages on a database that fails right after the claim. */
async function dieAfterClaim(sends: Parameters<typeof deliver>[1]) {
  const dying = testEnv(queue, { DB: failingOnce(env.DB, /JOIN summaries s/) });
  return deliver(dying, sends, 1, CLAIMED);
}

describe('a send that dies after claiming its rows', () => {
  it('is retried past the lease (not acked) and then sends the email exactly once', async () => {
    const { email, sends, outbox } = await compiledTenant();
    const died = await dieAfterClaim(sends);
    expect(died.retryMessages.map((m) => m.msgId)).toEqual(died.ids);
    expect((await outbox()).map((row) => [row.status, row.attempts])).toEqual([['sending', 1]]);

    // The backoff's redelivery, 30 s later, is inside the lease: it must not ack (that lost the row).
    const early = await deliver(worker, sends, 2, after(30_000));
    expect(early.explicitAcks).toEqual([]);
    expect(early.retryMessages.map((m) => m.msgId)).toEqual(early.ids);
    expect(early.delays).toEqual({ [early.ids[0]!]: (SEND_LEASE_MS - 30_000) / 1000 + 30 });
    expect(memoryMailbox.to(email)).toHaveLength(0);
    expect((await outbox()).map((row) => row.status)).toEqual(['sending']);

    // Past the lease the message claims the row itself and sends.
    const late = await deliver(worker, sends, 3, after(SEND_LEASE_MS + 30_000));
    expect(late.explicitAcks).toEqual(late.ids);
    expect(memoryMailbox.to(email)).toHaveLength(1);
    expect((await outbox()).map((row) => [row.status, row.attempts])).toEqual([['sent', 2]]);
  });

  it('is found by the hourly cron once its lease expired, even when its message is gone', async () => {
    const { t, email, sends, outbox } = await compiledTenant();
    await dieAfterClaim(sends);
    const [row] = await outbox();

    await fireCron(worker, after(5 * 60_000).toISOString());
    expect(queue.take(t)).toEqual([]);
    await fireCron(worker, after(SEND_LEASE_MS + 60_000).toISOString());
    const requeued = queue.take(t);
    expect(requeued).toEqual([{ type: 'send', tenantId: t, outboxIds: [row!.id] }]);

    await deliver(worker, requeued, 1, after(SEND_LEASE_MS + 90_000));
    expect(memoryMailbox.to(email)).toHaveLength(1);
    expect((await outbox()).map((r) => r.status)).toEqual(['sent']);
  });

  it('can be retried or abandoned by an admin once its lease expired, not while it may be sending', async () => {
    const { tenant, t, sends } = await compiledTenant();
    await dieAfterClaim(sends);
    const list = await data<{ emailOutbox: { edges: { node: { id: string; status: string } }[] } }>(tenant.admin, '{ emailOutbox(first: 5) { edges { node { id status } } } }', {}, { now: after(60_000) });
    const node = list.emailOutbox.edges[0]!.node;
    expect(node.status).toBe('SENDING');
    const retry = `mutation($id: ID!) { retryEmail(input: { id: $id }) { email { status } errors { code message } } }`;
    const abandon = `mutation($id: ID!) { abandonEmail(input: { id: $id }) { email { status } errors { code message } } }`;
    type EmailPayload = { email: { status: string } | null; errors: { code: string; message: string }[] };

    const tooSoon = await data<{ retryEmail: EmailPayload }>(tenant.admin, retry, { id: node.id }, { now: after(5 * 60_000) });
    expect(tooSoon.retryEmail.email).toBeNull();
    expect(tooSoon.retryEmail.errors[0]?.code).toBe('CONFLICT');
    expect((await data<{ abandonEmail: EmailPayload }>(tenant.admin, abandon, { id: node.id }, { now: after(5 * 60_000) })).abandonEmail.email).toBeNull();

    const retried = await data<{ retryEmail: EmailPayload }>(tenant.admin, retry, { id: node.id }, { now: after(SEND_LEASE_MS + 60_000) });
    expect(retried.retryEmail).toEqual({ email: { status: 'PENDING' }, errors: [] });
    expect(await rows('SELECT status FROM email_outbox WHERE tenant_id = ? AND id = ?', t, localId(node.id))).toEqual([{ status: 'pending' }]);

    await env.DB.prepare("UPDATE email_outbox SET status = 'sending', claimed_at = ? WHERE tenant_id = ?").bind(CLAIMED.getTime(), t).run();
    const abandoned = await data<{ abandonEmail: EmailPayload }>(tenant.admin, abandon, { id: node.id }, { now: after(SEND_LEASE_MS + 60_000) });
    expect(abandoned.abandonEmail).toEqual({ email: { status: 'ABANDONED' }, errors: [] });
  });
});
