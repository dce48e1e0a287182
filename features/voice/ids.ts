/** Ids in the voice services: how a filter matches one (the NOT_FOUND words are domain/errors.ts's missingMessage). */
import { eq, sql, type Column, type SQL } from 'drizzle-orm';


/** A local id to filter on, or null for an id of another type (which matches nothing, like an unknown id). */
export interface LocalIdFilter {
  id: string | null;
}

/** `column = id`, or a condition that matches nothing for a null id. */
export function idIs(column: Column, filter: LocalIdFilter): SQL {
  return filter.id === null ? sql`0 = 1` : eq(column, filter.id);
}
