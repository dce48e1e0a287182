/**
 * Experiments: an accepted suggestion tried for a fixed time, then concluded with an outcome and
 * lessons. Failed experiments stay listed and searchable: their lessons are the point.
 */
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { newId } from '../db/ids.ts';
import { EXPERIMENT_OUTCOMES, experiments, suggestions, type ExperimentOutcome } from '../features/suggestions/tables.ts';
import { invalidTransitionError, notFoundError, parseInput } from '../domain/errors.ts';
import { likePattern } from '../domain/people.ts';
import { concludeExperimentSchema, startExperimentSchema, SUGGESTION_LIMITS, transitionRefusal } from '../features/suggestions/rules.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { findEmployee } from './employees.ts';
import { localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { actorOf, findSuggestion, guardedHistoryInsert, guardedStatusUpdate, raceLost } from './suggestion-mutations.ts';
import { tenantFor } from './tenancy.ts';

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
  const conditions: (SQL | undefined)[] = [];
  if (filter.outcome?.length) conditions.push(sql`${table.outcome} IN (${sql.join(filter.outcome.map((o) => sql`${o}`), sql`, `)})`);
  if (filter.running === true) conditions.push(isNull(table.outcome));
  if (filter.running === false) conditions.push(sql`${table.outcome} IS NOT NULL`);
  const search = filter.search?.trim();
  if (search) {
    if (search.length > SUGGESTION_LIMITS.search) {
      throw new GraphQLError(`filter.search is at most ${SUGGESTION_LIMITS.search} characters.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const pattern = likePattern(search);
    conditions.push(
      or(
        sql`${table.hypothesis} LIKE ${pattern} ESCAPE '\\'`,
        sql`${table.successMeasure} LIKE ${pattern} ESCAPE '\\'`,
        sql`${table.lessons} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  return and(...conditions);
}

builder.queryFields((t) => ({
  experiments: t.drizzleConnection({
    type: 'experiments',
    description: 'Experiments, latest start first. Failed ones included: filter by outcome FAILED to read their lessons.',
    args: { filter: t.arg({ type: ExperimentFilter }) },
    ...filteredConnection({ name: 'experiments', table: experiments, permission: 'read', filter: experimentFilterSql, orderBy: { startsOn: 'desc', id: 'desc' } }),
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
  startExperiment: t.field({
    type: ExperimentPayload,
    description: 'Turns an ACCEPTED suggestion into a time-boxed experiment (the suggestion becomes EXPERIMENTING).',
    args: { input: t.arg({ type: StartExperimentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        'suggestions:review',
        async () => {
          const tenant = tenantFor(ctx, 'suggestions:review');
          const values = parseInput(startExperimentSchema, input);
          const suggestion = await findSuggestion(tenant, input.suggestionId);
          const ownerId = localIdFor('Employee', input.ownerId, ['input', 'ownerId']);
          await findEmployee(tenant, ownerId, ['input', 'ownerId']);
          if (suggestion.status !== 'accepted') {
            throw invalidTransitionError(['input', 'suggestionId'], transitionRefusal(suggestion.status, 'experimenting'));
          }
          const id = newId('exp');
          const { now } = ctx;
          // The experiment row is inserted only while the suggestion is still ACCEPTED, in the
          // same batch as the guarded transition, so a lost race leaves no orphan experiment.
          const insertExperiment = tenant.insertSelect(
            experiments,
            {
              id,
              suggestionId: sql`${suggestions.id}`,
              hypothesis: values.hypothesis,
              successMeasure: values.successMeasure,
              ownerId,
              startsOn: values.startsOn,
              endsOn: values.endsOn,
              outcome: null,
              lessons: null,
              concludedAt: null,
              createdAt: now.getTime(),
              updatedAt: now.getTime(),
            },
            sql`FROM ${suggestions} WHERE ${suggestions.tenantId} = ${tenant.tenantId} AND ${suggestions.id} = ${suggestion.id} AND ${suggestions.status} = 'accepted'`,
          );
          const [, , updated] = await tenant.batch([
            insertExperiment,
            guardedHistoryInsert(tenant, suggestion.id, 'accepted', 'experimenting', actorOf(ctx), values.note, now),
            guardedStatusUpdate(tenant, suggestion.id, 'accepted', { status: 'experimenting' }, now),
          ]);
          if (!updated[0]) throw raceLost('accepted');
          const experiment = await tenant.db.query.experiments.findFirst({ where: { id } });
          return { experiment: experiment ?? null };
        },
        { experiment: null },
      ),
  }),
  concludeExperiment: t.field({
    type: ExperimentPayload,
    description:
      'Records the outcome and lessons of a running experiment (once). FAILED also declines the suggestion, with the lessons as its reason; after SUCCEEDED or INCONCLUSIVE, adopt or decline it with changeSuggestionStatus.',
    args: { input: t.arg({ type: ConcludeExperimentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        'suggestions:review',
        async () => {
          const tenant = tenantFor(ctx, 'suggestions:review');
          const values = parseInput(concludeExperimentSchema, { outcome: input.outcome, lessons: input.lessons });
          const path = ['input', 'experimentId'];
          const id = localIdFor('Experiment', input.experimentId, path);
          const existing = await tenant.db.query.experiments.findFirst({ where: { id } });
          if (!existing) throw notFoundError(path, missingMessage('Experiment'));
          const concluded = (outcome: string | null) =>
            invalidTransitionError(
              ['input', 'outcome'],
              `This experiment was already concluded${outcome ? ` as ${outcome.toUpperCase()}` : ''}; outcomes do not change.`,
            );
          if (existing.outcome) throw concluded(existing.outcome);
          const now = ctx.now;
          // WHERE outcome IS NULL: of two concurrent conclusions only one applies.
          const conclude = tenant
            .updateWhere(experiments, { outcome: values.outcome, lessons: values.lessons, concludedAt: now, updatedAt: now }, and(eq(experiments.id, id), isNull(experiments.outcome)) as SQL)
            .returning();
          if (values.outcome !== 'failed') {
            const [experiment] = await conclude;
            if (!experiment) throw concluded(null);
            return { experiment };
          }
          // A failed experiment declines its suggestion, with the lessons as the reason the author
          // reads: after a failure the only way on is DECLINED (one experiment per suggestion), and
          // leaving it EXPERIMENTING would keep a finished trial looking alive. Same batch: the
          // guarded history row and status change apply only while the suggestion is still
          // EXPERIMENTING (a suggestion declined by hand meanwhile keeps its own reason) and the
          // experiment really ended FAILED (a concurrent SUCCEEDED that won must not decline it).
          const endedFailed = sql`EXISTS (SELECT 1 FROM ${experiments} WHERE tenant_id = ${tenant.tenantId} AND id = ${id} AND outcome = 'failed')`;
          const [[experiment]] = await tenant.batch([
            conclude,
            guardedHistoryInsert(tenant, existing.suggestionId, 'experimenting', 'declined', actorOf(ctx), 'The experiment failed.', now, endedFailed),
            guardedStatusUpdate(tenant, existing.suggestionId, 'experimenting', { status: 'declined', declineReason: values.lessons }, now, endedFailed),
          ]);
          if (!experiment) throw concluded(null);
          return { experiment };
        },
        { experiment: null },
      ),
  }),
}));

