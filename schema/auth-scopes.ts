/**
 * Authorization declared on fields (Pothos scope-auth). A field names what it needs once, in its
 * options, and its resolver gets a context narrowed to what the check proved:
 *
 *   builder.mutationFields((t) => ({
 *     createTeam: t.withAuth({ permission: 'people:write', tenant: true }).field({
 *       ...,
 *       resolve: (_root, { input }, ctx) => runMutation(() => createTeam(ctx.tenant, ...), { team: null }),
 *     }),            // ctx.tenant: TenantScope (not null) ^
 *   }));
 *
 * Scopes (all of a field's scopes must hold: DefaultAuthStrategy 'all'):
 * - `permission: 'people:write'`: the credential holds that permission (worker/auth/permissions.ts);
 * - `tenant: true`: the request works on one tenant (any tenant credential, not the platform token);
 *   narrows `ctx.tenant` to a TenantScope;
 * - `employee: true`: an employee token; narrows `ctx.employeeId` to a string (and `ctx.tenant`).
 *
 * Checks run before the resolver, in memory (the principal is already authenticated), so they add
 * no SQL statement. A failure is a top-level FORBIDDEN error, built here with the same messages the
 * API always had, checked in a fixed order whatever order the field lists its scopes in.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { TenantScope } from '../db/tenant-scope.ts';
import { forbidden, hasPermission, type Permission } from '../worker/auth/permissions.ts';
import type { GraphQLContext } from '../worker/context.ts';

/** The scopes a field may declare, and the parameter each takes. */
export interface AuthScopes {
  permission: Permission;
  tenant: boolean;
  employee: boolean;
}

/** The context a resolver sees once `tenant: true` holds. */
export type TenantContext = GraphQLContext & { tenant: TenantScope };
/** The context a resolver sees once `employee: true` holds: an employee token, so also a tenant. */
export type EmployeeContext = TenantContext & { employeeId: string };

export interface AuthContexts {
  tenant: TenantContext;
  employee: EmployeeContext;
}

/** The scope initializer: what this request's principal has. */
export function authScopesOf(ctx: GraphQLContext) {
  return {
    permission: (name: Permission) => hasPermission(ctx.principal, name),
    tenant: ctx.tenant !== null,
    employee: ctx.employeeId !== null,
  };
}

type DeclaredScopes = Partial<AuthScopes>;

/**
 * The FORBIDDEN error for a field whose scopes did not hold: the first missing one of permission,
 * tenant, employee (the order the resolvers used to check them in), with the message that says
 * what is needed.
 */
export function unauthorizedError(ctx: GraphQLContext, info: GraphQLResolveInfo): GraphQLError {
  const scopes = declaredScopes(info);
  if (scopes.permission && !hasPermission(ctx.principal, scopes.permission)) return forbidden(ctx.principal, scopes.permission);
  if (scopes.tenant && ctx.tenant === null) {
    return new GraphQLError('Forbidden: this operation works on one tenant and needs a tenant key, not the platform token.', {
      extensions: { code: 'FORBIDDEN', permission: scopes.permission },
    });
  }
  if (scopes.employee && ctx.employeeId === null) {
    return new GraphQLError(
      'Forbidden: this is something an employee does, so it needs an employee token (mint one with createEmployeeToken).',
      { extensions: { code: 'FORBIDDEN', permission: 'employee' } },
    );
  }
  // Unreachable while every scope above is a plain check of the principal; still a FORBIDDEN.
  return new GraphQLError(`Forbidden: ${info.parentType.name}.${info.fieldName} is not available to this credential.`, {
    extensions: { code: 'FORBIDDEN' },
  });
}

/** The scopes the field being resolved declared (Pothos keeps a field's options in its extensions). */
export function declaredScopes(info: GraphQLResolveInfo): DeclaredScopes {
  const field = info.parentType.getFields()[info.fieldName];
  return scopesOfField(field?.extensions);
}

/** A built field's declared scopes, from its extensions; {} when it declares none. */
export function scopesOfField(extensions: Readonly<Record<string, unknown>> | null | undefined): DeclaredScopes {
  const options = extensions?.pothosOptions;
  if (typeof options !== 'object' || options === null || !('authScopes' in options)) return {};
  const scopes = options.authScopes;
  return typeof scopes === 'object' && scopes !== null ? (scopes as DeclaredScopes) : {};
}

/**
 * The employee behind the request, for "did the viewer vote / follow" fields; '' for keys, which
 * matches no row (a key is not a person, so it has voted for nothing).
 */
export const viewerEmployeeId = (ctx: GraphQLContext): string => ctx.employeeId ?? '';

/**
 * How many of `table`'s rows matching `related` (a relation's filter for the parent row) are the
 * viewer's: the count behind viewerHasVoted and viewerFollows, as a subquery in the parent's own
 * SELECT (no statement per row). Always 0 for keys.
 */
export function viewerRowCount(ctx: GraphQLContext, table: SQLiteTable & { employeeId: SQLiteColumn }, related: SQL | undefined) {
  return ctx.db.$count(table, and(related, eq(table.employeeId, viewerEmployeeId(ctx))));
}
