/** Experiments: started from an ACCEPTED suggestion, concluded once with lessons; failures stay visible. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let owner: string;
let token: string;

const START = `mutation($input: StartExperimentInput!) { startExperiment(input: $input) {
  experiment { id hypothesis successMeasure startsOn endsOn outcome lessons owner { id } suggestion { id status } } errors { __typename code path message } } }`;
type StartResult = { startExperiment: { experiment: { id: string; hypothesis: string; successMeasure: string; startsOn: string; endsOn: string; outcome: 'FAILED' | 'INCONCLUSIVE' | 'SUCCEEDED' | null; lessons: string | null; owner: { id: string }; suggestion: { id: string; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' } } | null; errors: { __typename: string; code: UserErrorCode; path: string[]; message: string }[] } };
const CONCLUDE = `mutation($input: ConcludeExperimentInput!) { concludeExperiment(input: $input) {
  experiment { id outcome lessons concludedAt } errors { __typename code path message } } }`;
type ConcludeResult = { concludeExperiment: { experiment: { id: string; outcome: 'FAILED' | 'INCONCLUSIVE' | 'SUCCEEDED' | null; lessons: string | null; concludedAt: string | null } | null; errors: { __typename: string; code: UserErrorCode; path: string[]; message: string }[] } };
const CHANGE = 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { suggestion { status } errors { code path message } } }';
type ChangeResult = { changeSuggestionStatus: { suggestion: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

async function acceptedSuggestion(title: string): Promise<string> {
  const created = await data<{ submitSuggestion: { suggestion: { id: string } | null } }>(token, 'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } } }', {
    input: { category: 'LONG_PROCESS', title, body: `${title}: it takes too long.` },
  });
  const id = created.submitSuggestion.suggestion!.id;
  for (const status of ['UNDER_REVIEW', 'ACCEPTED']) await data<ChangeResult>(tenant.manager, CHANGE, { input: { suggestionId: id, status } });
  return id;
}

const experimentInput = (suggestionId: string, extra: Record<string, unknown> = {}) => ({
  suggestionId,
  hypothesis: 'Pre-filled return forms halve the time at the desk.',
  successMeasure: 'Median minutes per return, from the till log.',
  ownerId: owner,
  startsOn: '2026-12-01',
  endsOn: '2026-12-28',
  ...extra,
});

beforeAll(async () => {
  tenant = await createTenant();
  owner = await createEmployee(tenant.admin, { name: 'Olga Owner', role: 'LEAD' });
  token = await employeeToken(tenant.admin, await createEmployee(tenant.admin, { name: 'Sam Suggester' }));
});

describe('experiments', () => {
  it('start from ACCEPTED, conclude once, and a failed one keeps its lessons listed and searchable', async () => {
    const suggestionId = await acceptedSuggestion('Returns paperwork');
    const started = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId) })).startExperiment;
    expect(started.errors).toEqual([]);
    expect(started.experiment).toMatchObject({ outcome: null, lessons: null, startsOn: '2026-12-01', endsOn: '2026-12-28', suggestion: { status: 'EXPERIMENTING' } });
    // A second experiment for the same suggestion is refused: it is no longer ACCEPTED.
    const again = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId) })).startExperiment;
    expect(again.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('from EXPERIMENTING to EXPERIMENTING') });
    expect((await env.DB.prepare('SELECT count(*) AS n FROM experiments WHERE suggestion_id = ?').bind(localId(suggestionId)).first<{ n: number }>())?.n).toBe(1);

    const failed = (await data<ConcludeResult>(tenant.manager, CONCLUDE, {
      input: { experimentId: started.experiment!.id, outcome: 'FAILED', lessons: 'Customers still had to queue for the label printer.' },
    })).concludeExperiment;
    expect(failed.experiment).toMatchObject({ outcome: 'FAILED', lessons: 'Customers still had to queue for the label printer.' });
    const twice = (await data<ConcludeResult>(tenant.manager, CONCLUDE, { input: { experimentId: started.experiment!.id, outcome: 'SUCCEEDED', lessons: 'x' } })).concludeExperiment;
    expect(twice).toEqual({
      experiment: null,
      errors: [{ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', path: ['input', 'outcome'], message: 'This experiment was already concluded as FAILED; outcomes do not change.' }],
    });
    // Failing declines the suggestion, with the lessons as the reason its author reads, and a
    // history row saying who did it; a declined suggestion can no longer be adopted.
    const declined = await data<{ node: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; declineReason: string | null } | null }>(token, `query($id: ID!) { node(id: $id) { ... on Suggestion { status declineReason } } }`, { id: suggestionId });
    expect(declined.node).toEqual({ status: 'DECLINED', declineReason: 'Customers still had to queue for the label printer.' });
    const history = await env.DB.prepare("SELECT from_status, note, actor_key_id IS NOT NULL AS by_key FROM suggestion_history WHERE suggestion_id = ? AND to_status = 'declined'")
      .bind(localId(suggestionId))
      .all();
    expect(history.results).toEqual([{ from_status: 'experimenting', note: 'The experiment failed.', by_key: 1 }]);
    const adopt = (await data<ChangeResult>(tenant.manager, CHANGE, { input: { suggestionId, status: 'ADOPTED' } })).changeSuggestionStatus;
    expect(adopt.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('from DECLINED to ADOPTED') });

    const lessons = await data<{ failed: { totalCount: number; edges: { node: { lessons: string | null; suggestion: { title: string; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' } } }[] }; search: { totalCount: number }; running: { totalCount: number } }>(token, `{
      failed: experiments(filter: { outcome: [FAILED] }) { totalCount edges { node { lessons suggestion { title status } } } }
      search: experiments(filter: { search: "label printer" }) { totalCount }
      running: experiments(filter: { running: true }) { totalCount }
    }`);
    expect(lessons.failed).toEqual({
      totalCount: 1,
      edges: [{ node: { lessons: 'Customers still had to queue for the label printer.', suggestion: { title: 'Returns paperwork', status: 'DECLINED' } } }],
    });
    expect(lessons.search.totalCount).toBe(1);
    expect(lessons.running.totalCount).toBe(0);
  });

  it('reports bad input as typed errors and writes nothing', async () => {
    const suggestionId = await acceptedSuggestion('Stock count');
    const bad = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId, { hypothesis: ' ', startsOn: '2026-12-10', endsOn: '2026-12-01' }) })).startExperiment;
    expect(bad.experiment).toBeNull();
    expect(bad.errors.map((e) => [e.code, e.path.join('.')])).toEqual([['VALIDATION', 'input.hypothesis']]);
    const backwards = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId, { startsOn: '2026-12-10', endsOn: '2026-12-01' }) })).startExperiment;
    expect(backwards.errors).toEqual([
      { __typename: 'ValidationError', code: 'VALIDATION', path: ['input', 'endsOn'], message: 'An experiment ends on or after the day it starts.' },
    ]);
    const long = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId, { endsOn: '2028-01-01' }) })).startExperiment;
    expect(long.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'endsOn'] });
    const noOwner = (await data<StartResult>(tenant.admin, START, { input: experimentInput(suggestionId, { ownerId: 'RW1wbG95ZWU6ZW1wX25vcGU' }) })).startExperiment;
    expect(noOwner.errors[0]).toMatchObject({ code: 'NOT_FOUND', path: ['input', 'ownerId'] });
    const badLessons = (await data<ConcludeResult>(tenant.admin, CONCLUDE, { input: { experimentId: 'RXhwZXJpbWVudDpleHBfbm9wZQ', outcome: 'FAILED', lessons: '' } })).concludeExperiment;
    expect(badLessons.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'lessons'] });
    const missing = (await data<ConcludeResult>(tenant.admin, CONCLUDE, { input: { experimentId: 'RXhwZXJpbWVudDpleHBfbm9wZQ', outcome: 'FAILED', lessons: 'x' } })).concludeExperiment;
    expect(missing.errors[0]).toMatchObject({ code: 'NOT_FOUND', path: ['input', 'experimentId'] });
    const status = await data<{ node: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; experiment: { id: string } | null } | null }>(tenant.reader, 'query($id: ID!) { node(id: $id) { ... on Suggestion { status experiment { id } } } }', { id: suggestionId });
    expect(status.node).toEqual({ status: 'ACCEPTED', experiment: null });
  });

  it('a manager adopts after a successful experiment, with their own employee token', async () => {
    const suggestionId = await acceptedSuggestion('Opening checklist');
    const managerToken = await employeeToken(tenant.admin, await createEmployee(tenant.admin, { name: 'Dora Director', role: 'DIRECTOR' }));
    const started = (await data<StartResult>(managerToken, START, { input: experimentInput(suggestionId) })).startExperiment;
    await data<ConcludeResult>(managerToken, CONCLUDE, { input: { experimentId: started.experiment!.id, outcome: 'SUCCEEDED', lessons: 'Ten minutes saved every morning.' } });
    const adopted = (await data<ChangeResult>(managerToken, CHANGE, { input: { suggestionId, status: 'ADOPTED' } })).changeSuggestionStatus;
    expect(adopted).toEqual({ suggestion: { status: 'ADOPTED' }, errors: [] });
  });
});
