/**
 * The widgets' reads and writes, all through the caller's TenantScope: publishable keys, public
 * employee profiles, customer feedback from the feedback widget, and the kudos wall. No GraphQL
 * here: schema/widgets.ts parses and authorises, then calls these.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { runBatch } from '../../db/batching.ts';
import { newId, randomString } from '../../db/ids.ts';
import { employees } from '../people/service.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { feedback, feedbackPhrases, feedbackThemes } from '../voice/service.ts';
import { textAnalyser } from '../themes/service.ts';
import { notFoundError, UserErrors, type UserErrorData } from '../../domain/errors.ts';
import { feedbackRows } from '../voice/service.ts';
import { displayPrefix, hashSecretKey } from '../../db/keys.ts';
import {
  commentFingerprint,
  feedbackKindFor,
  firstName,
  isBot,
  isTapId,
  isWidgetKind,
  normalizeOrigin,
  photoUrlProblem,
  PUBLISHABLE_KEY_PREFIX,
  PUBLISHABLE_KEY_RANDOM_LENGTH,
  tapAction,
  WIDGET_LIMITS,
} from './rules.ts';
import { publishableKeys, widgetTaps, type WidgetKind } from './tables.ts';

export type PublishableKeyRow = typeof publishableKeys.$inferSelect;

// ---- publishable keys ----------------------------------------------------------------------------

export interface NewPublishableKey {
  name: string;
  allowedOrigins: readonly string[];
  widgets: readonly string[];
}

/** Checks a new key's settings; every problem at once, each at its input path. */
export function parsePublishableKey(input: NewPublishableKey): { name: string; allowedOrigins: string[]; widgets: WidgetKind[] } {
  const errors: UserErrorData[] = [];
  const problem = (field: string, message: string, index?: number) =>
    errors.push({ code: 'VALIDATION', path: ['input', field, ...(index === undefined ? [] : [String(index)])], message });
  const name = input.name.trim();
  if (!name) problem('name', 'Give the key a name, e.g. the site it is for.');
  if (name.length > WIDGET_LIMITS.keyName) problem('name', `Key names are at most ${WIDGET_LIMITS.keyName} characters.`);
  if (input.allowedOrigins.length === 0) problem('allowedOrigins', 'List at least one origin, e.g. https://shop.example.com.');
  if (input.allowedOrigins.length > WIDGET_LIMITS.originsPerKey) {
    problem('allowedOrigins', `A key has at most ${WIDGET_LIMITS.originsPerKey} origins; make another key for more sites.`);
  }
  const origins = new Set<string>();
  input.allowedOrigins.forEach((text, index) => {
    const check = normalizeOrigin(text);
    if (check.ok) origins.add(check.origin);
    else problem('allowedOrigins', check.message, index);
  });
  if (input.widgets.length === 0) problem('widgets', 'Choose at least one widget.');
  const widgets = [...new Set(input.widgets.filter(isWidgetKind))];
  if (errors.length) throw new UserErrors(errors);
  return { name, allowedOrigins: [...origins], widgets };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new publishable key: the format's prefix and base62 randomness (authentication only hashes it). */
function generatePublishableKey(): string {
  return PUBLISHABLE_KEY_PREFIX + randomString(PUBLISHABLE_KEY_RANDOM_LENGTH, BASE62);
}

/** Creates a key; the key itself is returned here only, never stored. */
export async function createPublishableKey(
  tenant: TenantScope,
  input: NewPublishableKey,
  createdBy: string,
  now: Date,
): Promise<{ key: string; row: PublishableKeyRow }> {
  const values = parsePublishableKey(input);
  const key = generatePublishableKey();
  const [row] = await tenant
    .insert(publishableKeys, {
      id: newId('pk'),
      ...values,
      prefix: displayPrefix(key),
      hash: await hashSecretKey(key),
      createdBy,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('publishable key insert returned no row');
  return { key, row };
}

/** Revokes a key: the next widget request with it is refused. Revoking a revoked key changes nothing. */
export async function revokePublishableKey(tenant: TenantScope, id: string, now: Date): Promise<PublishableKeyRow> {
  const existing = await tenant.db.query.publishableKeys.findFirst({ where: { id } });
  if (!existing) throw notFoundError(['input', 'id'], 'No publishable key with this id exists in your organisation.');
  if (existing.revokedAt) return existing;
  const [row] = await tenant.updateWhere(publishableKeys, { revokedAt: now }, sql`${publishableKeys.id} = ${id} AND ${publishableKeys.revokedAt} IS NULL`).returning();
  return row ?? existing;
}

// ---- public profiles ---------------------------------------------------------------------------

/** Shows or hides an employee in customer-facing widgets, with an optional photo. */
export async function setWidgetProfile(
  tenant: TenantScope,
  employeeId: string,
  changes: { public?: boolean | null; photoUrl?: string | null; removePhoto?: boolean | null },
) {
  const errors: UserErrorData[] = [];
  const photoUrl = changes.photoUrl?.trim();
  if (photoUrl) {
    const problem = photoUrlProblem(photoUrl);
    if (problem) errors.push({ code: 'VALIDATION', path: ['input', 'photoUrl'], message: problem });
  }
  if (errors.length) throw new UserErrors(errors);
  const set = {
    ...(changes.public === null || changes.public === undefined ? {} : { public: changes.public }),
    ...(photoUrl ? { photoUrl } : changes.removePhoto ? { photoUrl: null } : {}),
  };
  const [row] = Object.keys(set).length
    ? await tenant.updateById(employees, employeeId, set).returning()
    : [await tenant.db.query.employees.findFirst({ where: { id: employeeId } })];
  if (!row) throw notFoundError(['input', 'employeeId'], 'No employee with this id exists in your organisation.');
  return row;
}

export interface PublicEmployee {
  id: string;
  firstName: string;
  photoUrl: string | null;
}

/** Active employees the tenant marked public, by name: first name and photo only, nothing else. */
export async function publicEmployees(tenant: TenantScope, teamId: string | null): Promise<PublicEmployee[]> {
  const rows = await tenant
    .select({ id: employees.id, name: employees.name, photoUrl: employees.photoUrl })
    .from(employees, eq(employees.public, true), eq(employees.status, 'active'), teamId ? eq(employees.teamId, teamId) : undefined)
    .orderBy(employees.name, employees.id)
    .limit(100);
  return rows.map((row) => ({ id: row.id, firstName: firstName(row.name), photoUrl: row.photoUrl }));
}

// ---- customer feedback -------------------------------------------------------------------------

export interface WidgetFeedbackInput {
  employeeId: string;
  rating: number;
  comment?: string | null;
  tapId: string;
  honeypot?: string | null;
}

export interface WidgetFeedbackOutcome {
  /** True whenever the tap was accepted (also for suppressed duplicates and bots: they learn nothing). */
  recorded: boolean;
  /** True when it replaced this tap id's earlier rating instead of adding one. */
  replaced: boolean;
}

function parseFeedback(input: WidgetFeedbackInput): { rating: number; comment: string | null } {
  const errors: UserErrorData[] = [];
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    errors.push({ code: 'VALIDATION', path: ['input', 'rating'], message: 'Ratings are whole numbers from 1 to 5.' });
  }
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > WIDGET_LIMITS.comment) {
    errors.push({ code: 'VALIDATION', path: ['input', 'comment'], message: `Comments are at most ${WIDGET_LIMITS.comment} characters.` });
  }
  if (!isTapId(input.tapId)) {
    errors.push({ code: 'VALIDATION', path: ['input', 'tapId'], message: 'tapId must be 16 to 64 letters, digits, "-" or "_".' });
  }
  if (errors.length) throw new UserErrors(errors);
  return { rating: input.rating, comment };
}

/**
 * Records a customer's one-tap rating (and optional comment) as Feedback with source WIDGET on a
 * public employee. A later tap with the same tap id within 15 minutes replaces it. Bots (honeypot
 * filled) and repeated identical comments are answered like successes but write nothing.
 */
export async function submitWidgetFeedback(tenant: TenantScope, keyId: string, input: WidgetFeedbackInput, now: Date): Promise<WidgetFeedbackOutcome> {
  const { rating, comment } = parseFeedback(input);
  const accepted = { recorded: true, replaced: false };
  if (isBot(input.honeypot)) return accepted;

  const windowStart = new Date(now.getTime() - WIDGET_LIMITS.duplicateWindowMs);
  const [person, [previous], recent] = await Promise.all([
    tenant.db.query.employees.findFirst({ where: { id: input.employeeId, public: true, status: 'active' }, columns: { id: true, name: true, teamId: true } }),
    tenant
      .select({ employeeId: widgetTaps.employeeId, feedbackId: widgetTaps.feedbackId, recordedAt: widgetTaps.recordedAt, body: feedback.body, rating: feedback.rating })
      .from(widgetTaps, eq(widgetTaps.keyId, keyId), eq(widgetTaps.tapId, input.tapId))
      .innerJoin(feedback, and(eq(feedback.tenantId, widgetTaps.tenantId), eq(feedback.id, widgetTaps.feedbackId)))
      .limit(1),
    comment
      ? tenant
          .select({ id: feedback.id, body: feedback.body })
          .from(feedback, eq(feedback.employeeId, input.employeeId), eq(feedback.source, 'widget'), gte(feedback.receivedAt, windowStart))
          .limit(50)
      : Promise.resolve([]),
  ]);
  if (!person) throw notFoundError(['input', 'employeeId'], 'This person is not shown in widgets (or does not exist).');

  const action = tapAction(previous ?? null, person.id, now);
  const feedbackId = action === 'replace' && previous ? previous.feedbackId : newId('fb');
  const body = comment ?? (action === 'replace' && previous ? previous.body : '');
  if (comment && recent.some((row) => row.id !== feedbackId && commentFingerprint(row.body) === commentFingerprint(comment))) {
    return accepted; // the same words about the same person again: a double submit or spam
  }
  if (action === 'replace' && previous && previous.rating === rating && previous.body === body) {
    return { recorded: true, replaced: true }; // nothing changed
  }

  const rows = feedbackRows({
    id: feedbackId,
    tenantId: tenant.tenantId,
    kind: feedbackKindFor(rating),
    source: 'widget',
    body,
    rating,
    employeeId: person.id,
    teamId: person.teamId,
    receivedAt: action === 'replace' && previous ? previous.recordedAt : now,
    ignoreWords: [person.name],
  }, await textAnalyser(tenant));
  const themes = [...tenant.insertMany(feedbackThemes, rows.themes), ...tenant.insertMany(feedbackPhrases, rows.phrases)];
  if (action === 'record') {
    await runBatch(tenant, [
      tenant.insert(feedback, rows.feedback),
      ...themes,
      tenant
        .insert(widgetTaps, { id: newId('tap'), keyId, tapId: input.tapId, employeeId: person.id, feedbackId, recordedAt: now, taps: 1 })
        .onConflictDoUpdate({
          target: [widgetTaps.tenantId, widgetTaps.keyId, widgetTaps.tapId],
          set: { employeeId: person.id, feedbackId, recordedAt: now, taps: 1 },
        }),
    ]);
    return accepted;
  }
  const { kind, body: newBody, rating: newRating, sentiment, themes: themeList, primaryThemeId } = rows.feedback;
  await runBatch(tenant, [
    tenant.updateById(feedback, feedbackId, { kind, body: newBody, rating: newRating, sentiment, themes: themeList, primaryThemeId }),
    tenant.deleteWhere(feedbackThemes, eq(feedbackThemes.feedbackId, feedbackId)),
    tenant.deleteWhere(feedbackPhrases, eq(feedbackPhrases.feedbackId, feedbackId)),
    ...themes,
    tenant.updateWhere(widgetTaps, { taps: sql`${widgetTaps.taps} + 1` }, sql`${widgetTaps.keyId} = ${keyId} AND ${widgetTaps.tapId} = ${input.tapId}`),
  ]);
  return { recorded: true, replaced: true };
}

// ---- kudos wall ----------------------------------------------------------------------------------

export interface KudosItem {
  kind: 'recognition' | 'praise';
  message: string;
  /** Company value named by a recognition. */
  value: string | null;
  /** First names of the public employees it is about. */
  people: string[];
  at: Date;
}

/**
 * Recent recognition and customer praise about public employees, newest first: two statements
 * whatever the page size. Only public employees' first names are shown; givers and customers stay
 * unnamed, and complaint records never appear.
 *
 * Praise comes only from records staff made (survey calls, managers, peers, imports): whatever a
 * customer typed into the feedback widget is anonymous and unmoderated, so publishing it on a
 * partner's page would invite spam and defacement. Widget ratings, with or without a comment,
 * stay off the wall until there is moderation (they still count in voice, trends and summaries).
 */
export async function kudosWall(tenant: TenantScope, teamId: string | null, limit: number): Promise<KudosItem[]> {
  const tid = tenant.tenantId;
  const team = teamId ? sql`AND e.team_id = ${teamId}` : sql``;
  const [recognized, praised] = await Promise.all([
    tenant.rows<{ message: string; value: string; at: number; names: string }>(sql`
      SELECT r.message, r.value, r.created_at AS at, json_group_array(e.name) AS names
      FROM recognitions r
      JOIN recognition_recipients rr ON rr.tenant_id = r.tenant_id AND rr.recognition_id = r.id
      JOIN employees e ON e.tenant_id = rr.tenant_id AND e.id = rr.employee_id AND e.public = 1 AND e.status = 'active'
      WHERE r.tenant_id = ${tid} ${team}
      GROUP BY r.id ORDER BY r.created_at DESC LIMIT ${limit}`),
    tenant.rows<{ body: string; at: number; name: string }>(sql`
      SELECT f.body, f.received_at AS at, e.name
      FROM feedback f
      JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id AND e.public = 1 AND e.status = 'active'
      WHERE f.tenant_id = ${tid} AND f.kind = 'praise' AND f.source <> 'widget' AND f.body <> '' ${team}
      ORDER BY f.received_at DESC LIMIT ${limit}`),
  ]);
  const items: KudosItem[] = [
    ...recognized.map((row) => ({
      kind: 'recognition' as const,
      message: row.message,
      value: row.value,
      people: (JSON.parse(row.names) as string[]).map(firstName),
      at: new Date(row.at),
    })),
    ...praised.map((row) => ({ kind: 'praise' as const, message: row.body, value: null, people: [firstName(row.name)], at: new Date(row.at) })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
