/**
 * The points ledger: append-only entries (recognition, achievement, redemption, refund,
 * adjustment), each saying why. A balance is the sum of entries and never goes below zero:
 * negative adjustments are written only while the balance covers them, checked by SQL at write time.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { adjustPoints, balanceSql } from '../features/points/service.ts';
import { POINTS_ENTRY_KINDS, pointsEntries, type PointsEntryKind } from '../features/points/tables.ts';
import { parseInput } from '../domain/errors.ts';
import { ADJUSTMENT_REASON_MAX } from '../features/points/rules.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { actorGlobalId, refuseSelfDealing } from './duties.ts';
import { Employee, findEmployee } from './employees.ts';
import { idEquals, localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';

export const PointsEntryKindEnum = builder.enumType('PointsEntryKind', {
  values: Object.fromEntries(POINTS_ENTRY_KINDS.map((kind) => [kind.toUpperCase(), { value: kind }])) as Record<
    Uppercase<PointsEntryKind>,
    { value: PointsEntryKind }
  >,
});

export const PointsEntry = builder.drizzleNode('pointsEntries', {
  name: 'PointsEntry',
  description: 'One line of the append-only points ledger.',
  id: { column: (entry) => entry.id },
  fields: (t) => ({
    employee: t.relation('employee'),
    kind: t.expose('kind', { type: PointsEntryKindEnum }),
    delta: t.exposeInt('delta', { description: 'Points added (positive) or taken (negative).' }),
    reason: t.exposeString('reason', { nullable: true }),
    actor: t.id({
      nullable: true,
      description: 'Who made it: an Employee id, or the id of the API key (ApiKey).',
      resolve: (entry) => actorGlobalId(entry.actor),
    }),
    recognition: t.relation('recognition', { nullable: true }),
    program: t.relation('program', { nullable: true }),
    periodKey: t.exposeString('periodKey', { nullable: true, description: 'The achievement period, e.g. 2026-11.' }),
    redemption: t.relation('redemption', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.drizzleObjectFields(Employee, (t) => ({
  pointsBalance: t.int({
    description: 'Points to spend on rewards: the sum of their ledger entries (never negative).',
    select: { extras: { pointsBalance: (employee) => balanceSql(employee) } },
    resolve: (employee) => Number(employee.pointsBalance),
  }),
  pointsEntries: t.relatedConnection('pointsEntries', {
    description: 'Their ledger, newest first.',
    totalCount: true,
    query: { orderBy: { createdAt: 'desc', id: 'desc' } },
  }),
}));

const PointsEntryFilter = builder.inputType('PointsEntryFilter', {
  fields: (t) => ({
    employeeId: t.id(),
    kind: t.field({ type: PointsEntryKindEnum }),
  }),
});

function entryFilterSql(table: typeof pointsEntries, filter: { employeeId?: string | null; kind?: PointsEntryKind | null } | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.employeeId) conditions.push(idEquals(table.employeeId, filter.employeeId, 'Employee'));
  if (filter.kind) conditions.push(eq(table.kind, filter.kind));
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

builder.queryFields((t) => ({
  pointsEntries: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'pointsEntries',
    description: 'The points ledger of your organisation, newest first.',
    args: { filter: t.arg({ type: PointsEntryFilter }) },
    ...filteredConnection({ name: 'pointsEntries', table: pointsEntries, filter: entryFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
  }),
}));

const AdjustPointsInput = builder.inputType('AdjustPointsInput', {
  fields: (t) => ({
    employeeId: t.id({ required: true }),
    points: t.int({ required: true, description: 'Points to add (positive) or take away (negative).' }),
    reason: t.string({ required: true, description: 'Why, in words; kept on the entry.' }),
  }),
});

const adjustSchema = v.object({
  points: v.pipe(v.number(), v.integer(), v.check((n) => n !== 0, 'An adjustment of 0 points changes nothing.'), v.minValue(-100_000), v.maxValue(100_000)),
  reason: v.pipe(v.string(), v.trim(), v.nonEmpty('Say why the points are adjusted.'), v.maxLength(ADJUSTMENT_REASON_MAX, `Reasons are at most ${ADJUSTMENT_REASON_MAX} characters.`)),
});

const PointsEntryPayload = payloadType('PointsEntryPayload', 'entry', PointsEntry);

builder.mutationFields((t) => ({
  adjustPoints: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: PointsEntryPayload,
    description: 'Adds or removes points by hand, with a reason. A removal larger than the balance is refused. Managers and admins.',
    args: { input: t.arg({ type: AdjustPointsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const employeeId = localIdFor('Employee', input.employeeId, ['input', 'employeeId']);
        const values = parseInput(adjustSchema, { points: input.points, reason: input.reason });
        await findEmployee(tenant, employeeId, ['input', 'employeeId']);
        refuseSelfDealing(ctx, 'adjustPoints', [employeeId], ['input', 'employeeId']);
        const entry = await adjustPoints(tenant, { employeeId, points: values.points, reason: values.reason, actor: actorIdOf(ctx.principal) }, ctx.now, ['input', 'points']);
        return { entry };
      }, { entry: null }),
  }),
}));
