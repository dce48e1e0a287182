/**
 * The summaries' reads and writes, GraphQL-free: settings, compile-and-store, the outbox and
 * sending. Used alike by the queue consumer, the cron and the GraphQL module. Every tenant read and
 * write goes through TenantScope.
 */
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { chunk, jsonList, runBatch } from '../../db/batching.ts';
import { newId, randomId } from '../../db/ids.ts';
import { employees } from '../people/service.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { renderEmail } from './email/render.ts';
import { readPeriodFacts } from './facts.ts';
import type { Mailer } from './mailer/mailer.ts';
import { compileAll, compileEmployee, compileTeam, compileTenant, type CompiledSummary, type SummaryItem } from './rules.ts';
import type { SummaryPeriod } from './schedule.ts';
import { emailOutbox, summaries, summarySettings, type SummaryLevel } from './tables.ts';

export type SettingsRow = typeof summarySettings.$inferSelect;
export type SummaryRow = typeof summaries.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

export interface SettingsInput {
  enabled: boolean;
  timeZone: string;
  weekday: number;
  hour: number;
  senderName: string;
  senderAddress: string;
  levels: SummaryLevel[];
  skipEmpty: boolean;
}

/** Summaries stored per INSERT: their items travel as one JSON parameter (D1's 100-parameter limit). */
const SUMMARIES_PER_STATEMENT = 100;
/** A claimed send that has not finished after this long may be claimed again (the worker died). */
export const SEND_LEASE_MS = 10 * 60_000;

// ---- settings -----------------------------------------------------------------------------------

export async function readSettings(tenant: TenantScope): Promise<SettingsRow | null> {
  return (await tenant.db.query.summarySettings.findFirst()) ?? null;
}

/** Creates or replaces the tenant's settings (one row per tenant). */
export async function saveSettings(tenant: TenantScope, input: SettingsInput, now: Date): Promise<SettingsRow> {
  const [row] = await tenant
    .insert(summarySettings, { id: newId('sms'), ...input, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: summarySettings.tenantId, set: { ...input, updatedAt: now } })
    .returning();
  return row!;
}

// ---- compile and store --------------------------------------------------------------------------

/** The period's summaries for one subject, compiled now and stored nowhere (previewSummary). */
export async function previewSummary(
  tenant: TenantScope,
  period: SummaryPeriod,
  subject: { level: 'employee'; employeeId: string } | { level: 'team'; teamId: string } | { level: 'tenant' },
): Promise<CompiledSummary | null> {
  const facts = await readPeriodFacts(tenant, period);
  if (subject.level === 'employee') {
    const person = facts.people.find((p) => p.id === subject.employeeId);
    return person ? compileEmployee(person, facts) : null;
  }
  if (subject.level === 'team') {
    const team = facts.teams.find((t) => t.id === subject.teamId);
    return team ? compileTeam(team, facts) : null;
  }
  return compileTenant(facts);
}

export interface CompileResult {
  compiled: number;
  /** Outbox rows of the period still waiting to be sent (to fan out over send messages). */
  pendingOutboxIds: string[];
}

/**
 * Compiles the period's summaries, stores them and writes the outbox, idempotently: a summary per
 * (tenant, level, subject, period) and an email per (recipient, period, kind) whatever repeats;
 * summaries already stored are kept as first compiled (emails may have gone out from them). The
 * whole write is one D1 batch, so a failure leaves nothing half-written.
 */
export async function compileAndStore(tenant: TenantScope, settings: SettingsRow, period: SummaryPeriod, now: Date): Promise<CompileResult> {
  const facts = await readPeriodFacts(tenant, period);
  const compiled = compileAll(facts, settings.levels);
  const statements: BatchItem<'sqlite'>[] = chunk(compiled, SUMMARIES_PER_STATEMENT).map((part) => {
    const rows = part.map((summary) => ({ ...summary, empty: summary.empty ? 1 : 0, items: JSON.stringify(summary.items) }));
    const field = (name: string) => sql.raw(`j.value ->> '$.${name}'`);
    return tenant
      .insertSelect(
        summaries,
        {
          id: randomId('sum'), level: field('level'), subjectKey: field('subjectKey'), employeeId: field('employeeId'), teamId: field('teamId'),
          periodKey: period.key, periodStart: period.start.getTime(), periodEnd: period.end.getTime(), items: field('items'), empty: field('empty'),
          createdAt: now.getTime(),
        },
        // WHERE 1: SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT.
        sql`FROM json_each(${JSON.stringify(rows)}) j WHERE 1`,
      )
      .onConflictDoNothing();
  });
  statements.push(outboxInsert(tenant, settings, period, now));
  await runBatch(tenant, statements);
  const pending = await tenant.rows<{ id: string }>(
    sql`SELECT id FROM email_outbox WHERE tenant_id = ${tenant.tenantId} AND period_key = ${period.key} AND status = 'pending' ORDER BY id`,
  );
  return { compiled: compiled.length, pendingOutboxIds: pending.map((row) => row.id) };
}

/**
 * One outbox row per recipient: employees get their own summary, leads their team's, directors
 * the tenant's. Only active, opted-in people; with skipEmpty, nobody gets an empty summary.
 */
function outboxInsert(tenant: TenantScope, settings: SettingsRow, period: SummaryPeriod, now: Date) {
  const t = tenant.tenantId;
  return tenant
    .insertSelect(
      emailOutbox,
      {
        id: randomId('eml'), summaryId: sql`s.id`, recipientId: sql`e.id`, kind: sql`s.level`, periodKey: period.key, status: 'pending', attempts: 0,
        lastError: null, claimedAt: null, sentAt: null, createdAt: now.getTime(), updatedAt: now.getTime(),
      },
      sql`FROM summaries s JOIN employees e ON e.tenant_id = ${t} AND e.status = 'active' AND e.email_opt_in = 1 AND (
            (s.level = 'employee' AND e.id = s.employee_id)
         OR (s.level = 'team' AND e.team_id = s.team_id AND e.role = 'lead')
         OR (s.level = 'tenant' AND e.role = 'director'))
        WHERE s.tenant_id = ${t} AND s.period_key = ${period.key} AND (${settings.skipEmpty ? 0 : 1} = 1 OR s.empty = 0)`,
    )
    .onConflictDoNothing();
}

// ---- sending --------------------------------------------------------------------------------------

export interface SendDependencies {
  mailer: Mailer;
  now: Date;
  /** The one-click unsubscribe link for a recipient. */
  unsubscribeUrl: (employeeId: string) => Promise<string>;
}

export interface SendResult {
  sent: number;
  failed: number;
  skipped: number;
  /**
   * Rows of the message still `sending` under an unexpired lease (another delivery's claim, or
   * one whose run died after claiming): nothing was sent for them now, so the message must come
   * back after `leaseEndsAt` (ms) instead of being acked, or those rows would be stranded.
   */
  inFlight: number;
  leaseEndsAt: number | null;
}

interface ClaimedRow {
  id: string;
  kind: SummaryLevel;
  period_key: string;
  recipient_id: string;
  items: string;
  name: string;
  email: string;
  status: string;
  email_opt_in: number;
  team_name: string | null;
}

const LIST_NAMES: Record<SummaryLevel, string> = { employee: 'Your weekly customer voice', team: 'Team weekly summary', tenant: 'Company weekly summary' };

/**
 * Sends the given outbox rows, each at most once: a row is claimed (status `sending`) by a guarded
 * UPDATE before its email goes out, so a redelivered or concurrent message finds nothing to send.
 * People who opted out or left since the row was written are skipped. Failures are recorded on
 * the row (attempts, last error) and left for the retry.
 */
export async function sendOutbox(tenant: TenantScope, outboxIds: string[], deps: SendDependencies): Promise<SendResult> {
  const t = tenant.tenantId;
  const now = deps.now.getTime();
  const claimed = await tenant
    .updateWhere(emailOutbox, { status: 'sending', claimedAt: deps.now, attempts: sql`${emailOutbox.attempts} + 1`, updatedAt: deps.now }, sql`${emailOutbox.id} IN ${jsonList(outboxIds)}
      AND (${emailOutbox.status} IN ('pending', 'failed') OR (${emailOutbox.status} = 'sending' AND ${emailOutbox.claimedAt} < ${now - SEND_LEASE_MS}))`)
    .returning({ id: emailOutbox.id });
  const leased = claimed.length < outboxIds.length ? await leasedElsewhere(tenant, outboxIds, claimed.map((row) => row.id)) : [];
  const inFlight = { inFlight: leased.length, leaseEndsAt: leased.length ? Math.max(...leased.map((row) => row.claimed_at)) + SEND_LEASE_MS : null };
  if (claimed.length === 0) return { sent: 0, failed: 0, skipped: 0, ...inFlight };

  const [rows, settings, tenantRows] = await Promise.all([
    tenant.rows<ClaimedRow>(sql`
      SELECT o.id, o.kind, o.period_key, o.recipient_id, s.items, e.name, e.email, e.status, e.email_opt_in, tm.name AS team_name
      FROM email_outbox o
      JOIN summaries s ON s.tenant_id = ${t} AND s.id = o.summary_id
      JOIN employees e ON e.tenant_id = ${t} AND e.id = o.recipient_id
      LEFT JOIN teams tm ON tm.tenant_id = ${t} AND tm.id = s.team_id
      WHERE o.tenant_id = ${t} AND o.id IN ${jsonList(claimed.map((row) => row.id))}`),
    readSettings(tenant),
    tenant.rows<{ name: string }>(sql`SELECT name FROM tenants WHERE id = ${t}`),
  ]);
  const tenantName = tenantRows[0]?.name ?? '';
  const sent: string[] = [];
  const skipped: string[] = [];
  const failed: { id: string; error: string }[] = [];
  for (const row of rows) {
    if (row.status !== 'active' || !row.email_opt_in) {
      skipped.push(row.id);
      continue;
    }
    try {
      if (!settings) throw new Error('The tenant has no summary settings (sender), so nothing can be sent.');
      const unsubscribeUrl = await deps.unsubscribeUrl(row.recipient_id);
      const rendered = renderEmail({
        level: row.kind, periodKey: row.period_key, recipientName: row.name, subjectName: row.team_name, tenantName,
        items: JSON.parse(row.items) as SummaryItem[], unsubscribeUrl,
      });
      const domain = settings.senderAddress.split('@')[1] ?? 'frontline';
      await deps.mailer.send({
        ...rendered,
        from: { name: settings.senderName, address: settings.senderAddress },
        to: { name: row.name, address: row.email },
        headers: {
          'List-Id': `${LIST_NAMES[row.kind]} <${row.kind}-summary.${domain}>`,
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        messageId: row.id,
        date: deps.now,
      });
      sent.push(row.id);
    } catch (error) {
      failed.push({ id: row.id, error: (error instanceof Error ? error.message : String(error)).slice(0, 500) });
    }
  }

  const updates: BatchItem<'sqlite'>[] = [];
  if (sent.length) updates.push(tenant.updateWhere(emailOutbox, { status: 'sent', sentAt: deps.now, lastError: null, updatedAt: deps.now }, sql`${emailOutbox.id} IN ${jsonList(sent)}`));
  if (skipped.length) updates.push(tenant.updateWhere(emailOutbox, { status: 'skipped', lastError: 'Opted out or no longer active.', updatedAt: deps.now }, sql`${emailOutbox.id} IN ${jsonList(skipped)}`));
  for (const { id, error } of failed) updates.push(tenant.updateById(emailOutbox, id, { status: 'failed', lastError: error, updatedAt: deps.now }));
  await runBatch(tenant, updates);
  return { sent: sent.length, failed: failed.length, skipped: skipped.length, ...inFlight };
}

/** Of `outboxIds`, the rows other than `mine` that are `sending` under a claim made at `claimed_at` (ms). */
async function leasedElsewhere(tenant: TenantScope, outboxIds: string[], mine: string[]): Promise<{ id: string; claimed_at: number }[]> {
  return tenant.rows<{ id: string; claimed_at: number }>(sql`
    SELECT id, claimed_at FROM email_outbox
    WHERE tenant_id = ${tenant.tenantId} AND id IN ${jsonList(outboxIds)} AND id NOT IN ${jsonList(mine)} AND status = 'sending' AND claimed_at IS NOT NULL`);
}

/** A `sending` row whose claim is older than the lease: its run died, and nobody will finish it. */
const staleClaim = (now: Date) => and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedAt, new Date(now.getTime() - SEND_LEASE_MS)))!;

/**
 * An admin's retry of a failed, abandoned or stuck (`sending` past its lease) email: back to
 * pending (the caller enqueues a send).
 */
export async function resetForRetry(tenant: TenantScope, outboxId: string, now: Date): Promise<OutboxRow | null> {
  const [row] = await tenant
    .updateWhere(emailOutbox, { status: 'pending', updatedAt: now }, and(eq(emailOutbox.id, outboxId), or(inArray(emailOutbox.status, ['failed', 'abandoned']), staleClaim(now)))!)
    .returning();
  return row ?? null;
}

/** An admin gives up on a failed, pending or stuck email: it stays listed, and is never sent. */
export async function abandon(tenant: TenantScope, outboxId: string, now: Date): Promise<OutboxRow | null> {
  const [row] = await tenant
    .updateWhere(emailOutbox, { status: 'abandoned', updatedAt: now }, and(eq(emailOutbox.id, outboxId), or(inArray(emailOutbox.status, ['failed', 'pending']), staleClaim(now)))!)
    .returning();
  return row ?? null;
}

/** Turns the employee's summary emails off (the unsubscribe link). */
export async function optOut(tenant: TenantScope, employeeId: string, now: Date): Promise<boolean> {
  const result = await tenant.updateById(employees, employeeId, { emailOptIn: false, updatedAt: now });
  return (result.meta.changes ?? 0) > 0;
}
