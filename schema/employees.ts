/** Employee: a person in the tenant's service organisation. Queries and mutations. */
import { and, ne, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { newId } from '../db/ids.ts';
import { EMPLOYEE_ROLES, EMPLOYEE_STATUSES, employees } from '../db/people.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { conflictError, notFoundError, parseInput } from '../domain/errors.ts';
import { email, hireDate, personName } from '../domain/people.ts';
import { builder } from './builder.ts';
import {
  EmployeeFilter,
  employeeFilterSql,
  EmployeeRoleEnum,
  EmployeeStatusEnum,
} from './employee-filter.ts';
import { localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation, withoutNulls } from './mutations.ts';
import { findTeam } from './teams.ts';
import { filteredConnection } from './connections.ts';
import { tenantFor } from './tenancy.ts';

export const Employee = builder.drizzleNode('employees', {
  name: 'Employee',
  id: { column: (employee) => employee.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: EmployeeRoleEnum }),
    status: t.expose('status', { type: EmployeeStatusEnum }),
    hiredAt: t.expose('hiredAt', { type: 'Date' }),
    emailOptIn: t.exposeBoolean('emailOptIn', { description: 'Whether summary emails may be sent to this person.' }),
    team: t.relation('team', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  employees: t.drizzleConnection({
    type: 'employees',
    description: 'Employees of your organisation, by name.',
    args: { filter: t.arg({ type: EmployeeFilter }) },
    ...filteredConnection({ name: 'employees', table: employees, permission: 'read', filter: employeeFilterSql, orderBy: { name: 'asc' } }),
  }),
}));

// ---- mutations -------------------------------------------------------------------------------

type EmployeeRow = typeof employees.$inferSelect;

const EmployeePayload = payloadType('EmployeePayload', 'employee', Employee);

const CreateEmployeeInput = builder.inputType('CreateEmployeeInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true, description: 'Unique within your organisation; stored lower-cased.' }),
    role: t.field({ type: EmployeeRoleEnum, required: true }),
    teamId: t.id({ description: 'The team the employee belongs to.' }),
    hiredAt: t.field({ type: 'Date', required: true }),
    emailOptIn: t.boolean({ defaultValue: true, description: 'Whether summary emails may be sent. Default true.' }),
  }),
});

const UpdateEmployeeInput = builder.inputType('UpdateEmployeeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    email: t.string(),
    role: t.field({ type: EmployeeRoleEnum }),
    teamId: t.id({ description: 'Moves the employee to this team. See removeFromTeam to leave all teams.' }),
    removeFromTeam: t.boolean({ description: 'true leaves the employee without a team.' }),
    hiredAt: t.field({ type: 'Date' }),
    emailOptIn: t.boolean(),
    status: t.field({ type: EmployeeStatusEnum, description: 'ACTIVE reactivates an employee.' }),
  }),
});

const DeactivateEmployeeInput = builder.inputType('DeactivateEmployeeInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const createEmployeeSchema = (now: Date) =>
  v.object({
    name: personName,
    email,
    role: v.picklist(EMPLOYEE_ROLES),
    hiredAt: hireDate(now),
    emailOptIn: v.optional(v.boolean(), true),
  });

const updateEmployeeSchema = (now: Date) =>
  v.object({
    name: v.optional(personName),
    email: v.optional(email),
    role: v.optional(v.picklist(EMPLOYEE_ROLES)),
    hiredAt: v.optional(hireDate(now)),
    emailOptIn: v.optional(v.boolean()),
    status: v.optional(v.picklist(EMPLOYEE_STATUSES)),
  });

async function assertEmailFree(tenant: TenantScope, address: string, exceptId?: string) {
  const clash = await tenant.count(
    employees,
    and(sql`${employees.email} = ${address}`, exceptId ? ne(employees.id, exceptId) : undefined),
  );
  if (clash > 0) throw conflictError(['input', 'email'], `Another employee already uses ${address}.`);
}

/** The team id from input, checked to be a team of this tenant. */
async function resolveTeamId(tenant: TenantScope, teamGlobalId: string): Promise<string> {
  const path = ['input', 'teamId'];
  const teamId = localIdFor('Team', teamGlobalId, path);
  await findTeam(tenant, teamId, path);
  return teamId;
}

/** Loads one employee of the tenant, or reports it missing at `path`. */
export async function findEmployee(tenant: TenantScope, id: string, path: string[]): Promise<EmployeeRow> {
  const employee = await tenant.db.query.employees.findFirst({ where: { id } });
  if (!employee) throw notFoundError(path, missingMessage('Employee'));
  return employee;
}

builder.mutationFields((t) => ({
  createEmployee: t.field({
    type: EmployeePayload,
    description: 'Adds an employee. Needs a manager or admin key.',
    args: { input: t.arg({ type: CreateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const values = parseInput(createEmployeeSchema(ctx.now), input);
        const teamId = input.teamId ? await resolveTeamId(tenant, input.teamId) : null;
        await assertEmailFree(tenant, values.email);
        // Two creates at once can both pass assertEmailFree; the unique index refuses the second
        // and runMutation reports it as a CONFLICT on input.email.
        const [employee] = await tenant.insert(employees, { ...values, teamId, id: newId('emp') }).returning();
        return { employee: employee ?? null };
      }, { employee: null }),
  }),
  updateEmployee: t.field({
    type: EmployeePayload,
    description: 'Changes an employee. Omitted fields stay as they are.',
    args: { input: t.arg({ type: UpdateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const id = localIdFor('Employee', input.id, ['input', 'id']);
        const { teamId: _team, removeFromTeam, id: _id, ...fields } = withoutNulls(input);
        const changes = parseInput(updateEmployeeSchema(ctx.now), fields);
        await findEmployee(tenant, id, ['input', 'id']);
        const teamChange = input.teamId
          ? { teamId: await resolveTeamId(tenant, input.teamId) }
          : removeFromTeam
            ? { teamId: null }
            : {};
        if (changes.email) await assertEmailFree(tenant, changes.email, id);
        const [employee] = await tenant.updateById(employees, id, { ...changes, ...teamChange }).returning();
        return { employee: employee ?? null };
      }, { employee: null }),
  }),
  deactivateEmployee: t.field({
    type: EmployeePayload,
    description:
      'Marks an employee inactive: their employee tokens stop working and they drop out of summaries. Nothing is deleted.',
    args: { input: t.arg({ type: DeactivateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const id = localIdFor('Employee', input.id, ['input', 'id']);
        await findEmployee(tenant, id, ['input', 'id']);
        const [employee] = await tenant.updateById(employees, id, { status: 'inactive' }).returning();
        return { employee: employee ?? null };
      }, { employee: null }),
  }),
}));

