/**
 * No N+1 on meetings: a page of meetings with their agenda, proposed suggestions and complaint
 * trends is a constant number of statements, whatever the page size.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

const DAY = 86_400_000;

const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } errors { code path message } } }';
type ScheduleResult = { scheduleMeeting: { meeting: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const PAGE = `query($team: ID!) { meetings(first: 10, filter: { teamId: $team }) { edges { node {
  id title
  agendaItems(first: 5) { totalCount edges { node { title voteCount viewerHasVoted } } }
  proposedSuggestions { title voteCount }
  complaintTrends { key label count previousCount change changeRatio }
  top: complaintTrends(first: 1) { key count }
} } } }`;

interface PageNode {
  id: string;
  title: string;
  agendaItems: { totalCount: number; edges: { node: { title: string } }[] };
  proposedSuggestions: { title: string; voteCount: number }[];
  complaintTrends: { key: string; label: string; count: number; previousCount: number; change: number; changeRatio: number | null }[];
  top: { key: string; count: number }[];
}

describe('meetings page statements', () => {
  it('loads agenda, proposed suggestions and complaint trends of every meeting in a constant number of statements', async () => {
    const tenant = await createTenant();
    const team = await createTeam(tenant.admin, 'Harbour');
    const otherTeam = await createTeam(tenant.admin, 'Riverside');
    const ana = await createEmployee(tenant.admin, { name: 'Ana', teamId: team });
    const anaToken = await employeeToken(tenant.admin, ana);

    const submit = 'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } errors { message } } }';
    type SubmitResult = { submitSuggestion: { suggestion: { id: string } | null; errors: { message: string }[] } };
    for (const title of ['Shorter queues', 'Warmer cups']) {
      expect((await data<SubmitResult>(anaToken, submit, { input: { category: 'SERVICE_IDEA', title, body: `${title}.`, teamId: team } })).submitSuggestion.errors).toEqual([]);
    }

    // Meeting d is scheduled d days from now (same time of day), so each has its own trend window.
    const base = TEST_NOW.getTime() + 60 * 60_000;
    const schedule = async (days: number[]) => {
      for (const d of days) {
        const scheduled = (await data<ScheduleResult>(tenant.manager, SCHEDULE, { input: { teamId: team, title: `Huddle ${d}`, scheduledAt: new Date(base + d * DAY).toISOString() } })).scheduleMeeting;
        expect(scheduled.errors).toEqual([]);
        const item = (await data<{ proposeAgendaItem: { errors: { message: string }[] } }>(anaToken, 'mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { errors { message } } }', {
          input: { meetingId: scheduled.meeting!.id, title: `Item for ${d}` },
        })).proposeAgendaItem;
        expect(item.errors).toEqual([]);
      }
    };

    const tenantId = localId(tenant.id);
    const now = TEST_NOW.getTime();
    const complaint = (id: string, theme: string, daysAgo: number, forTeam = localId(team)) => [
      env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, team_id, body, received_at, created_at) VALUES (?, ?, 'complaint', 'import', ?, ?, ?, ?)").bind(id, tenantId, forTeam, theme, now - daysAgo * DAY, now),
      env.DB.prepare("INSERT INTO feedback_themes (tenant_id, feedback_id, theme, label, kind, received_at) VALUES (?, ?, ?, ?, 'complaint', ?)").bind(tenantId, id, theme, theme, now - daysAgo * DAY),
    ];
    await env.DB.batch([
      ...complaint(`fb_ms_${tenantId}_1`, 'wait', 2),
      ...complaint(`fb_ms_${tenantId}_2`, 'wait', 25), // current for the meeting in 1 day, previous for the one in 6
      ...complaint(`fb_ms_${tenantId}_3`, 'noise', 53), // previous for the meeting in 1 day, too old for the one in 6
      ...complaint(`fb_ms_${tenantId}_4`, 'noise', 1),
      ...complaint(`fb_ms_${tenantId}_5`, 'cold', 10),
      ...complaint(`fb_ms_${tenantId}_6`, 'cold', 12),
      ...complaint(`fb_ms_${tenantId}_7`, 'rude', 1, localId(otherTeam)),
    ]);

    const page = async () => {
      const result = await gql<{ meetings: { edges: { node: PageNode }[] } }>(anaToken, PAGE, { team });
      expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
      return { nodes: result.body.data!.meetings.edges.map((edge) => edge.node), statements: result.statements };
    };

    const inOneDay = [
      { key: 'cold', label: 'cold', count: 2, previousCount: 0, change: 2, changeRatio: null },
      { key: 'wait', label: 'wait', count: 2, previousCount: 0, change: 2, changeRatio: null },
      { key: 'noise', label: 'noise', count: 1, previousCount: 1, change: 0, changeRatio: 0 },
    ];
    const inSixDays = [
      { key: 'cold', label: 'cold', count: 2, previousCount: 0, change: 2, changeRatio: null },
      { key: 'noise', label: 'noise', count: 1, previousCount: 0, change: 1, changeRatio: null },
      { key: 'wait', label: 'wait', count: 1, previousCount: 1, change: 0, changeRatio: 0 },
    ];

    await schedule([1, 2, 3]);
    const small = await page();
    expect(small.nodes.map((node) => node.title)).toEqual(['Huddle 1', 'Huddle 2', 'Huddle 3']);
    expect(small.nodes[0]!.complaintTrends).toEqual(inOneDay);

    await schedule([4, 5, 6]);
    const large = await page();
    expect(large.nodes).toHaveLength(6);
    const [first, , , , , sixth] = large.nodes;
    expect(first!.complaintTrends).toEqual(inOneDay);
    expect(first!.top).toEqual([{ key: 'cold', count: 2 }]);
    expect(sixth!.complaintTrends).toEqual(inSixDays);
    for (const node of large.nodes) {
      expect(node.agendaItems).toMatchObject({ totalCount: 1, edges: [{ node: { title: `Item for ${node.title.slice(7)}` } }] });
      expect(node.proposedSuggestions.map((s) => s.title).sort()).toEqual(['Shorter queues', 'Warmer cups']);
    }

    // Each meeting's trends are the same on the page as on its own.
    for (const node of [first!, sixth!]) {
      const alone = await data<{ node: { complaintTrends: { key: string; label: string; count: number; previousCount: number; change: number; changeRatio: number | null }[] } | null }>(anaToken, 'query($id: ID!) { node(id: $id) { ... on Meeting { complaintTrends { key label count previousCount change changeRatio } } } }', { id: node.id });
      expect(alone.node!.complaintTrends).toEqual(node.complaintTrends);
    }

    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
