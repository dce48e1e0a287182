/**
 * Experiments: an accepted suggestion tried for a fixed time, then concluded with an outcome and
 * lessons. Failed experiments stay listed and searchable: their lessons are the point.
 */
import type { SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { concludeExperiment, experimentWhere, startExperiment } from '../features/suggestions/service.ts';
import { EXPERIMENT_OUTCOMES, experiments, type ExperimentOutcome } from '../features/suggestions/tables.ts';
import { invalidTransitionError, parseInput } from '../domain/errors.ts';
import { concludeExperimentSchema, startExperimentSchema, SUGGESTION_LIMITS, transitionRefusal } from '../features/suggestions/rules.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { findEmployee } from './employees.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { actorOf, findSuggestion } from './suggestion-mutations.ts';

const ExperimentOutcomeEnum = builder.enumType('ExperimentOutcome', {
  values: Object.fromEntries(EXPERIMENT_OUTCOMES.map((outcome) => [outcome.toUpperCase(), { value: outcome }])) as Record<
    Uppercase<ExperimentOutcome>,
    { value: ExperimentOutcome }
  >,
});

export const Experiment = builder.drizzleNode('experiments', {
  name: 'Experiment',
  id: { column: (experiment) => experiment.id },
  fields: (t) => ({
    suggestion: t.relation('suggestion'),
    hypothesis: t.exposeString('hypothesis'),
    successMeasure: t.exposeString('successMeasure'),
    owner: t.relation('owner'),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    outcome: t.expose('outcome', { type: ExperimentOutcomeEnum, nullable: true, description: 'Null while running.' }),
    lessons: t.exposeString('lessons', { nullable: true, description: 'What was learned; required when concluding, whatever the outcome.' }),
    concludedAt: t.expose('concludedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface ExperimentFilterValues {
  outcome?: ExperimentOutcome[] | null;
  running?: boolean | null;
  search?: string | null;
}

const ExperimentFilter = builder.inputType('ExperimentFilter', {
  fields: (t) => ({
    outcome: t.field({ type: [ExperimentOutcomeEnum], description: 'Any of these outcomes, e.g. [FAILED] for the lessons of what did not work.' }),
    running: t.boolean({ description: 'true: not concluded yet; false: concluded.' }),
    search: t.string({ description: 'Case-insensitive text in hypothesis, success measure or lessons.' }),
  }),
});

function experimentFilterSql(table: typeof experiments, filter: ExperimentFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const search = filter.search?.trim();
  if (search && search.length > SUGGESTION_LIMITS.search) {
    throw new GraphQLError(`filter.search is at most ${SUGGESTION_LIMITS.search} characters.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return experimentWhere(table, filter);
}

builder.queryFields((t) => ({
  experiments: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'experiments',
    description: 'Experiments, latest start first. Failed ones included: filter by outcome FAILED to read their lessons.',
    args: { filter: t.arg({ type: ExperimentFilter }) },
    ...filteredConnection({ name: 'experiments', table: experiments, filter: experimentFilterSql, orderBy: { startsOn: 'desc', id: 'desc' } }),
  }),
}));

const ExperimentPayload = payloadType('ExperimentPayload', 'experiment', Experiment);

const StartExperimentInput = builder.inputType('StartExperimentInput', {
  fields: (t) => ({
    suggestionId: t.id({ required: true, description: 'An ACCEPTED suggestion; it becomes EXPERIMENTING.' }),
    hypothesis: t.string({ required: true }),
    successMeasure: t.string({ required: true, description: 'How you will know it worked.' }),
    ownerId: t.id({ required: true, description: 'The employee who runs it.' }),
    startsOn: t.field({ type: 'Date', required: true }),
    endsOn: t.field({ type: 'Date', required: true, description: 'On or after startsOn, at most a year later.' }),
    note: t.string({ description: 'Kept in the suggestion history.' }),
  }),
});

const ConcludeExperimentInput = builder.inputType('ConcludeExperimentInput', {
  fields: (t) => ({
    experimentId: t.id({ required: true }),
    outcome: t.field({ type: ExperimentOutcomeEnum, required: true }),
    lessons: t.string({ required: true, description: 'What was learned. Failed experiments teach the most.' }),
  }),
});

builder.mutationFields((t) => ({
  startExperiment: t.withAuth({ permission: 'suggestions:review', tenant: true }).field({
    type: ExperimentPayload,
    description: 'Turns an ACCEPTED suggestion into a time-boxed experiment (the suggestion becomes EXPERIMENTING).',
    args: { input: t.arg({ type: StartExperimentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const values = parseInput(startExperimentSchema, input);
          const suggestion = await findSuggestion(tenant, input.suggestionId);
          const ownerId = localIdFor('Employee', input.ownerId, ['input', 'ownerId']);
          await findEmployee(tenant, ownerId, ['input', 'ownerId']);
          if (suggestion.status !== 'accepted') {
            throw invalidTransitionError(['input', 'suggestionId'], transitionRefusal(suggestion.status, 'experimenting'));
          }
          return { experiment: await startExperiment(tenant, suggestion, { ...values, ownerId }, actorOf(ctx), ctx.now) };
        },
        { experiment: null },
      ),
  }),
  concludeExperiment: t.withAuth({ permission: 'suggestions:review', tenant: true }).field({
    type: ExperimentPayload,
    description:
      'Records the outcome and lessons of a running experiment (once). FAILED also declines the suggestion, with the lessons as its reason; after SUCCEEDED or INCONCLUSIVE, adopt or decline it with changeSuggestionStatus.',
    args: { input: t.arg({ type: ConcludeExperimentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const values = parseInput(concludeExperimentSchema, { outcome: input.outcome, lessons: input.lessons });
          const path = ['input', 'experimentId'];
          const id = localIdFor('Experiment', input.experimentId, path);
          return { experiment: await concludeExperiment(tenant, id, values, actorOf(ctx), ctx.now, path) };
        },
        { experiment: null },
      ),
  }),
}));

