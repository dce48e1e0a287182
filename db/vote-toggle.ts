/**
 * One vote per employee on a thing (a suggestion, a reward, an agenda item), with the thing's
 * denormalised `vote_count` recounted from the votes in the same D1 batch, so the count can never
 * drift from the votes, even when two votes race. Used by suggestion, reward and agenda votes; each
 * keeps its own rules through the options (a guard on adding, whether a vote touches updated_at).
 * No GraphQL here: the caller checks who may vote and finds the thing first.
 */
import { and, eq, type InferInsertModel, type InferSelectModel, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SelectRow, TenantScope, TenantTable } from './tenant-scope.ts';

/** A table of votes: one row per (thing, employee), unique, so adding twice adds nothing. */
export type VoteTable = TenantTable & { employeeId: SQLiteColumn; createdAt: SQLiteColumn };
/** A table of things voted on, with the count the votes are recounted into. */
export type VotedTable = TenantTable & { voteCount: SQLiteColumn };

export interface VoteToggle<V extends VoteTable, P extends VotedTable> {
  /** The votes table and its column that references the thing. */
  votes: V;
  votesFor: SQLiteColumn;
  /** The things voted on and the one this vote is about. */
  things: P;
  thingId: string;
  employeeId: string;
  /** true adds the employee's vote (a no-op if they had voted), false takes it back (a no-op if not). */
  add: boolean;
  /** The vote row to add, by column name (tenant id and created_at are filled in). */
  vote: SelectRow<V>;
  /**
   * A condition the vote is added under, checked by the INSERT itself (so a thing that changed
   * since it was read, e.g. a reward retired meanwhile, gets no vote). Must filter by the tenant.
   */
  addOnlyIf?: SQL;
  /**
   * Whether recounting moves the thing's updated_at. Suggestions keep theirs: a vote is not an
   * edit, and a timestamp moving on every vote would tell when someone (perhaps the anonymous
   * author) voted.
   */
  touchesThing: boolean;
}

/**
 * Adds or takes back one employee's vote and recounts, in one batch; returns the thing as it is
 * after the recount (undefined if it is not this tenant's). Two statements, one round trip.
 */
export async function toggleVote<V extends VoteTable, P extends VotedTable>(tenant: TenantScope, toggle: VoteToggle<V, P>): Promise<InferSelectModel<P> | undefined> {
  const { votes, votesFor, things, thingId, employeeId } = toggle;
  const change = toggle.add
    ? tenant
        // SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT; without a guard it is always true.
        .insertSelect(votes, toggle.vote, sql`WHERE ${toggle.addOnlyIf ?? sql`1 = 1`}`)
        .onConflictDoNothing()
    : tenant.deleteWhere(votes, and(eq(votesFor, thingId), eq(votes.employeeId, employeeId)) as SQL);
  const recount = {
    voteCount: sql`(SELECT count(*) FROM ${votes} WHERE ${votes.tenantId} = ${tenant.tenantId} AND ${votesFor} = ${thingId})`,
    // updated_at = updated_at: TenantScope would otherwise stamp it with `now`.
    ...(!toggle.touchesThing && 'updatedAt' in things ? { updatedAt: sql`${things.updatedAt as SQLiteColumn}` } : {}),
  } as { [K in Exclude<keyof InferInsertModel<P>, 'tenantId' | 'id'>]?: SQL };
  const [, [updated]] = await tenant.batch([change, tenant.updateWhere(things, recount, eq(things.id, thingId)).returning()]);
  return updated as InferSelectModel<P> | undefined;
}
