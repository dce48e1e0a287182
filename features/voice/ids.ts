/** Ids in the voice services: what a missing one reads like, and how a filter matches one. */
import { eq, sql, type Column, type SQL } from 'drizzle-orm';

/** The NOT_FOUND message for a missing id: the same words whether the id never existed or is another tenant's. */
export const missingMessage = (typename: string) => `No ${typename} with this id exists in your organisation.`;

/** A local id to filter on, or null for an id of another type (which matches nothing, like an unknown id). */
export interface LocalIdFilter {
  id: string | null;
}

/** `column = id`, or a condition that matches nothing for a null id. */
export function idIs(column: Column, filter: LocalIdFilter): SQL {
  return filter.id === null ? sql`0 = 1` : eq(column, filter.id);
}
