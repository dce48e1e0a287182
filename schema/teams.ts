/** Team: a group of employees, usually with a lead. Queries and mutations over features/people/service.ts. */
import { sql } from 'drizzle-orm';
import * as v from 'valibot';
import { parseInput } from '../domain/errors.ts';
import { description, teamName } from '../features/people/rules.ts';
import { activeMember, createTeam, deactivateTeam, teamWhere, updateTeam } from '../features/people/service.ts';
import { TEAM_STATUSES, teams, type TeamStatus } from '../features/people/tables.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { EmployeeFilter, employeeFilterSql } from './employee-filter.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation, withoutNulls } from './mutations.ts';

// Other schema modules check teams through this name; the lookup itself is the people service's.
export { findTeam } from '../features/people/service.ts';

export const TeamStatusEnum = builder.enumType('TeamStatus', {
  values: { ACTIVE: { value: 'active' }, INACTIVE: { value: 'inactive' } } as const,
});

export const Team = builder.drizzleNode('teams', {
  name: 'Team',
  id: { column: (team) => team.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: TeamStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    memberCount: t.relatedCount('employees', {
      description: 'Number of active employees in the team.',
      where: activeMember,
    }),
    employees: t.relatedConnection('employees', {
      description: 'Members of the team, by name.',
      args: { filter: t.arg({ type: EmployeeFilter }) },
      totalCount: true,
      query: (args) => ({
        where: { RAW: (table) => employeeFilterSql(table, args.filter) ?? sql`1 = 1` },
        orderBy: { name: 'asc' },
      }),
    }),
  }),
});

const TeamFilter = builder.inputType('TeamFilter', {
  fields: (t) => ({
    status: t.field({ type: TeamStatusEnum, description: 'Only teams with this status.' }),
  }),
});

builder.queryFields((t) => ({
  teams: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'teams',
    description: 'Teams of your organisation, by name.',
    args: { filter: t.arg({ type: TeamFilter }) },
    ...filteredConnection({ name: 'teams', table: teams, filter: teamFilterSql, orderBy: { name: 'asc' } }),
  }),
}));

function teamFilterSql(table: typeof teams, filter: { status?: TeamStatus | null } | null | undefined) {
  return teamWhere(table, filter ?? {});
}

// ---- mutations -------------------------------------------------------------------------------

const TeamPayload = payloadType('TeamPayload', 'team', Team);

const CreateTeamInput = builder.inputType('CreateTeamInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
  }),
});

const UpdateTeamInput = builder.inputType('UpdateTeamInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    description: t.string({ description: 'An empty string clears the description.' }),
    status: t.field({ type: TeamStatusEnum, description: 'ACTIVE reactivates a team.' }),
  }),
});

const TeamIdInput = builder.inputType('DeactivateTeamInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const createTeamSchema = v.object({ name: teamName, description: v.nullish(description) });
const updateTeamSchema = v.object({
  name: v.optional(teamName),
  description: v.optional(description),
  status: v.optional(v.picklist(TEAM_STATUSES)),
});

builder.mutationFields((t) => ({
  createTeam: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: TeamPayload,
    description: 'Creates a team. Needs a manager or admin key.',
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(createTeamSchema, input);
        return { team: await createTeam(tenant, values) };
      }, { team: null }),
  }),
  updateTeam: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: TeamPayload,
    description: 'Changes a team\'s name, description or status. Omitted fields stay as they are.',
    args: { input: t.arg({ type: UpdateTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('Team', input.id, ['input', 'id']);
        const changes = parseInput(updateTeamSchema, withoutNulls(input));
        return { team: await updateTeam(tenant, id, changes) };
      }, { team: null }),
  }),
  deactivateTeam: t.withAuth({ permission: 'people:write', tenant: true }).field({
    type: TeamPayload,
    description: 'Marks a team inactive. Its employees keep their membership; nothing is deleted.',
    args: { input: t.arg({ type: TeamIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('Team', input.id, ['input', 'id']);
        return { team: await deactivateTeam(tenant, id) };
      }, { team: null }),
  }),
}));
