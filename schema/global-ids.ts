/**
 * Global IDs: opaque base64url of "<Type>:<id>". Clients must treat them as opaque; the server
 * decodes them in one place so that a malformed id is always the same clear error.
 */
import { eq, sql, type Column, type SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { missingMessage, notFoundError, validationError } from '../domain/errors.ts';

export function encodeId(typename: string, id: string | number | bigint): string {
  return btoa(`${typename}:${id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Decodes a global ID, or undefined when it is not one. */
export function tryDecodeId(globalId: string): { typename: string; id: string } | undefined {
  if (globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  let text: string;
  try {
    text = atob(globalId.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return undefined;
  }
  const separator = text.indexOf(':');
  if (separator < 1 || separator === text.length - 1) return undefined;
  const typename = text.slice(0, separator);
  const id = text.slice(separator + 1);
  if (!/^[A-Za-z]+$/.test(typename) || !/^[a-z0-9_]+$/.test(id)) return undefined;
  return { typename, id };
}

/** Used by the Relay plugin for `node`, `nodes` and globalID arguments. */
export function decodeId(globalId: string): { typename: string; id: string } {
  const decoded = tryDecodeId(globalId);
  if (!decoded) {
    throw new GraphQLError(`"${globalId.slice(0, 80)}" is not a valid ID. Use an id returned by this API.`, {
      extensions: { code: 'INVALID_ID' },
    });
  }
  return decoded;
}

/**
 * The local id inside a global ID given as mutation input. A malformed id is a VALIDATION error; an
 * id of another type is reported exactly like one that does not exist.
 */
export function localIdFor(typename: string, globalId: string, path: string[]): string {
  const decoded = tryDecodeId(globalId);
  if (!decoded) throw validationError(path, `This is not a valid ${typename} id. Use an id returned by this API.`);
  if (decoded.typename !== typename) throw notFoundError(path, missingMessage(typename));
  return decoded.id;
}


/**
 * A filter condition "column = the local id of `globalId`". A malformed id, or an id of another
 * type, matches nothing: filtering by an unknown id is an empty list, not an error.
 */
export function idEquals(column: Column, globalId: string, typename: string): SQL {
  const decoded = tryDecodeId(globalId);
  return decoded?.typename === typename ? eq(column, decoded.id) : sql`0 = 1`;
}

/**
 * `idEquals` for services that build their own conditions: the local id of `globalId`, or null
 * when it is malformed or of another type (the service then matches nothing).
 */
export function localIdFilter(globalId: string, typename: string): { id: string | null } {
  const decoded = tryDecodeId(globalId);
  return { id: decoded?.typename === typename ? decoded.id : null };
}
