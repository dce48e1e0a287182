/** The demo seed's suggestions, experiments and meetings: every status, anonymity kept, idempotent. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { data, TEST_NOW } from '../../test/helpers.ts';

describe('demo suggestions', () => {
  it('seeds every status, anonymous ones without authors, experiments with a failed one, and upcoming meetings', async () => {
    const db = createDatabase(env.DB);
    await seedDemo(db, TEST_NOW);
    const before = await env.DB.prepare('SELECT count(*) AS n FROM suggestion_history').first<{ n: number }>();
    await seedDemo(db, TEST_NOW); // the second run changes nothing
    expect(await env.DB.prepare('SELECT count(*) AS n FROM suggestion_history').first<{ n: number }>()).toEqual(before);
    for (const slug of ['brewline', 'voltmart']) {
      const result = await data<{ suggestions: { totalCount: number; edges: { node: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; anonymous: boolean; author: { name: string } | null; voteCount: number; commentCount: number; history: { to: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' }[] } }[] }; failed: { edges: { node: { lessons: string | null } }[] }; experiments: { totalCount: number }; meetings: { totalCount: number; edges: { node: { agendaItems: { totalCount: number; edges: { node: { voteCount: number } }[] } } }[] }; frictionTrends: { categories: { key: string; count: number }[] } }>(`fl_sk_dev_${slug}_reader`, `{
        suggestions(first: 100) { totalCount edges { node { status anonymous author { name } voteCount commentCount history { to } } } }
        failed: experiments(filter: { outcome: [FAILED] }) { edges { node { lessons } } }
        experiments { totalCount }
        meetings(filter: { upcoming: true }) { totalCount edges { node { agendaItems(first: 10) { totalCount edges { node { voteCount } } } } } }
        frictionTrends(period: QUARTER) { categories { key count } }
      }`);
      const nodes = result.suggestions.edges.map((e) => e.node);
      expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'EXPERIMENTING', 'ADOPTED', 'DECLINED']));
      const anonymous = nodes.filter((n) => n.anonymous);
      expect(anonymous.length).toBeGreaterThanOrEqual(2);
      expect(anonymous.every((n) => n.author === null)).toBe(true);
      expect(nodes.every((n) => n.history.at(-1)!.to === n.status)).toBe(true);
      expect(nodes.some((n) => n.voteCount > 0 && n.commentCount > 0)).toBe(true);
      expect(result.failed.edges[0]!.node.lessons!.length).toBeGreaterThan(10);
      expect(result.experiments.totalCount).toBeGreaterThanOrEqual(3);
      expect(result.meetings.totalCount).toBe(2);
      expect(result.meetings.edges[0]!.node.agendaItems.totalCount).toBeGreaterThan(0);
      expect(result.frictionTrends.categories.length).toBeGreaterThan(0);
      const followed = await data<{ suggestionByFollowCode: { anonymous: boolean; author: { id: string } | null } | null }>(`fl_sk_dev_${slug}_reader`, `{ suggestionByFollowCode(code: "fl_fc_dev_${slug}_1") { anonymous author { id } } }`);
      expect(followed.suggestionByFollowCode).toEqual({ anonymous: true, author: null });
    }
  });
});
