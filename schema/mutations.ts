/** Helpers that give every mutation the same shape: one `input`, a payload with `errors`. */
import type { ObjectParam, OutputShape } from '@pothos/core';
import { constraintViolationOf } from '../db/constraint-errors.ts';
import { UserErrors, type UserErrorData } from '../domain/errors.ts';
import { builder, type PothosTypes } from './builder.ts';
import { UserErrorInterface } from './errors.ts';

type SchemaTypes = PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>;

export type Payload<T> = T & { errors: UserErrorData[] };
/** The payload's fields when the mutation failed: each one null. */
export type Empty<T> = { [K in keyof T]: T[K] | null };

/**
 * Runs `perform` and reports `UserErrors` as payload errors. The field declares its permission
 * (`t.withAuth`, schema/auth-scopes.ts), checked before the resolver runs, so a missing permission
 * stays a top-level FORBIDDEN error: it is about the credential, not the input.
 * A unique or foreign-key violation from the database (a race the mutation's own checks could not
 * see) is reported the same way, as CONFLICT or NOT_FOUND: D1 applies a failed write or batch not at
 * all, so nothing was half-written.
 */
export async function runMutation<T extends object, E extends Empty<T>>(
  perform: () => Promise<T>,
  empty: E,
): Promise<Payload<T> | Payload<E>> {
  try {
    return { ...(await perform()), errors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, errors: error.errors };
    const raced = userErrorForConstraint(error);
    if (raced) return { ...empty, errors: [raced] };
    throw error;
  }
}

/**
 * The payload error for a database constraint violation, or null when `error` is not one we
 * expect (CHECK and NOT NULL failures mean validation missed something: a bug, masked as such).
 * The path is the index's last column other than the tenant (`teams(tenant_id, lower(name))` ->
 * `["input", "name"]`), which is the input field the caller chose.
 */
export function userErrorForConstraint(error: unknown): UserErrorData | null {
  const violation = constraintViolationOf(error);
  if (!violation) return null;
  const record = violation.table ? singular(violation.table.replaceAll('_', ' ')) : 'record';
  switch (violation.kind) {
    case 'unique': {
      const field = violation.columns.filter((column) => column !== 'tenantId').at(-1);
      if (!field) return { code: 'CONFLICT', path: ['input'], message: `This ${record} already exists.` };
      const label = field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
      return { code: 'CONFLICT', path: ['input', field], message: `Another ${record} already has this ${label}: choose a different ${label}.` };
    }
    case 'primaryKey':
      return { code: 'CONFLICT', path: ['input'], message: `This ${record} was written by another request at the same moment; try again.` };
    case 'foreignKey':
      return { code: 'NOT_FOUND', path: ['input'], message: 'A record this change refers to no longer exists (it was removed a moment ago); reload and try again.' };
    case 'check':
    case 'notNull':
      return null;
  }
}

/** "survey templates" -> "survey template", "api keys" -> "api key"; "feedback" stays. */
function singular(words: string): string {
  if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
  return words.endsWith('s') ? words.slice(0, -1) : words;
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
