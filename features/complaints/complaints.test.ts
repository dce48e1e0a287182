/**
 * Complaint ownership end to end: the default owner, taking and assigning, the customer on a
 * need-to-know basis (every reveal audited; colleagues, other teams' leads, readers, widgets and
 * other tenants refused), actions with the owner's budget spend, resolution by the owner, the
 * times per complaint, team and tenant, and the incentive metric counted per owner.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';
import { createPublishableKey, widgetFetch } from '../../test/widget-helpers.ts';
import { nearestRank } from './rules.ts';

type Errors = { code: UserErrorCode; path: string[]; message: string }[];
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(TEST_NOW.getTime() - hours * HOUR).toISOString();

const RECORD = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { feedback { id owner { name } customerOnRecord } errors { code path message } } }`;
type RecordResult = { recordFeedback: { feedback: { id: string; owner: { name: string } | null; customerOnRecord: boolean } | null; errors: Errors } };
const REVEAL = `mutation($input: RevealComplaintCustomerInput!) { revealComplaintCustomer(input: $input) { customer { name contact from } errors { code path message } } }`;
type RevealResult = { revealComplaintCustomer: { customer: { name: string | null; contact: string | null; from: 'NONE' | 'RECORD' | 'SURVEY_CALL' } | null; errors: Errors } };
const TAKE = `mutation($input: TakeComplaintInput!) { takeComplaint(input: $input) { complaint { owner { name } } errors { code path message } } }`;
type TakeResult = { takeComplaint: { complaint: { owner: { name: string } | null } | null; errors: Errors } };
const ASSIGN = `mutation($input: AssignComplaintInput!) { assignComplaint(input: $input) { complaint { owner { name } history { kind actor { name } owner { name } previousOwner { name } } } errors { code path message } } }`;
type AssignResult = { assignComplaint: { complaint: { owner: { name: string } | null; history: { kind: string; actor: { name: string } | null; owner: { name: string } | null; previousOwner: { name: string } | null }[] } | null; errors: Errors } };
const ACTION = `mutation($input: RecordComplaintActionInput!) { recordComplaintAction(input: $input) { action { kind note spend { amount } actor { name } } complaint { firstActionAt timeToFirstActionSeconds } errors { code path message } } }`;
type ActionResult = { recordComplaintAction: { action: { kind: string; note: string | null; spend: { amount: number } | null; actor: { name: string } | null } | null; complaint: { firstActionAt: string | null; timeToFirstActionSeconds: number | null } | null; errors: Errors } };
const RESOLVE = `mutation($input: ResolveFeedbackInput!) { resolveFeedback(input: $input) { feedback { status resolutionNote resolvedBy { name } timeToResolutionSeconds history { kind note } } errors { code path message } } }`;
type ResolveResult = { resolveFeedback: { feedback: { status: 'OPEN' | 'RESOLVED'; resolutionNote: string | null; resolvedBy: { name: string } | null; timeToResolutionSeconds: number | null; history: { kind: string; note: string | null }[] } | null; errors: Errors } };
const SPEND = `mutation($input: SpendBudgetInput!) { spendBudget(input: $input) { spend { id flagged } errors { code path message } } }`;
type SpendResult = { spendBudget: { spend: { id: string; flagged: boolean } | null; errors: Errors } };
const SET = `mutation($input: SetEmpowermentBudgetInput!) { setEmpowermentBudget(input: $input) { errors { code message } } }`;

let tenant: TestTenant;
let other: TestTenant;
let harbour: string;
let dock: string;
let ben: string;
let ana: string;
let cleo: string;
let lena: string;
let max: string;
let tokens: Record<'ben' | 'ana' | 'cleo' | 'lena' | 'max' | 'maria', string>;

async function complaint(key: string, input: Record<string, unknown>): Promise<string> {
  const result = await data<RecordResult>(key, RECORD, { input: { kind: 'COMPLAINT', source: 'COMPLAINT_RECORD', ...input } });
  expect(result.recordFeedback.errors).toEqual([]);
  return result.recordFeedback.feedback!.id;
}

const reveal = (credential: string, complaintId: string) => gql<RevealResult>(credential, REVEAL, { input: { complaintId } });
const revealRows = async (complaintId: string) =>
  (await env.DB.prepare('SELECT revealed_by, basis FROM complaint_customer_reveals WHERE feedback_id = ? ORDER BY created_at').bind(localId(complaintId)).all<{ revealed_by: string; basis: string }>()).results;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(), createTenant()]);
  harbour = await createTeam(tenant.admin, 'Harbour');
  dock = await createTeam(tenant.admin, 'Dock');
  ben = await createEmployee(tenant.admin, { name: 'Ben Agent', teamId: harbour });
  ana = await createEmployee(tenant.admin, { name: 'Ana Agent', teamId: harbour });
  cleo = await createEmployee(tenant.admin, { name: 'Cleo Dock', teamId: dock });
  lena = await createEmployee(tenant.admin, { name: 'Lena Lead', teamId: harbour, role: 'LEAD' });
  max = await createEmployee(tenant.admin, { name: 'Max Dock Lead', teamId: dock, role: 'LEAD' });
  const maria = await createEmployee(tenant.admin, { name: 'Maria Manager', teamId: harbour, role: 'MANAGER' });
  const mint = (id: string) => employeeToken(tenant.manager, id, 3600);
  tokens = { ben: await mint(ben), ana: await mint(ana), cleo: await mint(cleo), lena: await mint(lena), max: await mint(max), maria: await mint(maria) };
});

describe('complaint ownership', () => {
  it('a complaint is owned by the employee it is about; records and imports carry the customer, validated', async () => {
    const created = await data<RecordResult>(tenant.manager, RECORD, {
      input: { kind: 'COMPLAINT', source: 'COMPLAINT_RECORD', body: 'The order was wrong twice.', employeeId: ben, customerName: 'Dana Client', customerContact: 'dana@example.com' },
    });
    expect(created.recordFeedback.feedback).toMatchObject({ owner: { name: 'Ben Agent' }, customerOnRecord: true });
    const praise = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'PRAISE', source: 'MANAGER', body: 'Lovely service', employeeId: ben } });
    expect(praise.recordFeedback.feedback).toMatchObject({ owner: null, customerOnRecord: false });
    const bad = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'COMPLAINT', source: 'COMPLAINT_RECORD', body: 'x', employeeId: ben, customerContact: 'call me maybe' } });
    expect(bad.recordFeedback.errors).toEqual([expect.objectContaining({ code: 'VALIDATION', path: ['input', 'customerContact'] })]);

    const IMPORT = `mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount rejected { index errors { code path } } } }`;
    const imported = await data<{ importComplaintRecords: { importedCount: number; rejected: { index: number; errors: { code: UserErrorCode; path: string[] }[] }[] } }>(tenant.manager, IMPORT, {
      input: {
        records: [
          { externalRef: 'own-1', body: 'Delivery came a day late.', receivedAt: ago(30), employeeId: ana, customerName: 'Eli', customerContact: '+44 20 7946 0001' },
          { externalRef: 'own-2', body: 'No one called back.', receivedAt: ago(30), employeeId: ana, customerContact: '12' },
        ],
      },
    });
    expect(imported.importComplaintRecords.importedCount).toBe(1);
    expect(imported.importComplaintRecords.rejected).toEqual([{ index: 1, errors: [{ code: 'VALIDATION', path: ['input', 'records', '1', 'customerContact'] }] }]);
    const row = await env.DB.prepare("SELECT owner_id, customer_name, customer_contact FROM feedback WHERE external_ref = 'own-1'").first<{ owner_id: string; customer_name: string; customer_contact: string }>();
    expect(row).toEqual({ owner_id: localId(ana), customer_name: 'Eli', customer_contact: '+44 20 7946 0001' });
  });

  it('the owner sees the customer, every time audited; colleagues, other leads, readers, widgets and other tenants do not', async () => {
    const id = await complaint(tenant.manager, { body: 'Cold food, long wait.', employeeId: ben, customerName: 'Dana Client', customerContact: 'dana@example.com' });
    const own = await reveal(tokens.ben, id);
    expect(own.body.data?.revealComplaintCustomer).toEqual({ customer: { name: 'Dana Client', contact: 'dana@example.com', from: 'RECORD' }, errors: [] });
    await reveal(tokens.ben, id);
    expect(await revealRows(id)).toEqual([{ revealed_by: localId(ben), basis: 'owner' }, { revealed_by: localId(ben), basis: 'owner' }]);

    // Need to know: a colleague in the same team, the lead of another team, a reader key.
    for (const credential of [tokens.ana, tokens.max, tokens.lena, tenant.reader]) {
      const refused = await reveal(credential, id);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain('dana@example.com');
    }
    // A manager (key or token) holds the contact permission: allowed, and audited as such.
    const manager = await reveal(tokens.maria, id);
    expect(manager.body.data?.revealComplaintCustomer.customer?.contact).toBe('dana@example.com');
    await reveal(tenant.manager, id);
    expect((await revealRows(id)).slice(2).map((row) => row.basis)).toEqual(['contact_permission', 'contact_permission']);
    expect((await revealRows(id)).map((row) => row.revealed_by.startsWith('emp_'))).toEqual([true, true, true, false]);

    // Another tenant: exactly like an id that does not exist, and nothing audited.
    const foreign = await reveal(other.admin, id);
    const missing = await reveal(other.admin, btoa('Feedback:fb_does_not_exist').replace(/=+$/, ''));
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body.data?.revealComplaintCustomer.errors[0]?.code).toBe('NOT_FOUND');
    // A widget's publishable key runs only its trusted documents; a scoped (widget) token of the owner holds no complaint rights.
    const { key } = await createPublishableKey(tenant.admin);
    const widget = await widgetFetch<RevealResult>(key, null, {}, { body: { query: REVEAL, variables: { input: { complaintId: id } } } });
    expect(widget.body?.data?.revealComplaintCustomer ?? null).toBeNull();
    expect(widget.body?.errors?.length).toBeGreaterThan(0);
    const scoped = await data<{ createEmployeeToken: { token: string } }>(tenant.manager, 'mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token } }', {
      input: { employeeId: ben, ttlSeconds: 600, scopes: ['KUDOS'] },
    });
    expect((await reveal(scoped.createEmployeeToken.token, id)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await revealRows(id)).toHaveLength(4);
  });

  it('managers read the reveal audit of a complaint (who, when, on what basis); nobody else does', async () => {
    const id = await complaint(tenant.manager, { body: 'Card charged twice.', employeeId: ben, customerName: 'Gus Client', customerContact: 'gus@example.com' });
    await reveal(tokens.ben, id);
    await reveal(tokens.maria, id);
    const AUDIT = 'query($id: ID!) { node(id: $id) { ... on Feedback { customerReveals { basis revealedBy { name } revealedById createdAt } } } }';
    type Audit = { node: { customerReveals: { basis: 'OWNER' | 'CONTACT_PERMISSION'; revealedBy: { name: string } | null; revealedById: string; createdAt: string }[] } };
    const audit = await gql<Audit>(tenant.manager, AUDIT, { id });
    expect(audit.body.errors).toBeUndefined();
    expect(audit.body.data?.node.customerReveals.map((row) => [row.basis, row.revealedBy?.name]).sort()).toEqual([
      ['CONTACT_PERMISSION', 'Maria Manager'],
      ['OWNER', 'Ben Agent'],
    ]);
    expect(audit.headers.get('X-Frontline-Statements')).toBe('2');
    // The owner may see the customer but not who else looked; a reader key neither.
    for (const credential of [tokens.ben, tenant.reader]) {
      const refused = await gql<Audit>(credential, AUDIT, { id });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("a survey call's complaint reveals the call's customer", async () => {
    const template = await data<{ createSurveyTemplate: { surveyTemplate: { id: string; questions: { id: string }[] } } }>(tenant.manager, 'mutation { createSurveyTemplate(input: { name: "Owner check", questions: ["How was it?"] }) { surveyTemplate { id questions { id } } } }');
    const call = await data<{ logSurveyCall: { surveyCall: { mentions: { id: string; kind: string }[] } | null; errors: Errors } }>(tenant.manager, 'mutation($input: LogSurveyCallInput!) { logSurveyCall(input: $input) { surveyCall { mentions { id kind } } errors { code path message } } }', {
      input: {
        templateId: template.createSurveyTemplate.surveyTemplate.id, callerId: lena, calledAt: ago(2), channel: 'PHONE', customerName: 'Fay Caller', customerContact: 'fay@example.com', satisfaction: 2,
        answers: [{ questionId: template.createSurveyTemplate.surveyTemplate.questions[0]!.id, answer: 'Ben forgot my side dish.' }],
        mentions: [{ employeeId: ben, kind: 'COMPLAINT', quote: 'Ben forgot my side dish.' }],
      },
    });
    expect(call.logSurveyCall.errors).toEqual([]);
    const mention = call.logSurveyCall.surveyCall!.mentions[0]!.id;
    expect((await reveal(tokens.ben, mention)).body.data?.revealComplaintCustomer.customer).toEqual({ name: 'Fay Caller', contact: 'fay@example.com', from: 'SURVEY_CALL' });
  });

  it('whoever hears it can take an unowned or own-team complaint; leads assign their team, managers any; history says who', async () => {
    const teamOnly = await complaint(tenant.manager, { body: 'Nobody at the counter.', teamId: harbour });
    const taken = await data<TakeResult>(tokens.ana, TAKE, { input: { complaintId: teamOnly } });
    expect(taken.takeComplaint).toEqual({ complaint: { owner: { name: 'Ana Agent' } }, errors: [] });
    const again = await data<TakeResult>(tokens.ana, TAKE, { input: { complaintId: teamOnly } });
    expect(again.takeComplaint.errors[0]).toMatchObject({ code: 'CONFLICT', path: ['input', 'complaintId'] });

    const bens = await complaint(tenant.manager, { body: 'Wrong size.', employeeId: ben });
    // Cleo works in another team: she cannot take Ben's complaint herself (she would see the customer).
    const cross = await data<TakeResult>(tokens.cleo, TAKE, { input: { complaintId: bens } });
    expect(cross.takeComplaint.errors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('assign it to you') });
    // The Dock lead cannot assign Harbour's complaint; the Harbour lead can.
    const otherLead = await data<AssignResult>(tokens.max, ASSIGN, { input: { complaintId: bens, employeeId: cleo } });
    expect(otherLead.assignComplaint.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'id'] });
    const agentAssign = await gql<AssignResult>(tokens.ana, ASSIGN, { input: { complaintId: bens, employeeId: ana } });
    expect(agentAssign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lead = await data<AssignResult>(tokens.lena, ASSIGN, { input: { complaintId: bens, employeeId: cleo } });
    expect(lead.assignComplaint.errors).toEqual([]);
    expect(lead.assignComplaint.complaint).toMatchObject({
      owner: { name: 'Cleo Dock' },
      history: [{ kind: 'ASSIGNED', actor: { name: 'Lena Lead' }, owner: { name: 'Cleo Dock' }, previousOwner: { name: 'Ben Agent' } }],
    });
    // Ben no longer owns it, so he no longer sees its customer.
    expect((await reveal(tokens.ben, bens)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byKey = await data<AssignResult>(tenant.manager, ASSIGN, { input: { complaintId: bens, employeeId: ben } });
    expect(byKey.assignComplaint.complaint?.history.map((event) => [event.kind, event.actor?.name ?? null])).toEqual([['ASSIGNED', 'Lena Lead'], ['ASSIGNED', null]]);
    const owned = await data<{ feedback: { edges: { node: { id: string } }[] } }>(tokens.ben, 'query($o: ID) { feedback(first: 50, filter: { ownerId: $o, status: OPEN }) { edges { node { id } } } }', { o: ben });
    expect(owned.feedback.edges.map((edge) => edge.node.id)).toContain(bens);
    const cleos = await data<{ feedback: { edges: { node: { id: string } }[] } }>(tokens.cleo, 'query($o: ID) { feedback(first: 50, filter: { ownerId: $o }) { edges { node { id } } } }', { o: cleo });
    expect(cleos.feedback.edges.map((edge) => edge.node.id)).not.toContain(bens);
    const praise = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'PRAISE', source: 'MANAGER', body: 'Kind words', employeeId: ben } });
    expect((await data<TakeResult>(tokens.ana, TAKE, { input: { complaintId: praise.recordFeedback.feedback!.id } })).takeComplaint.errors[0]).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not a complaint') });
    const foreign = await data<AssignResult>(other.admin, ASSIGN, { input: { complaintId: bens, employeeId: ben } });
    expect(foreign.assignComplaint.errors[0]?.code).toBe('NOT_FOUND');
  });

  it('the owner records actions with their own spend for this complaint, and resolves it with a note', async () => {
    const id = await complaint(tenant.manager, { body: 'Broken cup, coffee everywhere.', employeeId: ben, receivedAt: ago(5) });
    const elsewhere = await complaint(tenant.manager, { body: 'Late again.', employeeId: ben });
    expect((await data<{ setEmpowermentBudget: { errors: Errors } }>(tenant.manager, SET, { input: { employeeId: ben, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 3 } })).setEmpowermentBudget.errors).toEqual([]);
    expect((await data<{ setEmpowermentBudget: { errors: Errors } }>(tenant.manager, SET, { input: { employeeId: ana, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 3 } })).setEmpowermentBudget.errors).toEqual([]);
    const spend = (feedbackId: string, token: string) => data<SpendResult>(token, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 800, reasonCode: 'PRODUCT_ISSUE', feedbackId } });
    const mine = (await spend(id, tokens.ben)).spendBudget.spend!.id;
    const forOther = (await spend(elsewhere, tokens.ben)).spendBudget.spend!.id;
    const anas = (await spend(id, tokens.ana)).spendBudget.spend!.id;

    const act = (token: string, input: Record<string, unknown>) => gql<ActionResult>(token, ACTION, { input: { complaintId: id, ...input } });
    expect((await act(tokens.ana, { note: 'I helped' })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await act(tokens.ben, { note: 'Refund', spendId: forOther })).body.data?.recordComplaintAction.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'spendId'] });
    expect((await act(tokens.ben, { note: 'Refund', spendId: anas })).body.data?.recordComplaintAction.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'spendId'] });
    expect((await act(tokens.ben, { note: '   ' })).body.data?.recordComplaintAction.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'note'] });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM complaint_events WHERE feedback_id = ?').bind(localId(id)).first<{ n: number }>()).toEqual({ n: 0 });

    const done = await act(tokens.ben, { note: 'Replaced the cup and paid the cleaning.', spendId: mine });
    expect(done.body.data?.recordComplaintAction.errors).toEqual([]);
    expect(done.body.data?.recordComplaintAction.action).toEqual({ kind: 'ACTION', note: 'Replaced the cup and paid the cleaning.', spend: { amount: 800 }, actor: { name: 'Ben Agent' } });
    // Five hours (and the few milliseconds the test clock moved) after it was received.
    expect(done.body.data?.recordComplaintAction.complaint?.timeToFirstActionSeconds).toBe(5 * 3600);

    // Resolving: not by a colleague, a note is required, the owner's agent token may.
    expect((await gql<ResolveResult>(tokens.ana, RESOLVE, { input: { id, note: 'Done' } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await data<ResolveResult>(tokens.ben, RESOLVE, { input: { id, note: ' ' } })).resolveFeedback.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'note'] });
    const resolved = await data<ResolveResult>(tokens.ben, RESOLVE, { input: { id, note: 'Customer happy, came back next day.' } });
    expect(resolved.resolveFeedback.feedback).toEqual({
      status: 'RESOLVED', resolutionNote: 'Customer happy, came back next day.', resolvedBy: { name: 'Ben Agent' }, timeToResolutionSeconds: 5 * 3600,
      history: [{ kind: 'ACTION', note: 'Replaced the cup and paid the cleaning.' }, { kind: 'RESOLVED', note: 'Customer happy, came back next day.' }],
    });
    expect((await act(tokens.ben, { note: 'More' })).body.data?.recordComplaintAction.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await data<ResolveResult>(tenant.manager, RESOLVE, { input: { id, note: 'again' } })).resolveFeedback.errors[0]).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'] });
  });

  it('a list of complaints with owners, history, spends and times is a fixed number of statements', async () => {
    const QUERY = `{ feedback(first: 50, filter: { kind: COMPLAINT }) { totalCount edges { node { owner { name } customerOnRecord firstActionAt timeToFirstActionSeconds timeToResolutionSeconds
      history { kind note actor { name } owner { name } previousOwner { name } spend { amount employee { name } } } } } } }`;
    const before = await gql<{ feedback: { totalCount: number } }>(tenant.reader, QUERY);
    expect(before.body.errors).toBeUndefined();
    for (let i = 0; i < 3; i++) await complaint(tenant.manager, { body: `Extra complaint ${i}`, employeeId: ana });
    const after = await gql<{ feedback: { totalCount: number } }>(tenant.reader, QUERY);
    expect(after.body.data?.feedback.totalCount).toBe(before.body.data!.feedback.totalCount + 3);
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBeLessThanOrEqual(3);
  });
});

describe('complaint times', () => {
  it('median, p90 and mean per tenant and team over a period, one statement each, with a pinned clock', async () => {
    const fresh = await createTenant();
    const north = await createTeam(fresh.admin, 'North');
    const south = await createTeam(fresh.admin, 'South');
    const nora = await createEmployee(fresh.admin, { name: 'Nora', teamId: north });
    const sam = await createEmployee(fresh.admin, { name: 'Sam', teamId: south });
    const noraToken = await employeeToken(fresh.manager, nora, 3600);
    const samToken = await employeeToken(fresh.manager, sam, 3600);
    // First action after 1, 2, 3, 4 hours (North) and 10 hours (South); two resolved half an hour after acting.
    const plan: [string, string, number, boolean][] = [[nora, noraToken, 1, true], [nora, noraToken, 2, false], [nora, noraToken, 3, true], [nora, noraToken, 4, false], [sam, samToken, 10, false]];
    const acted: number[] = [];
    for (const [employeeId, token, hours, resolve] of plan) {
      const id = await complaint(fresh.manager, { body: `Slow ${hours}`, employeeId, receivedAt: ago(hours) });
      const at = new Date(TEST_NOW.getTime() + 1);
      const action = await gql<ActionResult>(token, ACTION, { input: { complaintId: id, note: 'Called back' } }, { now: at });
      expect(action.body.data?.recordComplaintAction.errors).toEqual([]);
      acted.push(hours * HOUR + 1);
      if (resolve) expect((await gql<ResolveResult>(token, RESOLVE, { input: { id, note: 'Fixed' } }, { now: new Date(at.getTime() + HOUR / 2) })).body.data?.resolveFeedback.errors).toEqual([]);
    }
    await complaint(fresh.manager, { body: 'Still waiting', employeeId: sam, receivedAt: ago(1) });
    // Outside the period: not counted.
    await complaint(fresh.manager, { body: 'Old one', employeeId: sam, receivedAt: ago(24 * 40) });

    const QUERY = `query($from: DateTime) { complaintTimes(from: $from) { complaintCount openCount firstAction { count medianHours p90Hours meanHours } resolution { count medianHours p90Hours meanHours } }
      complaintTimesByTeam(from: $from) { team { name } complaintCount openCount firstAction { count medianHours p90Hours } resolution { count medianHours } } }`;
    type Stats = { count: number; medianHours: number | null; p90Hours: number | null; meanHours?: number | null };
    const result = await gql<{ complaintTimes: { complaintCount: number; openCount: number; firstAction: Stats; resolution: Stats }; complaintTimesByTeam: { team: { name: string }; complaintCount: number; openCount: number; firstAction: Stats; resolution: Stats }[] }>(
      fresh.reader, QUERY, { from: ago(24 * 30) }, { now: new Date(TEST_NOW.getTime() + 5 * HOUR) },
    );
    expect(result.body.errors).toBeUndefined();
    const sorted = [...acted].sort((a, b) => a - b);
    const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);
    expect(result.body.data?.complaintTimes).toEqual({
      complaintCount: 6,
      openCount: 4,
      firstAction: { count: 5, medianHours: hours(nearestRank(sorted, 50)), p90Hours: hours(nearestRank(sorted, 90)), meanHours: 4 },
      resolution: { count: 2, medianHours: 1.5, p90Hours: 3.5, meanHours: 2.5 },
    });
    expect(result.body.data?.complaintTimes.firstAction).toMatchObject({ medianHours: 3, p90Hours: 10 });
    expect(result.body.data?.complaintTimesByTeam).toEqual([
      { team: { name: 'North' }, complaintCount: 4, openCount: 2, firstAction: { count: 4, medianHours: 2, p90Hours: 4 }, resolution: { count: 2, medianHours: 1.5 } },
      { team: { name: 'South' }, complaintCount: 2, openCount: 2, firstAction: { count: 1, medianHours: 10, p90Hours: 10 }, resolution: { count: 0, medianHours: null } },
    ]);
    // Authentication, the tenant figures, the team figures and the teams: four statements whatever
    // the data (asked again at the same instant, so the key's lastUsedAt refresh is not counted).
    const again = await gql(fresh.reader, QUERY, { from: ago(24 * 30) }, { now: new Date(TEST_NOW.getTime() + 5 * HOUR) });
    expect(again.body).toEqual(result.body);
    expect(again.statements).toBe(4);
    const team = await data<{ complaintTimes: { complaintCount: number } }>(fresh.reader, 'query($t: ID, $from: DateTime) { complaintTimes(teamId: $t, from: $from) { complaintCount } }', { t: south, from: ago(24 * 30) });
    expect(team.complaintTimes.complaintCount).toBe(2);
  });

  it('the incentive metric counts complaints resolved within N hours per owner', async () => {
    const fresh = await createTenant();
    const team = await createTeam(fresh.admin, 'Front');
    const owner = await createEmployee(fresh.admin, { name: 'Olga', teamId: team });
    const about = await createEmployee(fresh.admin, { name: 'Pete', teamId: team });
    const olgaToken = await employeeToken(fresh.manager, owner, 3600);
    const fast = await complaint(fresh.manager, { body: 'Pete was rude', employeeId: about, receivedAt: ago(2) });
    const slow = await complaint(fresh.manager, { body: 'Olga was slow', employeeId: owner, receivedAt: ago(30) });
    expect((await data<TakeResult>(olgaToken, TAKE, { input: { complaintId: fast } })).takeComplaint.errors).toEqual([]);
    for (const id of [fast, slow]) expect((await data<ResolveResult>(olgaToken, RESOLVE, { input: { id, note: 'Apologised and refunded' } })).resolveFeedback.errors).toEqual([]);
    const CREATE = `mutation($input: CreateIncentiveProgramInput!) { createIncentiveProgram(input: $input) { program { progress { value } } errors { code message } } }`;
    const progress = async (employeeId: string, withinHours: number) =>
      (await data<{ createIncentiveProgram: { program: { progress: { value: number | null } } | null; errors: Errors } }>(fresh.manager, CREATE, {
        input: { name: `Fast ${employeeId.slice(-4)} ${withinHours}`, metric: 'COMPLAINTS_RESOLVED_WITHIN', withinHours, scope: 'EMPLOYEE', employeeId, target: 2, period: 'MONTH', points: 5 },
      })).createIncentiveProgram.program?.progress.value;
    // Olga owned both (she took Pete's); within 24 hours only the fast one, within 48 both; Pete none.
    expect(await progress(owner, 24)).toBe(1);
    expect(await progress(owner, 48)).toBe(2);
    expect(await progress(about, 48)).toBe(0);
  });
});
