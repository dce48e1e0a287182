/** Resolvers get the caller's tenant here, after the permission check, in one line. */
import { GraphQLError } from 'graphql';
import type { TenantScope } from '../db/tenant-scope.ts';
import { requirePermission, type Permission } from '../worker/auth/permissions.ts';
import type { GraphQLContext } from '../worker/context.ts';

/** The caller's tenant scope, once `permission` is confirmed. The platform token has no tenant. */
export function tenantFor(ctx: GraphQLContext, permission: Permission): TenantScope {
  requirePermission(ctx.principal, permission);
  if (!ctx.tenant) {
    throw new GraphQLError('Forbidden: this operation works on one tenant and needs a tenant key, not the platform token.', {
      extensions: { code: 'FORBIDDEN', permission },
    });
  }
  return ctx.tenant;
}

/**
 * The employee an employee token acts as. Actions an employee takes themselves (giving
 * recognition, voting, suggesting) need an employee token: a key is not a person.
 */
export function actingEmployeeId(ctx: GraphQLContext): string {
  if (ctx.principal.kind !== 'employee') {
    throw new GraphQLError(
      'Forbidden: this is something an employee does, so it needs an employee token (mint one with createEmployeeToken).',
      { extensions: { code: 'FORBIDDEN', permission: 'employee' } },
    );
  }
  return ctx.principal.employeeId;
}
