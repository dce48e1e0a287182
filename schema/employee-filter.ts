/** The employee filter, shared by `Query.employees` and `Team.employees`, as one SQL condition. */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { EMPLOYEE_ROLES, EMPLOYEE_STATUSES, type employees, type EmployeeRole, type EmployeeStatus } from '../db/people.ts';
import { LIMITS, likePattern } from '../domain/people.ts';
import { builder } from './builder.ts';
import { upperEnum } from './enums.ts';
import { idEquals } from './global-ids.ts';

export const EmployeeRoleEnum = upperEnum<EmployeeRole>('EmployeeRole', EMPLOYEE_ROLES);
export const EmployeeStatusEnum = upperEnum<EmployeeStatus>('EmployeeStatus', EMPLOYEE_STATUSES);

export interface EmployeeFilterValues {
  teamId?: string | null;
  role?: EmployeeRole | null;
  status?: EmployeeStatus | null;
  search?: string | null;
}

export const EmployeeFilter = builder.inputType('EmployeeFilter', {
  fields: (t) => ({
    teamId: t.id({ description: 'Only members of this team.' }),
    role: t.field({ type: EmployeeRoleEnum }),
    status: t.field({ type: EmployeeStatusEnum }),
    search: t.string({ description: `Case-insensitive match on name or email (at most ${LIMITS.search} characters).` }),
  }),
});

/**
 * The filter as SQL over `table` (drizzle passes an alias inside relational queries). A team id
 * that is malformed or not a team matches nothing, like an unknown team.
 */
export function employeeFilterSql(table: typeof employees, filter: EmployeeFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.teamId) conditions.push(idEquals(table.teamId, filter.teamId, 'Team'));
  if (filter.role) conditions.push(eq(table.role, filter.role));
  if (filter.status) conditions.push(eq(table.status, filter.status));
  const search = filter.search?.trim();
  if (search) {
    if (search.length > LIMITS.search) {
      throw new GraphQLError(`filter.search is at most ${LIMITS.search} characters.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const pattern = likePattern(search);
    conditions.push(or(sql`${table.name} LIKE ${pattern} ESCAPE '\\'`, sql`${table.email} LIKE ${pattern} ESCAPE '\\'`));
  }
  return and(...conditions);
}
