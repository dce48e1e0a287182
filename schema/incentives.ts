/**
 * Incentive programs with measurable goals: a metric computed from real data, a target, a period,
 * a scope and points on achievement. Progress is queryable any time; `evaluateIncentiveProgram`
 * awards the points when the goal is reached, exactly once per program, period and employee (a
 * unique index on the ledger makes a second award a no-op, however often it runs).
 */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { INCENTIVE_METRICS, incentivePrograms, PERIOD_KINDS, PROGRAM_SCOPES, type IncentiveMetric, type PeriodKind, type ProgramScope } from '../features/incentives/tables.ts';
import { parseInput, validationError, type UserErrorData } from '../domain/errors.ts';
import { assertProgramShape, progressOf } from '../features/incentives/rules.ts';
import { periodContaining, type Period } from '../domain/periods.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import type { TenantContext } from './auth-scopes.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { requestLoader } from './request-loaders.ts';
import { upperEnum } from './enums.ts';
import { actorGlobalId, dutyActorOf, refuseSelfDealing } from './duties.ts';
import { Employee, findEmployee } from './employees.ts';
import { UserErrorInterface } from './errors.ts';
import { localIdFor } from './global-ids.ts';
import { runMutation } from './mutations.ts';
import { awardIfAchieved, createProgram, endProgram, findProgram, measureMany, type AwardExclusion, type Measurement } from '../features/incentives/service.ts';
import { findTeam } from './teams.ts';

export const IncentiveMetricEnum = upperEnum<IncentiveMetric>('IncentiveMetric', INCENTIVE_METRICS);
export const PeriodKindEnum = upperEnum<PeriodKind>('PeriodKind', PERIOD_KINDS);
export const ProgramScopeEnum = upperEnum<ProgramScope>('ProgramScope', PROGRAM_SCOPES);
const ProgramStatusEnum = builder.enumType('IncentiveProgramStatus', { values: { ACTIVE: { value: 'active' }, ENDED: { value: 'ended' } } as const });

type ProgramRow = typeof incentivePrograms.$inferSelect;

interface ProgressData {
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  value: number | null;
  target: number;
  ratio: number;
  achieved: boolean;
  awarded: boolean;
}

const ProgressType = builder.objectRef<ProgressData>('IncentiveProgress').implement({
  description: 'How far a program is toward its goal in one period.',
  fields: (t) => ({
    periodKey: t.exposeString('periodKey', { description: 'e.g. 2026-W47, 2026-11, 2026-Q4.' }),
    periodStart: t.expose('periodStart', { type: 'DateTime' }),
    periodEnd: t.expose('periodEnd', { type: 'DateTime', description: 'Exclusive.' }),
    value: t.exposeFloat('value', { nullable: true, description: 'The measured value; null when there is nothing to measure yet.' }),
    target: t.exposeFloat('target'),
    ratio: t.exposeFloat('ratio', { description: 'Share of the target reached, 0 to 1.' }),
    achieved: t.exposeBoolean('achieved'),
    awarded: t.exposeBoolean('awarded', { description: 'Whether the points for this period were awarded.' }),
  }),
});

function toProgress(program: ProgramRow, period: Period, measured: Measurement): ProgressData {
  return { periodKey: period.key, periodStart: period.start, periodEnd: period.end, ...progressOf(measured.value, program.target), awarded: measured.awarded };
}

/**
 * Progress for the `progress` field, batched per request: the programs of a page are measured
 * together (`measureMany`), one or two statements rather than two per program.
 */
function progressFor(ctx: TenantContext, program: ProgramRow, at: Date): Promise<ProgressData> {
  return requestLoader<{ program: ProgramRow; at: Date }, ProgressData, string>(
    ctx,
    'incentive-progress',
    async (keys) => {
      const items = keys.map(({ program: p, at: when }) => ({ program: p, period: periodContaining(p.period, when) }));
      const measured = await measureMany(ctx.tenant, items);
      return items.map(({ program: p, period }, i) => toProgress(p, period, measured[i]!));
    },
    { cacheKeyFn: ({ program: p, at: when }) => `${p.id}|${periodContaining(p.period, when).key}` },
  ).load({ program, at });
}

export const IncentiveProgram = builder.drizzleNode('incentivePrograms', {
  name: 'IncentiveProgram',
  description: 'A measurable goal with points on achievement.',
  id: { column: (program) => program.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    metric: t.expose('metric', { type: IncentiveMetricEnum }),
    withinHours: t.exposeInt('withinHours', { nullable: true, description: 'For COMPLAINTS_RESOLVED_WITHIN.' }),
    target: t.exposeFloat('target'),
    period: t.expose('period', { type: PeriodKindEnum }),
    scope: t.expose('scope', { type: ProgramScopeEnum }),
    employee: t.relation('employee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    points: t.exposeInt('points', { description: 'Points each awarded employee receives per period achieved.' }),
    status: t.expose('status', { type: ProgramStatusEnum }),
    createdBy: t.id({
      nullable: true,
      description: 'Who set it up: an Employee id, or the id of the API key (ApiKey). That employee is never awarded by it.',
      resolve: (program) => actorGlobalId(program.createdBy),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    progress: t.authField({
      authScopes: { permission: 'read', tenant: true },
      type: ProgressType,
      description: 'Progress in the period containing `at` (default now). Reading it never awards points.',
      args: { at: t.arg({ type: 'DateTime' }) },
      resolve: (program, args, ctx) => progressFor(ctx, program, args.at ?? ctx.now),
    }),
    awards: t.relatedConnection('awards', { description: 'Points awarded by this program.', totalCount: true, query: { orderBy: { createdAt: 'desc', id: 'desc' } } }),
  }),
});

builder.queryFields((t) => ({
  incentivePrograms: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'incentivePrograms',
    description: 'Incentive programs, newest first.',
    args: { status: t.arg({ type: ProgramStatusEnum }) },
    ...tenantConnection({
      name: 'incentivePrograms', table: incentivePrograms, orderBy: { createdAt: 'desc', id: 'desc' },
      where: (table, args: { status?: (typeof incentivePrograms.$inferSelect)['status'] | null }) => (args.status ? eq(table.status, args.status) : undefined),
    }),
  }),
}));

const CreateIncentiveProgramInput = builder.inputType('CreateIncentiveProgramInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
    metric: t.field({ type: IncentiveMetricEnum, required: true }),
    withinHours: t.int({ description: 'Required for COMPLAINTS_RESOLVED_WITHIN.' }),
    target: t.float({ required: true }),
    period: t.field({ type: PeriodKindEnum, required: true }),
    scope: t.field({ type: ProgramScopeEnum, required: true }),
    employeeId: t.id({ description: 'For scope EMPLOYEE.' }),
    teamId: t.id({ description: 'For scope TEAM.' }),
    points: t.int({ required: true }),
  }),
});
const ProgramIdInput = builder.inputType('EvaluateIncentiveProgramInput', {
  fields: (t) => ({
    programId: t.id({ required: true }),
    at: t.field({ type: 'DateTime', description: 'Evaluate the period containing this instant (default now).' }),
  }),
});
const EndProgramInput = builder.inputType('EndIncentiveProgramInput', { fields: (t) => ({ programId: t.id({ required: true }) }) });

const AwardExclusionType = builder.objectRef<AwardExclusion>('AwardExclusion').implement({
  description: 'Separation of duties: someone who decided on this award (created the program, or evaluated it) is not paid by it.',
  fields: (t) => ({
    employee: t.field({ type: Employee, resolve: (exclusion) => exclusion.employee }),
    reason: t.exposeString('reason'),
  }),
});

interface ProgramPayloadShape {
  program: ProgramRow | null;
  progress: ProgressData | null;
  /** Employees awarded by this call (0 when already awarded or not achieved). */
  awardedNow: number | null;
  /** Employees in scope left out because they decided on the award. */
  excluded: AwardExclusion[] | null;
  errors: UserErrorData[];
}
const IncentiveProgramPayload = builder.objectRef<ProgramPayloadShape>('IncentiveProgramPayload').implement({
  fields: (t) => ({
    program: t.field({ type: IncentiveProgram, nullable: true, resolve: (payload) => payload.program }),
    progress: t.authField({
      authScopes: { permission: 'read', tenant: true }, type: ProgressType, nullable: true, resolve: (payload) => payload.progress }),
    awardedNow: t.int({ nullable: true, description: 'Employees awarded by this call.', resolve: (payload) => payload.awardedNow }),
    excluded: t.field({
      type: [AwardExclusionType],
      nullable: true,
      description: "Employees in the program's scope who were not awarded because they created the program or ran this evaluation (separation of duties).",
      resolve: (payload) => payload.excluded,
    }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const createSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('Name the program.'), v.maxLength(120, 'Names are at most 120 characters.')),
  description: v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(2000, 'Descriptions are at most 2000 characters.'))),
  target: v.pipe(v.number(), v.finite('The target is a number.')),
  withinHours: v.nullish(v.pipe(v.number(), v.integer('Hours are whole numbers.'))),
  points: v.pipe(v.number(), v.integer(), v.minValue(1, 'Award at least 1 point.'), v.maxValue(100_000, 'At most 100000 points.')),
});

const programId = (globalId: string) => localIdFor('IncentiveProgram', globalId, ['input', 'programId']);

builder.mutationFields((t) => ({
  createIncentiveProgram: t.withAuth({ permission: 'incentives:manage', tenant: true }).field({
    type: IncentiveProgramPayload,
    description: 'Starts an incentive program. Managers and admins. ("Suggestions adopted" is not a metric yet.)',
    args: { input: t.arg({ type: CreateIncentiveProgramInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(createSchema, { name: input.name, description: input.description, target: input.target, withinHours: input.withinHours, points: input.points });
        const employeeId = input.scope === 'employee' && input.employeeId ? localIdFor('Employee', input.employeeId, ['input', 'employeeId']) : null;
        const teamId = input.scope === 'team' && input.teamId ? localIdFor('Team', input.teamId, ['input', 'teamId']) : null;
        const shape = { metric: input.metric, scope: input.scope, target: values.target, withinHours: values.withinHours ?? null, employeeId, teamId };
        assertProgramShape(shape);
        if (employeeId) await findEmployee(tenant, employeeId, ['input', 'employeeId']);
        refuseSelfDealing(ctx, 'awardPoints', [employeeId], ['input', 'employeeId']);
        if (teamId) await findTeam(tenant, teamId, ['input', 'teamId']);
        const program = await createProgram(tenant, { ...shape, name: values.name, description: values.description, period: input.period, points: values.points }, actorIdOf(ctx.principal));
        return { program, progress: null, awardedNow: null, excluded: null };
      }, { program: null, progress: null, awardedNow: null, excluded: null }),
  }),
  evaluateIncentiveProgram: t.withAuth({ permission: 'incentives:manage', tenant: true }).field({
    type: IncentiveProgramPayload,
    description: 'Computes progress and, when the goal is reached, awards the points: exactly once per employee and period, however often it runs.',
    args: { input: t.arg({ type: ProgramIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const program = await findProgram(tenant, programId(input.programId));
        const at = input.at ?? ctx.now;
        if (at.getTime() > ctx.now.getTime()) throw validationError(['input', 'at'], 'Points are awarded for periods that have started, not future ones.');
        if (periodContaining(program.period, at).end.getTime() <= periodContaining(program.period, program.createdAt).start.getTime()) {
          throw validationError(['input', 'at'], 'The program did not exist yet in that period.');
        }
        const period = periodContaining(program.period, at);
        // Separation of duties: neither the program's creator nor the evaluator is paid by it.
        const award = await awardIfAchieved(tenant, program, period, { id: actorIdOf(ctx.principal), asDecider: dutyActorOf(ctx) }, ctx.now);
        const progress = toProgress(program, period, award);
        return { program, progress, awardedNow: award.awardedNow, excluded: award.excluded };
      }, { program: null, progress: null, awardedNow: null, excluded: null }),
  }),
  endIncentiveProgram: t.withAuth({ permission: 'incentives:manage', tenant: true }).field({
    type: IncentiveProgramPayload,
    description: 'Ends a program: it awards nothing more. Its history stays.',
    args: { input: t.arg({ type: EndProgramInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        return { program: await endProgram(tenant, programId(input.programId)), progress: null, awardedNow: null, excluded: null };
      }, { program: null, progress: null, awardedNow: null, excluded: null }),
  }),
}));
