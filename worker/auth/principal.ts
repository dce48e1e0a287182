/**
 * Who is calling. Every request is authenticated into exactly one principal before GraphQL runs.
 * A publishable widget key (`fl_pk_...`) will be one more kind here, with its allowed origins.
 */
import type { EmployeeRole } from '../../db/people.ts';
import type { ApiKeyRole } from '../../db/tenants.ts';

export type Principal =
  /** The platform operator (PLATFORM_ADMIN_TOKEN): provisions tenants and keys, sees no tenant data. */
  | { kind: 'platform' }
  /** A tenant's server-to-server secret key. */
  | { kind: 'secretKey'; tenantId: string; keyId: string; role: ApiKeyRole }
  /**
   * An employee token: acts as exactly one employee of one tenant. `employeeRole` is the
   * employee's role (agent, lead, manager, director) when the request was authenticated, for rules
   * such as "a manager approves with their own token".
   */
  | { kind: 'employee'; tenantId: string; employeeId: string; employeeRole: EmployeeRole };

/**
 * What a principal is called in permission rules: its key role, "employee" for any employee token,
 * and also "employee:manager" for the token of a manager or director (who approve and reply with
 * their own tokens as well as with keys).
 */
export type Actor = ApiKeyRole | 'employee' | 'employee:manager' | 'platform';

/** The principal's main actor, as shown in `viewer.role` and error messages. */
export function actorOf(principal: Principal): Exclude<Actor, 'employee:manager'> {
  switch (principal.kind) {
    case 'platform':
      return 'platform';
    case 'secretKey':
      return principal.role;
    case 'employee':
      return 'employee';
  }
}

/** Every actor the principal counts as in permission rules. */
export function actorsOf(principal: Principal): Actor[] {
  if (principal.kind === 'employee' && (principal.employeeRole === 'manager' || principal.employeeRole === 'director')) {
    return ['employee', 'employee:manager'];
  }
  return [actorOf(principal)];
}

export function tenantIdOf(principal: Principal): string | null {
  return principal.kind === 'platform' ? null : principal.tenantId;
}
