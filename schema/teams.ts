/** Team: a group of employees, usually with a lead. Queries and mutations. */
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { conflictError, notFoundError, parseInput } from '../domain/errors.ts';
import { description, teamName } from '../domain/people.ts';
import { newId } from '../db/ids.ts';
import { employees, teams, TEAM_STATUSES, type TeamStatus } from '../db/people.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation, withoutNulls } from './mutations.ts';
import { tenantFor } from './tenancy.ts';
import { EmployeeFilter, employeeFilterSql } from './employee-filter.ts';

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
      where: eq(employees.status, 'active'),
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
  teams: t.drizzleConnection({
    type: 'teams',
    description: 'Teams of your organisation, by name.',
    args: { filter: t.arg({ type: TeamFilter }) },
    ...filteredConnection({ name: 'teams', table: teams, permission: 'read', filter: teamFilterSql, orderBy: { name: 'asc' } }),
  }),
}));

function teamFilterSql(table: typeof teams, filter: { status?: TeamStatus | null } | null | undefined): SQL | undefined {
  return filter?.status ? eq(table.status, filter.status) : undefined;
}

// ---- mutations -------------------------------------------------------------------------------

type TeamRow = typeof teams.$inferSelect;

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

async function assertTeamNameFree(tenant: TenantScope, name: string, exceptId?: string) {
  const clash = await tenant.count(
    teams,
    and(sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined),
  );
  if (clash > 0) throw conflictError(['input', 'name'], `A team named "${name}" already exists.`);
}

/** Loads one team of the tenant, or reports it missing at `path`. */
export async function findTeam(tenant: TenantScope, id: string, path: string[]): Promise<TeamRow> {
  const team = await tenant.db.query.teams.findFirst({ where: { id } });
  if (!team) throw notFoundError(path, missingMessage('Team'));
  return team;
}

builder.mutationFields((t) => ({
  createTeam: t.field({
    type: TeamPayload,
    description: 'Creates a team. Needs a manager or admin key.',
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const values = parseInput(createTeamSchema, input);
        await assertTeamNameFree(tenant, values.name);
        const [team] = await tenant.insert(teams, { ...values, id: newId('team') }).returning();
        return { team: team ?? null };
      }, { team: null }),
  }),
  updateTeam: t.field({
    type: TeamPayload,
    description: 'Changes a team\'s name, description or status. Omitted fields stay as they are.',
    args: { input: t.arg({ type: UpdateTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const id = localIdFor('Team', input.id, ['input', 'id']);
        const changes = parseInput(updateTeamSchema, withoutNulls(input));
        await findTeam(tenant, id, ['input', 'id']);
        if (changes.name) await assertTeamNameFree(tenant, changes.name, id);
        const [team] = await tenant.updateById(teams, id, changes).returning();
        return { team: team ?? null };
      }, { team: null }),
  }),
  deactivateTeam: t.field({
    type: TeamPayload,
    description: 'Marks a team inactive. Its employees keep their membership; nothing is deleted.',
    args: { input: t.arg({ type: TeamIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'people:write', async () => {
        const tenant = tenantFor(ctx, 'people:write');
        const id = localIdFor('Team', input.id, ['input', 'id']);
        await findTeam(tenant, id, ['input', 'id']);
        const [team] = await tenant.updateById(teams, id, { status: 'inactive' }).returning();
        return { team: team ?? null };
      }, { team: null }),
  }),
}));
