/**
 * Who is calling. Every request is authenticated into exactly one principal before GraphQL runs.
 */
import type { EmployeeRole } from '../../features/people/tables.ts';
import type { ApiKeyRole } from '../../features/platform/tables.ts';
import type { WidgetKind } from '../../features/widgets/tables.ts';
import type { EmployeeTokenScope } from './employee-tokens.ts';

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
  | { kind: 'employee'; tenantId: string; employeeId: string; employeeRole: EmployeeRole; scopes?: readonly EmployeeTokenScope[] }
  /**
   * A publishable widget key (`fl_pk_...`), already checked against the request's Origin and
   * running one of the widgets' trusted documents (worker/widgets.ts). It may only use the
   * widget fields (permission `widgets:public`).
   */
  | { kind: 'publishable'; tenantId: string; keyId: string; widgets: readonly WidgetKind[] };

/**
 * What a principal is called in permission rules: its key role, "employee" for any employee token,
 * "employee:lead" for the token of a lead, manager or director (who call customers), and
 * "employee:manager" for a manager's or director's token (who approve and reply with their own
 * tokens as well as with keys).
 */
export type Actor = ApiKeyRole | 'employee' | 'employee:lead' | 'employee:manager' | 'platform' | 'publishable';

/** The principal's main actor, as shown in `viewer.role` and error messages. */
export function actorOf(principal: Principal): Exclude<Actor, 'employee:lead' | 'employee:manager'> {
  switch (principal.kind) {
    case 'platform':
      return 'platform';
    case 'secretKey':
      return principal.role;
    case 'employee':
      return 'employee';
    case 'publishable':
      return 'publishable';
  }
}

/** Every actor the principal counts as in permission rules. */
export function actorsOf(principal: Principal): Actor[] {
  if (principal.kind !== 'employee') return [actorOf(principal)];
  switch (principal.employeeRole) {
    case 'manager':
    case 'director':
      return ['employee', 'employee:lead', 'employee:manager'];
    case 'lead':
      return ['employee', 'employee:lead'];
    case 'agent':
      return ['employee'];
  }
}

export function tenantIdOf(principal: Principal): string | null {
  return principal.kind === 'platform' ? null : principal.tenantId;
}

/**
 * Who made a change, as stored in ledgers, decisions and audit columns: the employee of an employee
 * token, the id of a secret key, or "platform".
 */
export function actorIdOf(principal: Principal): string {
  switch (principal.kind) {
    case 'employee':
      return principal.employeeId;
    case 'secretKey':
    case 'publishable':
      return principal.keyId;
    case 'platform':
      return 'platform';
  }
}
