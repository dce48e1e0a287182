/** Helpers that give every mutation the same shape: one `input`, a payload with `errors`. */
import type { GraphQLContext } from '../worker/context.ts';
import { requirePermission, type Permission } from '../worker/auth/permissions.ts';
import { UserErrors, type UserErrorData } from '../domain/errors.ts';

export type Payload<T> = T & { errors: UserErrorData[] };
/** The payload's fields when the mutation failed: each one null. */
export type Empty<T> = { [K in keyof T]: T[K] | null };

/**
 * Checks the permission, runs `perform`, and reports `UserErrors` as payload errors. A missing
 * permission stays a top-level FORBIDDEN error: it is about the credential, not the input.
 */
export async function runMutation<T extends object>(
  ctx: GraphQLContext,
  permission: Permission,
  perform: () => Promise<T>,
  empty: Empty<T>,
): Promise<Payload<Empty<T>>> {
  requirePermission(ctx.principal, permission);
  try {
    return { ...(await perform()), errors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, errors: error.errors };
    throw error;
  }
}
