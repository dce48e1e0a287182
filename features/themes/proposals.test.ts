/**
 * Theme proposals through the API (issue 12, optional): a FAKE Workers AI binding is put into the
 * Worker's env for these requests only; no test calls the real model. Without a binding the field
 * answers AI_NOT_CONFIGURED; with one, the model sees only the caller's unthemed feedback text, and
 * what it answers is checked and scored before anyone sees it.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { ServiceError } from '../../domain/errors.ts';
import worker from '../../worker/index.ts';
import type { Env } from '../../worker/env.ts';
import { createTenant, data, gql, localId, nextInstant, randomClientIp, TEST_NOW, type GraphQLResponse, type TestTenant } from '../../test/helpers.ts';
import { PROPOSAL_MODEL, proposeThemes, type ProposalModel } from './proposals.ts';
import { PROPOSAL_LIMITS } from './rules/proposals.ts';

type Proposal = { label: string; terms: string[]; phrases: string[]; matches: number; examples: { body: string; externalRef: string }[] };
const PROPOSALS = 'query($first: Int) { themeProposals(first: $first) { label terms phrases matches examples { body externalRef } } }';
const IMPORT = 'mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount errors { message } } }';
const DAY = 86_400_000;

interface Call {
  model: string;
  inputs: { messages: { role: string; content: string }[]; response_format?: unknown; max_tokens?: number };
}

/** A stand-in for env.AI: records every call and answers what the test says. */
class FakeAi {
  readonly calls: Call[] = [];
  private readonly answer: (call: Call) => unknown;
  constructor(answer: (call: Call) => unknown) {
    this.answer = answer;
  }
  async run(model: string, inputs: Call['inputs']): Promise<unknown> {
    const call = { model, inputs };
    this.calls.push(call);
    return this.answer(call);
  }
  /** Everything the model was sent, as one string. */
  prompt(): string {
    return this.calls.flatMap((call) => call.inputs.messages.map((message) => message.content)).join('\n');
  }
  /** The feedback texts of the last call (the JSON array that ends the user message). */
  texts(): string[] {
    const user = this.calls.at(-1)?.inputs.messages.find((message) => message.role === 'user')?.content ?? '';
    return JSON.parse(user.slice(user.lastIndexOf('\n') + 1)) as string[];
  }
}

const answering = (themes: unknown) => new FakeAi(() => ({ response: JSON.stringify({ themes }) }));

/** POSTs to the Worker's own fetch handler with `ai` as env.AI (none when undefined). */
async function withAi<T>(ai: FakeAi | undefined, credential: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const headers = {
    'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${credential}`,
    'X-Frontline-Now': nextInstant().toISOString(), 'CF-Connecting-IP': randomClientIp(),
  };
  const ctx = createExecutionContext();
  const request = new Request('http://frontline.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const response = await worker.fetch(request, { ...env, ...(ai ? { AI: ai } : {}) } as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
  const body = (await response.json()) as GraphQLResponse<T>['body'];
  return { status: response.status, headers: response.headers, body, statements: Number(response.headers.get('X-Frontline-Statements')) };
}

const daysAgo = (days: number, minutes = 0) => new Date(TEST_NOW.getTime() - days * DAY - minutes * 60_000).toISOString();

async function importRecords(tenant: TestTenant, records: { externalRef: string; body: string; receivedAt: string; customerName?: string; customerContact?: string }[]) {
  const result = await data<{ importComplaintRecords: { importedCount: number } }>(tenant.admin, IMPORT, { input: { records } });
  expect(result.importComplaintRecords.importedCount).toBe(records.length);
}

/** The bodies of the tenant's records with no primary theme. */
async function unthemed(tenant: TestTenant): Promise<string[]> {
  const result = await data<{ feedback: { edges: { node: { body: string; primaryTheme: { key: string } | null } }[] } }>(
    tenant.reader, '{ feedback(first: 100) { edges { node { body primaryTheme { key } } } } }');
  return result.feedback.edges.filter((edge) => edge.node.primaryTheme === null).map((edge) => edge.node.body);
}

const LONG = `The bike racks are always taken and there is nowhere to lock a bike.${' Every single morning it is the same story.'.repeat(10)}`;

/** A tenant with parking complaints no theme matches, one themed complaint, and one record older than the default range. */
async function parkingTenant(): Promise<TestTenant> {
  const tenant = await createTenant();
  await importRecords(tenant, [
    { externalRef: 'P1', body: 'Nowhere to park, the car park was full', receivedAt: daysAgo(1) },
    { externalRef: 'P2', body: 'Could not find anywhere to park nearby', receivedAt: daysAgo(2) },
    { externalRef: 'P3', body: 'The car park is tiny', receivedAt: daysAgo(3), customerName: 'Zelda Quartermaine', customerContact: 'zelda.q@example.com' },
    { externalRef: 'P4', body: 'Parking is a nightmare on Saturdays', receivedAt: daysAgo(4) },
    { externalRef: 'B1', body: LONG, receivedAt: daysAgo(5) },
    { externalRef: 'W1', body: 'Waited forty minutes in the queue to pay', receivedAt: daysAgo(1, 30) },
    { externalRef: 'OLD', body: 'The gazebo outside has nowhere to park a pram', receivedAt: daysAgo(120) },
  ]);
  return tenant;
}

describe('themeProposals', () => {
  it('answers AI_NOT_CONFIGURED, with how to turn it on, where no AI binding is configured', async () => {
    const tenant = await parkingTenant();
    const result = await gql(tenant.manager, PROPOSALS);
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors![0]).toMatchObject({ path: ['themeProposals'], extensions: { code: 'AI_NOT_CONFIGURED' } });
    expect(result.body.errors![0]!.message).toContain('[ai] block in wrangler.toml');
    expect(result.body.errors![0]!.message).toContain('README, "Theme proposals with Workers AI"');
    // Refused before any SQL: authentication's read only.
    expect(result.statements).toBe(1);
  });

  it('is for admin and manager keys: a reader is FORBIDDEN and the model is never called', async () => {
    const tenant = await parkingTenant();
    const ai = answering([]);
    const result = await withAi(ai, tenant.reader, PROPOSALS);
    expect(result.body.errors?.[0]).toMatchObject({ path: ['themeProposals'], extensions: { code: 'FORBIDDEN', permission: 'themes:manage' } });
    expect(ai.calls).toHaveLength(0);
  });

  it('returns checked proposals scored by the matcher, with examples; invented phrases and existing labels are dropped', async () => {
    const tenant = await parkingTenant();
    // The premise: these records matched no theme, the wait did.
    expect(await unthemed(tenant)).toEqual(expect.arrayContaining(['Nowhere to park, the car park was full', 'The car park is tiny', 'Parking is a nightmare on Saturdays', LONG]));
    expect(await unthemed(tenant)).not.toContain('Waited forty minutes in the queue to pay');
    const ai = answering([
      { label: 'Bike racks', phrases: ['bike racks'] },
      { label: ' Parking ', phrases: ['car park', 'nowhere to park', 'Parking', 'valet service'] },
      { label: 'waiting time', phrases: ['car park'] },
      { label: 'Space travel', phrases: ['rocket fuel', 'warp drive'] },
    ]);
    const result = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.manager, PROPOSALS);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.themeProposals).toEqual([
      {
        label: 'Parking', terms: ['park'], phrases: ['car park', 'nowhere to park'], matches: 4,
        examples: [
          { body: 'Nowhere to park, the car park was full', externalRef: 'P1' },
          { body: 'Could not find anywhere to park nearby', externalRef: 'P2' },
          { body: 'The car park is tiny', externalRef: 'P3' },
        ],
      },
      { label: 'Bike racks', terms: [], phrases: ['bike rack'], matches: 1, examples: [{ body: LONG, externalRef: 'B1' }] },
    ]);
    // One model call, JSON mode, bounded output.
    expect(ai.calls).toHaveLength(1);
    expect(ai.calls[0]!.model).toBe(PROPOSAL_MODEL);
    expect(ai.calls[0]!.inputs).toMatchObject({ max_tokens: 1024, response_format: { type: 'json_schema' } });
    // Authentication, the taxonomy, the sample, and every proposal's examples in one statement.
    expect(result.statements).toBeLessThanOrEqual(4);
    // Nothing was applied; a manager adopts a proposal by passing it to addTheme as it is.
    const parking = result.body.data!.themeProposals[0]!;
    const adopted = await data<{ addTheme: { theme: { key: string } | null; errors: unknown[] } }>(tenant.manager,
      'mutation($input: AddThemeInput!) { addTheme(input: $input) { theme { key } errors { code path message } } }',
      { input: { label: parking.label, terms: parking.terms, phrases: parking.phrases } });
    expect(adopted.addTheme).toEqual({ theme: { key: 'parking' }, errors: [] });
  });

  it('sends the model only unthemed feedback text of the period, newest first, cut to 300 characters: no names or contacts', async () => {
    const tenant = await parkingTenant();
    const ai = answering([]);
    const result = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.manager, PROPOSALS);
    expect(result.body.data).toEqual({ themeProposals: [] });
    expect(ai.texts()).toEqual([
      'Nowhere to park, the car park was full',
      'Could not find anywhere to park nearby',
      'The car park is tiny',
      'Parking is a nightmare on Saturdays',
      LONG.slice(0, PROPOSAL_LIMITS.textChars),
    ]);
    const prompt = ai.prompt();
    expect(prompt).not.toMatch(/Zelda|Quartermaine|zelda\.q@example\.com/);
    expect(prompt).not.toContain('Waited forty minutes');
    expect(prompt).not.toContain('gazebo');
    // The active labels, so the model does not propose them again.
    expect(prompt).toContain('"Waiting time"');
  });

  it('never shows one tenant\'s feedback or themes to the model when another tenant asks', async () => {
    const a = await parkingTenant();
    const b = await createTenant();
    await importRecords(b, [
      { externalRef: 'Z1', body: 'Our kids loved the zipline', receivedAt: daysAgo(1) },
      { externalRef: 'Z2', body: 'Zipline harness straps were twisted', receivedAt: daysAgo(2) },
      { externalRef: 'Z3', body: 'The trampoline in the play area has a torn net', receivedAt: daysAgo(3) },
    ]);
    expect(await unthemed(b)).toEqual(expect.arrayContaining(['Our kids loved the zipline', 'Zipline harness straps were twisted']));
    const added = await data<{ addTheme: { errors: unknown[] } }>(b.manager, 'mutation { addTheme(input: { label: "Bouncy castles", terms: ["castle"] }) { errors { code } } }');
    expect(added.addTheme.errors).toEqual([]);
    const ai = answering([{ label: 'Trampolines', phrases: ['trampoline', 'torn net'] }, { label: 'Parking', phrases: ['car park'] }]);
    const result = await withAi<{ themeProposals: Proposal[] }>(ai, a.manager, PROPOSALS);
    const prompt = ai.prompt();
    expect(prompt).toContain('Nowhere to park');
    expect(prompt).not.toMatch(/trampoline|zipline|Bouncy castles/i);
    // B's words are not A's: the model cannot carry them into A's proposals either.
    expect(result.body.data!.themeProposals.map((proposal) => proposal.label)).toEqual(['Parking']);
    // And B, asking, sees only its own.
    const forB = answering([]);
    await withAi(forB, b.manager, PROPOSALS);
    expect(forB.texts()).toEqual(['Our kids loved the zipline', 'Zipline harness straps were twisted']);
    expect(forB.prompt()).not.toMatch(/park|bike/i);
  });

  it('does not call the model when no feedback of the period is unthemed, and answers []', async () => {
    const tenant = await createTenant();
    await importRecords(tenant, [{ externalRef: 'W1', body: 'Waited forty minutes in the queue to pay', receivedAt: daysAgo(1) }]);
    const ai = answering([{ label: 'Parking', phrases: ['park'] }]);
    const result = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.admin, PROPOSALS);
    expect(result.body).toEqual({ data: { themeProposals: [] } });
    expect(ai.calls).toHaveLength(0);
  });

  it('answers AI_UNAVAILABLE, never a 500 or the model\'s words, when the model throws or answers garbage', async () => {
    const tenant = await parkingTenant();
    const throwing = new FakeAi(() => {
      throw new Error('upstream exploded: 3016 capacity, secret detail');
    });
    const failed = await withAi(throwing, tenant.manager, PROPOSALS);
    expect(failed.status).toBe(200);
    expect(failed.body.data).toBeNull();
    expect(failed.body.errors).toHaveLength(1);
    expect(failed.body.errors![0]).toMatchObject({ path: ['themeProposals'], extensions: { code: 'AI_UNAVAILABLE' } });
    expect(JSON.stringify(failed.body)).not.toMatch(/exploded|secret|3016|stack/);

    for (const response of ['Sure! The main themes are parking and bikes.', { themes: 'parking' }, undefined]) {
      const garbage = new FakeAi(() => ({ response }));
      const answer = await withAi(garbage, tenant.manager, PROPOSALS);
      expect(answer.status).toBe(200);
      expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'AI_UNAVAILABLE' } });
      expect(answer.body.errors?.[0]?.message).toBe('The AI model\'s answer was not the JSON asked for. Nothing was changed; try again in a minute, or use emergingThemes.');
    }
  });

  it('takes what JSON mode already parsed, and caps the proposals at `first`', async () => {
    const tenant = await parkingTenant();
    const ai = new FakeAi(() => ({ response: { themes: [{ label: 'Parking', phrases: ['park'] }, { label: 'Bike racks', phrases: ['bike'] }] } }));
    const one = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.manager, PROPOSALS, { first: 1 });
    expect(one.body.data!.themeProposals.map((proposal) => [proposal.label, proposal.matches])).toEqual([['Parking', 4]]);
    const many = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.manager, PROPOSALS, { first: PROPOSAL_LIMITS.proposals });
    expect(many.body.data!.themeProposals.map((proposal) => proposal.label)).toEqual(['Parking', 'Bike racks']);
  });

  it('refuses a `first` outside 1-10 before the model is called', async () => {
    const tenant = await parkingTenant();
    const ai = answering([{ label: 'Parking', phrases: ['park'] }]);
    for (const first of [0, -1, PROPOSAL_LIMITS.proposals + 1]) {
      const refused = await withAi<{ themeProposals: Proposal[] }>(ai, tenant.manager, PROPOSALS, { first });
      expect(refused.status).toBe(200);
      expect(refused.body.errors?.[0]).toMatchObject({ message: `Ask for 1 to 10 proposals; first was ${first}.`, extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(ai.calls).toHaveLength(0);
  });

  it('gives up on a model that does not answer in time', async () => {
    const tenant = await parkingTenant();
    const scope = new TenantScope(createDatabase(env.DB), localId(tenant.id), TEST_NOW);
    const silent = { run: () => new Promise(() => undefined) } as unknown as ProposalModel;
    const range = { from: new Date(TEST_NOW.getTime() - 90 * DAY), to: TEST_NOW };
    const error = await proposeThemes(scope, silent, range, 5, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'AI_UNAVAILABLE', message: expect.stringContaining('did not answer in time') });
  });
});
