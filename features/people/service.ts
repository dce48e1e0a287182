/**
 * The people feature's reads and writes through TenantScope, GraphQL-free: teams and employees,
 * the directory filter, and the lookups other features use to check that an employee or team of the
 * tenant exists. The schema modules (schema/employees.ts, teams.ts, employee-filter.ts,
 * employee-tokens.ts) parse, authorise and call these; other features reach people only through
 * this file (its re-exported tables included).
 */
import { and, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { conflictError, missingMessage, notFoundError, validationError } from '../../domain/errors.ts';
import { likePattern } from '../../domain/text.ts';
import { employees, teams, type EmployeeRole, type EmployeeStatus, type TeamStatus } from './tables.ts';

export { EMPLOYEE_ROLES, EMPLOYEE_STATUSES, employees, TEAM_STATUSES, teams, type EmployeeRole, type EmployeeStatus, type TeamStatus } from './tables.ts';

export type EmployeeRow = typeof employees.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

// ---- lookups ---------------------------------------------------------------------------------

/** Loads one employee of the tenant, or reports it missing at `path`. */
export async function findEmployee(tenant: TenantScope, id: string, path: string[]): Promise<EmployeeRow> {
  const employee = await tenant.db.query.employees.findFirst({ where: { id } });
  if (!employee) throw notFoundError(path, missingMessage('Employee'));
  return employee;
}

/** Loads one team of the tenant, or reports it missing at `path`. */
export async function findTeam(tenant: TenantScope, id: string, path: string[]): Promise<TeamRow> {
  const team = await tenant.db.query.teams.findFirst({ where: { id } });
  if (!team) throw notFoundError(path, missingMessage('Team'));
  return team;
}

/** The employee an employee token may be minted for: one of the tenant's, and active. */
export async function tokenEmployee(tenant: TenantScope, id: string, path: string[]): Promise<EmployeeRow> {
  const employee = await findEmployee(tenant, id, path);
  if (employee.status !== 'active') throw validationError(path, 'This employee is inactive; tokens are only for active employees.');
  return employee;
}

// ---- the directory filter ------------------------------------------------------------------------

/** What the directory may be narrowed to. Ids are local; `team.id` null (an unknown or malformed id) matches nothing. */
export interface EmployeeFilter {
  team?: { id: string | null };
  role?: EmployeeRole | null;
  status?: EmployeeStatus | null;
  search?: string | null;
}

/** The filter as one SQL condition over `table` (drizzle passes an alias inside relational queries). */
export function employeeWhere(table: typeof employees, filter: EmployeeFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.team) conditions.push(filter.team.id === null ? sql`0 = 1` : eq(table.teamId, filter.team.id));
  if (filter.role) conditions.push(eq(table.role, filter.role));
  if (filter.status) conditions.push(eq(table.status, filter.status));
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push(or(sql`${table.name} LIKE ${pattern} ESCAPE '\\'`, sql`${table.email} LIKE ${pattern} ESCAPE '\\'`));
  }
  return and(...conditions);
}

/** Teams narrowed by status. */
export function teamWhere(table: typeof teams, filter: { status?: TeamStatus | null }): SQL | undefined {
  return filter.status ? eq(table.status, filter.status) : undefined;
}

/** The members a team's member count counts: active employees. */
export const activeMember = eq(employees.status, 'active');

// ---- employees -------------------------------------------------------------------------------

async function assertEmailFree(tenant: TenantScope, address: string, exceptId?: string) {
  const clash = await tenant.count(
    employees,
    and(sql`${employees.email} = ${address}`, exceptId ? ne(employees.id, exceptId) : undefined),
  );
  if (clash > 0) throw conflictError(['input', 'email'], `Another employee already uses ${address}.`);
}

export interface NewEmployee {
  name: string;
  email: string;
  role: EmployeeRole;
  hiredAt: string;
  emailOptIn: boolean;
}

/** Adds an employee, in `teamId` (checked to be a team of this tenant) or in no team. */
export async function createEmployee(tenant: TenantScope, values: NewEmployee, teamId: string | null): Promise<EmployeeRow | null> {
  if (teamId) await findTeam(tenant, teamId, ['input', 'teamId']);
  await assertEmailFree(tenant, values.email);
  // Two creates at once can both pass assertEmailFree; the unique index refuses the second and
  // runMutation reports it as a CONFLICT on input.email.
  const [employee] = await tenant.insert(employees, { ...values, teamId, id: newId('emp') }).returning();
  return employee ?? null;
}

export interface EmployeeChanges {
  name?: string;
  email?: string;
  role?: EmployeeRole;
  hiredAt?: string;
  emailOptIn?: boolean;
  status?: EmployeeStatus;
}

/**
 * Changes an employee. `team` moves them (a local team id, checked) or, as null, leaves them without
 * a team; undefined keeps their team.
 */
export async function updateEmployee(
  tenant: TenantScope,
  id: string,
  changes: EmployeeChanges,
  team: { id: string } | null | undefined,
): Promise<EmployeeRow | null> {
  await findEmployee(tenant, id, ['input', 'id']);
  const teamChange = team ? { teamId: (await findTeam(tenant, team.id, ['input', 'teamId'])).id } : team === null ? { teamId: null } : {};
  if (changes.email) await assertEmailFree(tenant, changes.email, id);
  const [employee] = await tenant.updateById(employees, id, { ...changes, ...teamChange }).returning();
  return employee ?? null;
}

/** Marks an employee inactive; nothing is deleted. */
export async function deactivateEmployee(tenant: TenantScope, id: string): Promise<EmployeeRow | null> {
  await findEmployee(tenant, id, ['input', 'id']);
  const [employee] = await tenant.updateById(employees, id, { status: 'inactive' }).returning();
  return employee ?? null;
}

// ---- teams -----------------------------------------------------------------------------------

async function assertTeamNameFree(tenant: TenantScope, name: string, exceptId?: string) {
  const clash = await tenant.count(
    teams,
    and(sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined),
  );
  if (clash > 0) throw conflictError(['input', 'name'], `A team named "${name}" already exists.`);
}

export async function createTeam(tenant: TenantScope, values: { name: string; description?: string | null }): Promise<TeamRow | null> {
  await assertTeamNameFree(tenant, values.name);
  const [team] = await tenant.insert(teams, { ...values, id: newId('team') }).returning();
  return team ?? null;
}

export async function updateTeam(
  tenant: TenantScope,
  id: string,
  changes: { name?: string; description?: string | null; status?: TeamStatus },
): Promise<TeamRow | null> {
  await findTeam(tenant, id, ['input', 'id']);
  if (changes.name) await assertTeamNameFree(tenant, changes.name, id);
  const [team] = await tenant.updateById(teams, id, changes).returning();
  return team ?? null;
}

/** Marks a team inactive; its employees keep their membership and nothing is deleted. */
export async function deactivateTeam(tenant: TenantScope, id: string): Promise<TeamRow | null> {
  await findTeam(tenant, id, ['input', 'id']);
  const [team] = await tenant.updateById(teams, id, { status: 'inactive' }).returning();
  return team ?? null;
}
