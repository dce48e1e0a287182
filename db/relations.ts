/**
 * Relations for drizzle's relational queries (and so for Pothos's query planning).
 *
 * Relations join on the id alone. That cannot cross tenants: every reference between
 * tenant-owned tables is a composite foreign key (tenant_id, x_id) -> (tenant_id, id), so a row
 * can only point at a row of its own tenant. (Joining on both columns would say the same thing
 * twice, and the Pothos drizzle plugin renders counts over composite relations incorrectly.)
 */
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  teams: {
    employees: r.many.employees({ from: r.teams.id, to: r.employees.teamId }),
  },
  employees: {
    team: r.one.teams({ from: r.employees.teamId, to: r.teams.id }),
  },
}));

export type Relations = typeof relations;
