import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, localId, TEST_NOW } from '../test/helpers.ts';
import { createDatabase } from './client.ts';
import { suggestions, suggestionVotes } from '../features/suggestions/tables.ts';
import { TenantScope } from './tenant-scope.ts';
import { toggleVote } from './vote-toggle.ts';

const LATER = new Date(TEST_NOW.getTime() + 60_000);

/** A tenant with one submitted suggestion and two employees, and a scope whose clock is a minute later. */
async function suggestionToVoteOn() {
  const tenant = await createTenant();
  const authorId = await createEmployee(tenant.admin, { name: 'Ada Author' });
  const voterId = await createEmployee(tenant.admin, { name: 'Val Voter' });
  const token = await employeeToken(tenant.admin, authorId);
  const submitted = await data<{ submitSuggestion: { suggestion: { id: string } } }>(
    token,
    'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } } }',
    { input: { category: 'SERVICE_IDEA', title: 'Water bowls for dogs', body: 'Put a water bowl by the door for customers with dogs.' } },
  );
  const scope = new TenantScope(createDatabase(env.DB), localId(tenant.id), LATER);
  return { scope, suggestionId: localId(submitted.submitSuggestion.suggestion.id), author: localId(authorId), voter: localId(voterId) };
}

function vote(scope: TenantScope, suggestionId: string, employeeId: string, add: boolean, options: { addOnlyIf?: ReturnType<typeof sql>; touchesThing?: boolean } = {}) {
  return toggleVote(scope, {
    votes: suggestionVotes,
    votesFor: suggestionVotes.suggestionId,
    things: suggestions,
    thingId: suggestionId,
    employeeId,
    add,
    vote: { id: `svote_${crypto.randomUUID()}`, suggestionId, employeeId },
    addOnlyIf: options.addOnlyIf,
    touchesThing: options.touchesThing ?? false,
  });
}

describe('toggleVote', () => {
  it('counts one vote per employee, recounts on retract, and leaves updated_at alone when asked to', async () => {
    const { scope, suggestionId, author, voter } = await suggestionToVoteOn();
    const before = await scope.db.query.suggestions.findFirst({ where: { id: suggestionId } });
    expect((await vote(scope, suggestionId, voter, true))?.voteCount).toBe(1);
    expect((await vote(scope, suggestionId, voter, true))?.voteCount).toBe(1);
    const both = await vote(scope, suggestionId, author, true);
    expect(both?.voteCount).toBe(2);
    expect(both?.updatedAt).toEqual(before?.updatedAt);
    expect((await vote(scope, suggestionId, voter, false))?.voteCount).toBe(1);
    expect((await vote(scope, suggestionId, voter, false))?.voteCount).toBe(1);
    expect(await scope.count(suggestionVotes, sql`${suggestionVotes.suggestionId} = ${suggestionId}`)).toBe(1);
  });

  it('adds nothing when the guard fails, and moves updated_at when the thing is touched', async () => {
    const { scope, suggestionId, voter } = await suggestionToVoteOn();
    const refused = await vote(scope, suggestionId, voter, true, { addOnlyIf: sql`1 = 0`, touchesThing: true });
    expect(refused?.voteCount).toBe(0);
    expect(refused?.updatedAt).toEqual(LATER);
    expect(await scope.count(suggestionVotes)).toBe(0);
  });
});
