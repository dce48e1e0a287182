/**
 * The incentives feature's entry point (other features, jobs and the schema import only this file).
 *
 * The exactly-once award of an incentive program for one period, GraphQL-free: measured now and,
 * when the goal is reached, written as one INSERT ... SELECT of ledger entries (one per awardee).
 * The unique index on the ledger (program, period, employee) turns every repeat into a no-op,
 * whoever calls it: the evaluateIncentiveProgram mutation or the scheduled job that closes ended
 * periods (features/summaries/jobs.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { employees } from '../people/service.ts';
import { newId } from '../../db/ids.ts';
import { conflictError, missingMessage, notFoundError } from '../../domain/errors.ts';
import { incentivePrograms } from './tables.ts';
import { ledgerEntriesFrom } from '../points/service.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { progressOf, type ProgramShape } from './rules.ts';
import { deciderEmployeeIds, recordedActor, type DutyActor } from '../../domain/separation-of-duties.ts';
import { periodContaining, type Period } from '../../domain/periods.ts';
import { measureMany } from './metrics.ts';

export { measureMany, type Measurement } from './metrics.ts';

export type ProgramRow = typeof incentivePrograms.$inferSelect;

type EmployeeRow = typeof employees.$inferSelect;

/** Someone left out of an award by separation of duties, and why. */
export interface AwardExclusion {
  employee: EmployeeRow;
  reason: string;
}

/**
 * Who is awarded when the goal is reached: the employee, the team's active members, or everyone
 * active; never the employees in `excluded` (its deciders).
 */
function awardeesSql(program: ProgramRow, excluded: readonly string[]): SQL {
  const scope = program.scope === 'employee' ? sql`e.id = ${program.employeeId}` : program.scope === 'team' ? sql`e.team_id = ${program.teamId}` : sql`1 = 1`;
  return excluded.length === 0 ? scope : sql`${scope} AND e.id NOT IN (${sql.join(excluded.map((id) => sql`${id}`), sql`, `)})`;
}

const inScope = (program: ProgramRow, employee: EmployeeRow) =>
  program.scope === 'tenant' || (program.scope === 'team' ? employee.teamId === program.teamId : employee.id === program.employeeId);

/**
 * The deciders of an evaluation (the program's creator and whoever evaluates now) who would
 * otherwise be awarded: active, in scope, and not already paid for the period (by an earlier
 * evaluation someone else ran). One statement, only when there is an employee decider.
 */
async function excludedAwardees(tenant: TenantScope, program: ProgramRow, periodKey: string, deciders: readonly string[]): Promise<AwardExclusion[]> {
  if (deciders.length === 0) return [];
  const people = await tenant.db.query.employees.findMany({
    where: {
      id: { in: [...deciders] },
      status: 'active',
      RAW: (e) => sql`NOT EXISTS (SELECT 1 FROM points_entries pe WHERE pe.tenant_id = ${e.tenantId} AND pe.employee_id = ${e.id}
        AND pe.program_id = ${program.id} AND pe.period_key = ${periodKey})`,
    },
  });
  return people
    .filter((employee) => inScope(program, employee))
    .map((employee) => ({
      employee,
      reason:
        employee.id === program.createdBy
          ? 'They created this program: a program never pays the person who set it up.'
          : 'They evaluated it: another manager or an API key must evaluate the program to award them.',
    }));
}

/** Who asks for the award: the id recorded on the ledger, and who they are as a decider. */
export interface AwardRequester {
  /** An employee or key id; null for the scheduled job. */
  id: string | null;
  /** An employee evaluating is never paid by that evaluation; a key or the job decide for the organisation. */
  asDecider: DutyActor | null;
}

export interface AwardResult {
  value: number | null;
  achieved: boolean;
  /** Points were awarded for this period (now or before). */
  awarded: boolean;
  /** Employees awarded by this call (0 when already awarded or not achieved). */
  awardedNow: number;
  /** Deciders left out of this award (separation of duties). */
  excluded: AwardExclusion[];
}

/**
 * Measures `program` in `period` and awards it when achieved. Separation of duties: the program's
 * creator (whoever runs it, the scheduled job included) and an employee who evaluates it are left out.
 */
export async function awardIfAchieved(tenant: TenantScope, program: ProgramRow, period: Period, requester: AwardRequester, now: Date): Promise<AwardResult> {
  const [measured] = await measureMany(tenant, [{ program, period }]);
  const { achieved } = progressOf(measured!.value, program.target);
  let awardedNow = 0;
  let excluded: AwardExclusion[] = [];
  if (achieved && program.status === 'active') {
    const deciders = deciderEmployeeIds([recordedActor(program.createdBy), requester.asDecider]);
    excluded = await excludedAwardees(tenant, program, period.key, deciders);
    const result = await ledgerEntriesFrom(
      tenant,
      {
        employeeId: sql`e.id`, kind: 'achievement', delta: program.points,
        reason: `Goal reached: ${program.name} (${period.key})`, actor: requester.id,
        recognitionId: null, programId: program.id, periodKey: period.key, redemptionId: null,
      },
      // The program must still be active when the award is written (not only when read).
      sql`FROM employees e WHERE e.tenant_id = ${tenant.tenantId} AND e.status = 'active' AND ${awardeesSql(program, deciders)}
        AND EXISTS (SELECT 1 FROM incentive_programs p WHERE p.tenant_id = ${tenant.tenantId} AND p.id = ${program.id} AND p.status = 'active')`,
      now,
    ).onConflictDoNothing();
    awardedNow = result.meta.changes ?? 0;
  }
  return { value: measured!.value, achieved, awarded: measured!.awarded || awardedNow > 0, awardedNow, excluded };
}

// ---- programs ----------------------------------------------------------------------------------

const programPath = ['input', 'programId'];

/** The program `id`, or NOT_FOUND. */
export async function findProgram(tenant: TenantScope, id: string): Promise<ProgramRow> {
  const program = await tenant.db.query.incentivePrograms.findFirst({ where: { id } });
  if (!program) throw notFoundError(programPath, missingMessage('IncentiveProgram'));
  return program;
}

export interface NewProgram extends ProgramShape {
  name: string;
  description: string | null | undefined;
  period: ProgramRow['period'];
  points: number;
}

/** A new active program (shape checked, employee and team found by the caller); `createdBy` is never paid by it. */
export async function createProgram(tenant: TenantScope, program: NewProgram, createdBy: string): Promise<ProgramRow | null> {
  const [created] = await tenant.insert(incentivePrograms, { id: newId('prg'), ...program, description: program.description || null, createdBy }).returning();
  return created ?? null;
}

/** Ends program `id`: it awards nothing more; its history stays. CONFLICT when it already ended. */
export async function endProgram(tenant: TenantScope, id: string): Promise<ProgramRow | null> {
  const program = await findProgram(tenant, id);
  if (program.status === 'ended') throw conflictError(programPath, 'This program has already ended.');
  const [ended] = await tenant.updateById(incentivePrograms, program.id, { status: 'ended' }).returning();
  return ended ?? null;
}

/** A program's progress as a widget may show it: the name, the period's end and how far along it is. */
export type PublicProgress = { name: string; periodEnd: Date } & ReturnType<typeof progressOf>;

/**
 * Progress of program `id` this period, or null unless it is active and about a team or the whole
 * organisation: an individual's goal is not public (partner widgets show this without a login).
 */
export async function publicProgramProgress(tenant: TenantScope, id: string, now: Date): Promise<PublicProgress | null> {
  const program = await tenant.db.query.incentivePrograms.findFirst({ where: { id, status: 'active', scope: { ne: 'employee' } } });
  if (!program) return null;
  const period = periodContaining(program.period, now);
  const [measured] = await measureMany(tenant, [{ program, period }]);
  return { name: program.name, periodEnd: period.end, ...progressOf(measured?.value ?? null, program.target) };
}
