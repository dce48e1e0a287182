/**
 * What the emails say, read from the real MIME: star-only widget ratings count as a figure and
 * never become empty quotes, each channel gets its own article ("an in-person conversation"), and
 * experiments concluded in the week reach their suggestion's author, the team and the directors.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { createEmployee, createTeam, createTenant, data, localId, TEST_NOW } from '../../test/helpers.ts';
import { callInput, createTemplate, LOG_CALL } from '../../test/voice-helpers.ts';
import { decodePart } from './email/mime.ts';
import { memoryMailbox } from './mailer/memory.ts';
import type { SummaryItem } from './rules.ts';
import { saveSettings } from './service.ts';
import { deliver, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);
const IN_PERSON_PRAISE = 'Mira walked me to the right aisle and found the last one in stock.';

let t: string;
let agentEmail: string;
let leadEmail: string;
let starIds: string[];
let agentId: string;

/** A star-only widget rating (what the feedback widget stores for a tap without a comment). */
async function starOnlyRating(employeeId: string, teamId: string, receivedAt: string): Promise<string> {
  const id = `fbk_star_${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.prepare(
    `INSERT INTO feedback (id, tenant_id, kind, source, employee_id, team_id, body, rating, received_at, created_at)
     VALUES (?, ?, 'praise', 'widget', ?, ?, '', 5, ?, ?)`,
  ).bind(id, t, employeeId, teamId, Date.parse(receivedAt), Date.parse(receivedAt)).run();
  return id;
}

/** A suggestion (signed by `authorId`, or anonymous) whose experiment, owned by `ownerId`, concluded at `at`. */
async function concludedExperiment(title: string, authorId: string | null, ownerId: string, teamId: string, outcome: string, at: string): Promise<string> {
  const suggestion = `sug_${crypto.randomUUID().slice(0, 8)}`;
  const experiment = `exp_${crypto.randomUUID().slice(0, 8)}`;
  const when = Date.parse(at);
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO suggestions (id, tenant_id, team_id, author_id, anonymous, category, title, body, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'avoidable_task', ?, 'Details.', 'experimenting', ?, ?)`).bind(suggestion, t, teamId, authorId, authorId ? 0 : 1, title, when - 86_400_000, when),
    env.DB.prepare(`INSERT INTO experiments (id, tenant_id, suggestion_id, hypothesis, success_measure, owner_id, starts_on, ends_on, outcome, lessons, concluded_at, created_at, updated_at)
      VALUES (?, ?, ?, 'It saves time.', 'Minutes saved.', ?, '2026-10-01', '2026-10-31', ?, 'Learned things.', ?, ?, ?)`).bind(experiment, t, suggestion, ownerId, outcome, when, when - 86_400_000, when),
  ]);
  return experiment;
}

let experimentIds: string[];

beforeAll(async () => {
  const tenant = await createTenant();
  t = localId(tenant.id);
  const team = await createTeam(tenant.admin, 'Floor');
  agentEmail = `mira.${crypto.randomUUID().slice(0, 8)}@example.com`;
  leadEmail = `lena.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const agent = await createEmployee(tenant.admin, { name: 'Mira Agent', email: agentEmail, teamId: team });
  const lead = await createEmployee(tenant.admin, { name: 'Lena Lead', email: leadEmail, teamId: team, role: 'LEAD' });
  const template = await createTemplate(tenant.admin);
  const logged = await data<{ logSurveyCall: { errors: { message: string }[] } }>(tenant.admin, LOG_CALL, {
    input: {
      ...callInput({ template, callerId: lead, calledAt: '2026-11-04T12:00:00Z', satisfaction: 5, answers: [IN_PERSON_PRAISE], mentions: [{ employeeId: agent, kind: 'PRAISE', quote: IN_PERSON_PRAISE }] }),
      channel: 'IN_PERSON',
    },
  });
  expect(logged.logSurveyCall.errors).toEqual([]);
  agentId = localId(agent);
  starIds = [await starOnlyRating(localId(agent), localId(team), '2026-11-05T10:00:00Z'), await starOnlyRating(localId(agent), localId(team), '2026-11-06T10:00:00Z')];
  experimentIds = [
    await concludedExperiment('Fewer hold transfers', localId(agent), localId(lead), localId(team), 'failed', '2026-11-05T16:00:00Z'),
    await concludedExperiment('Self-service returns kiosk', null, localId(lead), localId(team), 'succeeded', '2026-11-06T16:00:00Z'),
  ];
  // Concluded the week after: not in this summary.
  await concludedExperiment('Later trial', localId(agent), localId(lead), localId(team), 'succeeded', '2026-11-10T16:00:00Z');
  await saveSettings(new TenantScope(createDatabase(env.DB), t, TEST_NOW), {
    enabled: true, timeZone: 'UTC', weekday: 1, hour: 8, senderName: 'Test', senderAddress: 'summaries@test.example', levels: ['employee', 'team', 'tenant'], skipEmpty: true,
  }, new Date('2026-11-01T00:00:00Z'));
  await deliver(worker, [{ type: 'compile', tenantId: t, periodKey: '2026-W45' }]);
  await deliver(worker, queue.take(t));
});

const textTo = (address: string) => {
  const [mail] = memoryMailbox.to(address);
  expect(mail, address).toBeDefined();
  return decodePart(mail!.mime, 'text/plain')!;
};

describe('star-only widget ratings', () => {
  it('are counted as a figure with their sources, never quoted as empty text', async () => {
    const text = textTo(agentEmail);
    expect(text).not.toContain('“”');
    expect(text).toContain('2 customers rated you 4–5 stars on the feedback widget.');
    expect(text).toContain(`“${IN_PERSON_PRAISE}”`);
    expect(textTo(leadEmail)).toContain('2 customers rated the team 4–5 stars on the feedback widget.');
    expect(textTo(leadEmail)).not.toContain('“”');

    const [summary] = await rows<{ items: string }>("SELECT items FROM summaries WHERE tenant_id = ? AND level = 'employee' AND employee_id = ? AND period_key = '2026-W45'", t, agentId);
    const items = JSON.parse(summary!.items) as SummaryItem[];
    expect(items.filter((item) => item.quote !== null).map((item) => item.quote)).toEqual([IN_PERSON_PRAISE]);
    const stars = items.find((item) => item.figure?.name === 'starRatings');
    expect(stars?.figure).toEqual({ name: 'starRatings', value: 2, previous: null });
    expect(stars?.sources.map((source) => source.id).sort()).toEqual([...starIds].sort());
  });
});

describe('channel wording', () => {
  it('says "an in-person conversation", with the right article', () => {
    const text = textTo(agentEmail);
    expect(text).toMatch(/\(an in-person conversation on Wed 4 Nov\)/);
    expect(text).not.toContain('a in-person');
  });
});

describe('experiments concluded', () => {
  it("reach the signed suggestion's author, the team's lead and the directors, with their sources", async () => {
    expect(textTo(agentEmail)).toContain('The experiment on your suggestion “Fewer hold transfers” concluded: it did not work out, and what it taught is on record.');
    expect(textTo(agentEmail)).not.toContain('Self-service returns kiosk');
    expect(textTo(agentEmail)).not.toContain('Later trial');
    const lead = textTo(leadEmail);
    expect(lead).toContain("The team's experiment on “Fewer hold transfers” concluded: it did not work out");
    expect(lead).toContain("The team's experiment on “Self-service returns kiosk” concluded: it worked.");

    const [tenantSummary] = await rows<{ items: string }>("SELECT items FROM summaries WHERE tenant_id = ? AND level = 'tenant' AND period_key = '2026-W45'", t);
    const concluded = (JSON.parse(tenantSummary!.items) as SummaryItem[]).find((item) => item.figure?.name === 'experimentsConcluded');
    expect(concluded?.text).toBe('2 experiments concluded: “Fewer hold transfers” (did not work out), “Self-service returns kiosk” (worked).');
    expect(concluded?.figure?.value).toBe(2);
    expect(concluded?.sources.filter((source) => source.type === 'experiment').map((source) => source.id)).toEqual(experimentIds);
  });
});
