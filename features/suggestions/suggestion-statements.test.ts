/** No N+1 for suggestions: a page of 50 with votes and comment counts stays within 3 statements. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, type UserErrorCode } from '../../test/helpers.ts';

describe('suggestion statements', () => {
  it('a page of 50 suggestions with votes, comment counts, viewer flags, author and team is authentication plus at most 3 statements', async () => {
    const tenant = await createTenant();
    const employee = await createEmployee(tenant.admin, { name: 'Prolific Person' });
    const token = await employeeToken(tenant.admin, employee);
    const submit = 'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } errors { code } } }';
    type SubmitResult = { submitSuggestion: { suggestion: { id: string } | null; errors: { code: UserErrorCode }[] } };
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) {
      const result = await data<SubmitResult>(token, submit, { input: { category: 'OTHER', title: `Idea ${i}`, body: `Body of idea ${i}.`, anonymous: i % 3 === 0 } });
      ids.push(result.submitSuggestion.suggestion!.id);
    }
    // Comments and votes straight into D1, to keep the test fast.
    const tenantId = localId(tenant.id);
    const statements = ids.slice(0, 20).flatMap((id, i) => [
      env.DB.prepare("INSERT INTO suggestion_comments (id, tenant_id, suggestion_id, kind, author_id, body, created_at) VALUES (?, ?, ?, 'comment', ?, 'Yes!', 0)").bind(`scom_t${i}`, tenantId, localId(id), localId(employee)),
      env.DB.prepare('INSERT INTO suggestion_votes (id, tenant_id, suggestion_id, employee_id, created_at) VALUES (?, ?, ?, ?, 0)').bind(`svote_t${i}`, tenantId, localId(id), localId(employee)),
    ]);
    statements.push(
      env.DB.prepare('UPDATE suggestions SET vote_count = (SELECT count(*) FROM suggestion_votes v WHERE v.tenant_id = suggestions.tenant_id AND v.suggestion_id = suggestions.id) WHERE tenant_id = ?').bind(tenantId),
    );
    await env.DB.batch(statements);
    const query = `{ suggestions(first: 50, orderBy: MOST_VOTED) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id title category status anonymous voteCount commentCount viewerHasVoted viewerFollows author { name } team { name } } } } }`;
    type QueryResult = { suggestions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; title: string; category: 'AVOIDABLE_TASK' | 'COST_SAVING' | 'LONG_PROCESS' | 'OTHER' | 'REPEATED_QUESTION' | 'SERVICE_IDEA'; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; anonymous: boolean; voteCount: number; commentCount: number; viewerHasVoted: boolean; viewerFollows: boolean; author: { name: string } | null; team: { name: string } | null } }[] } };
    for (const credential of [tenant.reader, token]) {
      const result = await gql<QueryResult>(credential, query);
      expect(result.body.errors).toBeUndefined();
      const page = result.body.data!.suggestions;
      expect(page.totalCount).toBe(55);
      expect(page.edges).toHaveLength(50);
      expect(page.edges.filter((e) => e.node.commentCount === 1)).toHaveLength(20);
      expect(result.statements).toBeGreaterThan(0);
      expect(result.statements).toBeLessThanOrEqual(4);
    }
    const viaToken = await gql<QueryResult>(token, query);
    expect(viaToken.body.data!.suggestions.edges.filter((e) => e.node.viewerHasVoted)).toHaveLength(20);
    // The next page picks up where the first ended.
    const next = await data<{ suggestions: { edges: { node: { id: string } }[] } }>(tenant.reader, `query($after: String) { suggestions(first: 50, orderBy: MOST_VOTED, after: $after) { edges { node { id } } } }`, {
      after: viaToken.body.data!.suggestions.pageInfo.endCursor,
    });
    expect(next.suggestions.edges).toHaveLength(5);
  });
});
