/**
 * The exactly-once award of an incentive program for one period, GraphQL-free: measured now and,
 * when the goal is reached, written as one INSERT ... SELECT of ledger entries (one per awardee).
 * The unique index on the ledger (program, period, employee) turns every repeat into a no-op,
 * whoever calls it: the evaluateIncentiveProgram mutation or the scheduled job that closes ended
 * periods (features/summaries/jobs.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { randomId } from '../../db/ids.ts';
import type { incentivePrograms } from '../../db/recognition.ts';
import { pointsEntries } from '../../db/rewards.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { progressOf } from '../../domain/incentives.ts';
import type { Period } from '../../domain/periods.ts';
import { measureMany } from './metrics.ts';

export type ProgramRow = typeof incentivePrograms.$inferSelect;

/** Who is awarded when the goal is reached: the employee, the team's active members, or everyone active. */
function awardeesSql(program: ProgramRow): SQL {
  if (program.scope === 'employee') return sql`e.id = ${program.employeeId}`;
  if (program.scope === 'team') return sql`e.team_id = ${program.teamId}`;
  return sql`1 = 1`;
}

export interface AwardResult {
  value: number | null;
  achieved: boolean;
  /** Points were awarded for this period (now or before). */
  awarded: boolean;
  /** Employees awarded by this call (0 when already awarded or not achieved). */
  awardedNow: number;
}

/**
 * Measures `program` in `period` and awards it when achieved. `actor` is who asked (an employee or
 * key id; null for the scheduled job).
 */
export async function awardIfAchieved(tenant: TenantScope, program: ProgramRow, period: Period, actor: string | null, now: Date): Promise<AwardResult> {
  const [measured] = await measureMany(tenant, [{ program, period }]);
  const { achieved } = progressOf(measured!.value, program.target);
  let awardedNow = 0;
  if (achieved && program.status === 'active') {
    const result = await tenant
      .insertSelect(
        pointsEntries,
        {
          id: randomId('pts'), employeeId: sql`e.id`, kind: 'achievement', delta: program.points,
          reason: `Goal reached: ${program.name} (${period.key})`, actor,
          recognitionId: null, programId: program.id, periodKey: period.key, redemptionId: null, createdAt: now.getTime(),
        },
        // The program must still be active when the award is written (not only when read).
        sql`FROM employees e WHERE e.tenant_id = ${tenant.tenantId} AND e.status = 'active' AND ${awardeesSql(program)}
          AND EXISTS (SELECT 1 FROM incentive_programs p WHERE p.tenant_id = ${tenant.tenantId} AND p.id = ${program.id} AND p.status = 'active')`,
      )
      .onConflictDoNothing();
    awardedNow = result.meta.changes ?? 0;
  }
  return { value: measured!.value, achieved, awarded: measured!.awarded || awardedNow > 0, awardedNow };
}
