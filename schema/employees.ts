/** Employee: a person in the tenant's service organisation. Queries and mutations over features/people/service.ts. */
import * as v from 'valibot';
import { parseInput } from '../domain/errors.ts';
import { email, hireDate, personName } from '../features/people/rules.ts';
import { createEmployee, deactivateEmployee, updateEmployee } from '../features/people/service.ts';
import { EMPLOYEE_ROLES, EMPLOYEE_STATUSES, employees } from '../features/people/tables.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { EmployeeFilter, employeeFilterSql, EmployeeRoleEnum, EmployeeStatusEnum } from './employee-filter.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation, withoutNulls } from './mutations.ts';

// Other schema modules check employees through this name; the lookup itself is the people service's.
export { findEmployee } from '../features/people/service.ts';

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
  employees: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'employees',
    description: 'Employees of your organisation, by name.',
    args: { filter: t.arg({ type: EmployeeFilter }) },
    ...filteredConnection({ name: 'employees', table: employees, filter: employeeFilterSql, orderBy: { name: 'asc' } }),
  }),
}));

// ---- mutations -------------------------------------------------------------------------------

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

builder.mutationFields((t) => ({
  createEmployee: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: EmployeePayload,
    description: 'Adds an employee. Needs a manager or admin key.',
    args: { input: t.arg({ type: CreateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(createEmployeeSchema(ctx.now), input);
        const teamId = input.teamId ? localIdFor('Team', input.teamId, ['input', 'teamId']) : null;
        return { employee: await createEmployee(tenant, values, teamId) };
      }, { employee: null }),
  }),
  updateEmployee: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: EmployeePayload,
    description: 'Changes an employee. Omitted fields stay as they are.',
    args: { input: t.arg({ type: UpdateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('Employee', input.id, ['input', 'id']);
        const { teamId: _team, removeFromTeam, id: _id, ...fields } = withoutNulls(input);
        const changes = parseInput(updateEmployeeSchema(ctx.now), fields);
        const team = input.teamId
          ? { id: localIdFor('Team', input.teamId, ['input', 'teamId']) }
          : removeFromTeam
            ? null
            : undefined;
        return { employee: await updateEmployee(tenant, id, changes, team) };
      }, { employee: null }),
  }),
  deactivateEmployee: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: EmployeePayload,
    description:
      'Marks an employee inactive: their employee tokens stop working and they drop out of summaries. Nothing is deleted.',
    args: { input: t.arg({ type: DeactivateEmployeeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('Employee', input.id, ['input', 'id']);
        return { employee: await deactivateEmployee(tenant, id) };
      }, { employee: null }),
  }),
}));

