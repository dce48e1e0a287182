/**
 * Feedback: praise, complaints and ideas about employees and teams, recorded one at a time or
 * imported from another system (re-imports skip what came before), and their resolution.
 */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { jsonList, runBatch } from '../../db/batching.ts';
import { constraintViolationOf } from '../../db/constraint-errors.ts';
import { newId } from '../../db/ids.ts';
import { employees, teams } from '../people/service.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { idIs, type LocalIdFilter } from './ids.ts';
import { conflictError, missingMessage, notFoundError, type UserErrorData } from '../../domain/errors.ts';
import { feedbackRows } from './rules/records.ts';
import type { TextAnalyser } from './rules/text-analysis.ts';
import type { FeedbackRulesOutput, ImportRecordRulesOutput } from './rules/validation.ts';
import { feedback, feedbackPhrases, feedbackThemes, type FeedbackKind, type FeedbackSource } from './tables.ts';


export type FeedbackRow = typeof feedback.$inferSelect;

/** Typed theme filters are cut to this length. */
const THEME_FILTER_MAX_CHARS = 200;

/** What the feedback list may be narrowed to. Ids are local. */
export interface FeedbackFilter {
  employee?: LocalIdFilter;
  team?: LocalIdFilter;
  /** Complaints owned by this employee (features/complaints). */
  owner?: LocalIdFilter;
  kind?: FeedbackKind | null;
  source?: FeedbackSource | null;
  status?: 'open' | 'resolved' | null;
  /** A theme's key (`waiting-time`) or its label, any case ("Waiting time"). */
  theme?: string | null;
  /** The local id of a theme of the tenant's taxonomy. */
  themeId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The filter as one SQL condition over `table` (drizzle's alias inside relational queries). */
export function feedbackWhere(table: typeof feedback, filter: FeedbackFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.employee) conditions.push(idIs(table.employeeId, filter.employee));
  if (filter.team) conditions.push(idIs(table.teamId, filter.team));
  if (filter.owner) conditions.push(idIs(table.ownerId, filter.owner));
  if (filter.kind) conditions.push(eq(table.kind, filter.kind));
  if (filter.source) conditions.push(eq(table.source, filter.source));
  if (filter.status) conditions.push(eq(table.status, filter.status));
  if (filter.from) conditions.push(gte(table.receivedAt, filter.from));
  if (filter.to) conditions.push(lt(table.receivedAt, filter.to));
  if (filter.theme) {
    const typed = filter.theme.trim().slice(0, THEME_FILTER_MAX_CHARS).toLowerCase();
    conditions.push(
      sql`EXISTS (SELECT 1 FROM feedback_themes ft WHERE ft.tenant_id = ${table.tenantId} AND ft.feedback_id = ${table.id} AND (ft.theme = ${typed} OR lower(ft.label) = ${typed}))`,
    );
  }
  if (filter.themeId !== undefined) {
    // The theme's key, read in the same statement (themes is the themes feature's table, read here
    // by its tenant and id only); an unknown or other tenant's id matches nothing.
    conditions.push(
      sql`EXISTS (SELECT 1 FROM feedback_themes ft JOIN themes t ON t.tenant_id = ft.tenant_id AND t.key = ft.theme WHERE ft.tenant_id = ${table.tenantId} AND ft.feedback_id = ${table.id} AND t.id = ${filter.themeId ?? ''})`,
    );
  }
  return and(...conditions);
}

async function assertExternalRefFree(tenant: TenantScope, ref: string | null | undefined) {
  if (!ref) return;
  if ((await tenant.count(feedback, sql`${feedback.externalRef} = ${ref}`)) > 0) {
    throw conflictError(['input', 'externalRef'], `Feedback with externalRef "${ref}" already exists.`);
  }
}

/**
 * Records one piece of feedback (not from a survey call) with its themes, in one batch. The
 * employee and team were found by the caller; the team defaults to the employee's.
 */
export async function recordFeedback(
  tenant: TenantScope,
  values: FeedbackRulesOutput,
  about: { employee: { id: string; name: string; teamId: string | null } | null; teamId: string | null },
  now: Date,
  analyser: TextAnalyser,
): Promise<FeedbackRow> {
  const { employee: person } = about;
  await assertExternalRefFree(tenant, values.externalRef);
  const rows = feedbackRows({
    ...values,
    id: newId('fb'),
    tenantId: tenant.tenantId,
    employeeId: person?.id ?? null,
    teamId: about.teamId,
    receivedAt: values.receivedAt ?? now,
    ignoreWords: person ? [person.name] : [],
  }, analyser);
  await runBatch(tenant, [
    tenant.insert(feedback, { ...rows.feedback, createdAt: now }),
    ...tenant.insertMany(feedbackThemes, rows.themes),
    ...tenant.insertMany(feedbackPhrases, rows.phrases),
  ]);
  return { ...rows.feedback, createdAt: now };
}

/** Marks open feedback resolved by `actorId` (an employee or an API key of this tenant). */
export async function resolveFeedback(tenant: TenantScope, id: string, note: string, actorId: string, now: Date): Promise<FeedbackRow> {
  const existing = await tenant.db.query.feedback.findFirst({ where: { id }, columns: { status: true, resolvedAt: true } });
  if (!existing) throw notFoundError(['input', 'id'], missingMessage('Feedback'));
  if (existing.status === 'resolved') {
    throw conflictError(['input', 'id'], `This feedback was already resolved on ${existing.resolvedAt?.toISOString().slice(0, 10)}.`);
  }
  // Guarded on status, so two people resolving at once cannot both overwrite the note.
  const [resolved] = await tenant
    .updateWhere(feedback, { status: 'resolved', resolutionNote: note, resolvedAt: now, resolvedBy: actorId }, sql`${feedback.id} = ${id} AND ${feedback.status} = 'open'`)
    .returning();
  if (!resolved) throw conflictError(['input', 'id'], 'This feedback was resolved by someone else a moment ago.');
  return resolved;
}

/** One parsed record of an import, at `index` in the input; ids are local, the email lower-cased. */
export interface ImportEntry {
  index: number;
  values: ImportRecordRulesOutput;
  employeeId: string | null;
  teamId: string | null;
  employeeEmail: string | null;
}

export interface ImportOutcome {
  importedCount: number;
  skipped: { index: number; externalRef: string }[];
  /** Problems found against the tenant's data, by record index. */
  problems: { index: number; error: UserErrorData }[];
}

/**
 * Imports parsed complaint records: records whose externalRef was imported before are skipped,
 * records naming unknown people or teams (or repeating a reference) are reported, and every valid
 * new record is written in one batch. Three lookups, whatever the size of the import.
 */
export async function importFeedbackRecords(
  tenant: TenantScope,
  valid: ImportEntry[],
  actorId: string,
  now: Date,
  analyser: TextAnalyser,
): Promise<ImportOutcome> {
  const problems: ImportOutcome['problems'] = [];
  const reject = (index: number, error: UserErrorData) => problems.push({ index, error });
  const at = (index: number, field: string) => ['input', 'records', String(index), field];

  const [people, teamRows, existing] = await Promise.all([
    tenant
      .select({ id: employees.id, name: employees.name, email: employees.email, teamId: employees.teamId })
      .from(
        employees,
        sql`(${employees.id} IN ${jsonList(valid.flatMap((e) => (e.employeeId ? [e.employeeId] : [])))} OR ${employees.email} IN ${jsonList(valid.flatMap((e) => (e.employeeEmail ? [e.employeeEmail] : [])))})`,
      ),
    tenant.select({ id: teams.id }).from(teams, sql`${teams.id} IN ${jsonList(valid.flatMap((e) => (e.teamId ? [e.teamId] : [])))}`),
    tenant.select({ ref: feedback.externalRef }).from(feedback, sql`${feedback.externalRef} IN ${jsonList(valid.map((e) => e.values.externalRef))}`),
  ]);
  const byId = new Map(people.map((person) => [person.id, person]));
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const teamIds = new Set(teamRows.map((team) => team.id));
  const imported = new Set(existing.map((row) => row.ref));
  const seen = new Set<string>();

  const skipped: { index: number; externalRef: string }[] = [];
  const rows: ReturnType<typeof feedbackRows>[] = [];
  for (const entry of valid) {
    const { index, values } = entry;
    if (imported.has(values.externalRef)) {
      skipped.push({ index, externalRef: values.externalRef });
      continue;
    }
    if (seen.has(values.externalRef)) {
      reject(index, { code: 'CONFLICT', path: at(index, 'externalRef'), message: `externalRef "${values.externalRef}" appears more than once in this import.` });
      continue;
    }
    const person = entry.employeeId ? byId.get(entry.employeeId) : entry.employeeEmail ? byEmail.get(entry.employeeEmail) : null;
    if ((entry.employeeId || entry.employeeEmail) && !person) {
      const field = entry.employeeId ? 'employeeId' : 'employeeEmail';
      reject(index, { code: 'NOT_FOUND', path: at(index, field), message: entry.employeeId ? missingMessage('Employee') : `No employee has the email ${entry.employeeEmail}.` });
      continue;
    }
    if (entry.teamId && !teamIds.has(entry.teamId)) {
      reject(index, { code: 'NOT_FOUND', path: at(index, 'teamId'), message: missingMessage('Team') });
      continue;
    }
    seen.add(values.externalRef);
    rows.push(
      feedbackRows({
        ...values,
        id: newId('fb'),
        tenantId: tenant.tenantId,
        source: 'import',
        employeeId: person?.id ?? null,
        teamId: entry.teamId ?? person?.teamId ?? null,
        resolvedBy: values.resolvedAt ? actorId : null,
        ignoreWords: person ? [person.name] : [],
      }, analyser),
    );
  }

  try {
    await runBatch(tenant, [
      ...tenant.insertMany(feedback, rows.map((row) => ({ ...row.feedback, createdAt: now }))),
      ...tenant.insertMany(feedbackThemes, rows.flatMap((row) => row.themes)),
      ...tenant.insertMany(feedbackPhrases, rows.flatMap((row) => row.phrases)),
    ]);
  } catch (error) {
    // Only a concurrent import of the same references can break the unique index here; the batch
    // is atomic, so nothing of this call was written.
    if (constraintViolationOf(error)?.kind === 'unique') {
      throw conflictError(['input', 'records'], 'Another import of the same records ran at the same time; nothing was written. Run the import again.');
    }
    throw error;
  }
  return { importedCount: rows.length, skipped, problems };
}
