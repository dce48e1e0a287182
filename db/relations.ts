/**
 * Relations for drizzle's relational queries (and so for Pothos's query planning).
 * Every relation between tenant-owned tables joins on tenant_id as well as the id, so that a
 * nested selection can only ever follow rows of the same tenant.
 */
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  teams: {
    employees: r.many.employees({
      from: [r.teams.tenantId, r.teams.id],
      to: [r.employees.tenantId, r.employees.teamId],
    }),
  },
  employees: {
    team: r.one.teams({
      from: [r.employees.tenantId, r.employees.teamId],
      to: [r.teams.tenantId, r.teams.id],
    }),
  },
}));

export type Relations = typeof relations;
