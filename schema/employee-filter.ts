/** The employee filter, shared by `Query.employees` and `Team.employees`, as one SQL condition. */
import type { SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { LIMITS } from '../features/people/rules.ts';
import { employeeWhere } from '../features/people/service.ts';
import { EMPLOYEE_ROLES, EMPLOYEE_STATUSES, type employees, type EmployeeRole, type EmployeeStatus } from '../features/people/tables.ts';
import { builder } from './builder.ts';
import { upperEnum } from './enums.ts';
import { tryDecodeId } from './global-ids.ts';

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
 * The filter as SQL over `table` (drizzle passes an alias inside relational queries), built by the
 * people service. A team id that is malformed or not a team matches nothing, like an unknown team.
 */
export function employeeFilterSql(table: typeof employees, filter: EmployeeFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const search = filter.search?.trim();
  if (search && search.length > LIMITS.search) {
    throw new GraphQLError(`filter.search is at most ${LIMITS.search} characters.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const decoded = filter.teamId ? tryDecodeId(filter.teamId) : undefined;
  return employeeWhere(table, {
    ...(filter.teamId ? { team: { id: decoded?.typename === 'Team' ? decoded.id : null } } : {}),
    role: filter.role ?? null,
    status: filter.status ?? null,
    search: search ?? null,
  });
}
