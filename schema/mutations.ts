/** Helpers that give every mutation the same shape: one `input`, a payload with `errors`. */
import type { GraphQLContext } from '../worker/context.ts';
import { requirePermission, type Permission } from '../worker/auth/permissions.ts';
import type { ObjectParam, OutputShape } from '@pothos/core';
import { UserErrors, type UserErrorData } from '../domain/errors.ts';
import { builder } from './builder.ts';
import { UserErrorInterface } from './errors.ts';

type SchemaTypes = PothosSchemaTypes.ExtendDefaultTypes<import('./builder.ts').PothosTypes>;

export type Payload<T> = T & { errors: UserErrorData[] };
/** The payload's fields when the mutation failed: each one null. */
export type Empty<T> = { [K in keyof T]: T[K] | null };

/**
 * Checks the permission, runs `perform`, and reports `UserErrors` as payload errors. A missing
 * permission stays a top-level FORBIDDEN error: it is about the credential, not the input.
 */
export async function runMutation<T extends object, E extends Empty<T>>(
  ctx: GraphQLContext,
  permission: Permission,
  perform: () => Promise<T>,
  empty: E,
): Promise<Payload<T> | Payload<E>> {
  requirePermission(ctx.principal, permission);
  try {
    return { ...(await perform()), errors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, errors: error.errors };
    throw error;
  }
}

/**
 * The common payload: one nullable record field and `errors`. `payloadType('TeamPayload', 'team', Team)`
 * gives `type TeamPayload { team: Team, errors: [UserError!]! }`.
 */
export function payloadType<Key extends string, Ref extends ObjectParam<SchemaTypes>>(
  name: string,
  key: Key,
  ref: Ref,
  description?: string,
) {
  type Shape = { [K in Key]: OutputShape<SchemaTypes, Ref> | null } & { errors: UserErrorData[] };
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) => ({
      // Shape[Key] is exactly the field's type; TypeScript cannot see through Pothos's
      // conditional resolver type for a generic ref, hence the cast.
      [key]: t.field({ type: ref, nullable: true, resolve: (payload: Shape) => payload[key] as never }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });
}

/** GraphQL gives `null` for fields sent as null; for updates, null and absent both mean "unchanged". */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
