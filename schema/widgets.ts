/**
 * Partner widgets, the GraphQL side (thin: parse, authorise, call features/widgets/service.ts).
 *
 * - Admins: create, list and revoke publishable keys; choose which employees widgets show.
 * - Widgets (a publishable key, `widgets:public`): public first names and photos, the kudos wall,
 *   a team's goal progress, and customer feedback. These types expose only what a widget shows:
 *   no emails, roles, contact details, givers or customers.
 */
import { publicProgramProgress } from '../features/incentives/service.ts';
import {
  createPublishableKey,
  kudosWall,
  publicEmployees,
  revokePublishableKey,
  setWidgetProfile,
  submitWidgetFeedback,
  type KudosItem,
  type PublicEmployee,
  type PublishableKeyRow,
  type WidgetFeedbackOutcome,
} from '../features/widgets/service.ts';
import { WIDGET_LIMITS } from '../features/widgets/rules.ts';
import { publishableKeys, WIDGET_KINDS, type WidgetKind } from '../features/widgets/tables.ts';
import type { UserErrorData } from '../domain/errors.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { Employee } from './employees.ts';
import { upperEnum } from './enums.ts';
import { UserErrorInterface } from './errors.ts';
import { encodeId, localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';

const WidgetKindEnum = upperEnum<WidgetKind>('WidgetKind', WIDGET_KINDS);

// ---- admin: publishable keys and public profiles ----------------------------------------------

export const PublishableKey = builder.drizzleObject('publishableKeys', {
  name: 'PublishableKey',
  description: 'A widget key for partner pages. Only its prefix is shown after creation.',
  fields: (t) => ({
    id: t.id({ resolve: (key) => encodeId('PublishableKey', key.id) }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    allowedOrigins: t.exposeStringList('allowedOrigins', { description: 'The only origins (scheme://host[:port]) whose pages may use the key.' }),
    widgets: t.field({ type: [WidgetKindEnum], resolve: (key) => key.widgets }),
    active: t.boolean({ resolve: (key) => !key.revokedAt }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('publishableKeys', (t) =>
  t.withAuth({ permission: 'widgets:manage', tenant: true }).drizzleConnection({
    type: 'publishableKeys',
    description: 'Your widget keys, newest first. Admin keys only.',
    ...tenantConnection<typeof publishableKeys, object>({ name: 'publishableKeys', table: publishableKeys, orderBy: { createdAt: 'desc' } }),
  }),
);

const CreatePublishableKeyInput = builder.inputType('CreatePublishableKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the key is for, e.g. "Shop site".' }),
    allowedOrigins: t.stringList({ required: true, description: 'e.g. ["https://shop.example.com"]; http only for localhost.' }),
    widgets: t.field({ type: [WidgetKindEnum], required: true }),
  }),
});

const CreatePublishableKeyPayload = builder
  .objectRef<{ publishableKey: PublishableKeyRow | null; key: string | null; errors: UserErrorData[] }>('CreatePublishableKeyPayload')
  .implement({
    fields: (t) => ({
      publishableKey: t.field({ type: PublishableKey, nullable: true, resolve: (payload) => payload.publishableKey }),
      key: t.exposeString('key', { nullable: true, description: 'The key for data-key="…" in the partner page. Shown only here, once.' }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

const RevokePublishableKeyPayload = payloadType('RevokePublishableKeyPayload', 'publishableKey', PublishableKey);

const SetWidgetProfileInput = builder.inputType('SetWidgetProfileInput', {
  fields: (t) => ({
    employeeId: t.id({ required: true }),
    public: t.boolean({ description: 'true shows the employee (first name and photo) in customer-facing widgets.' }),
    photoUrl: t.string({ description: 'An https:// photo for widgets.' }),
    removePhoto: t.boolean({ description: 'true removes the photo.' }),
  }),
});

builder.drizzleObjectFields(Employee, (t) => ({
  public: t.exposeBoolean('public', { description: 'Whether customer-facing widgets show this person (first name and photo).' }),
  photoUrl: t.exposeString('photoUrl', { nullable: true }),
}));

const WidgetProfilePayload = payloadType('SetWidgetProfilePayload', 'employee', Employee);

builder.mutationFields((t) => ({
  createPublishableKey: t.withAuth({ permission: 'widgets:manage', tenant: true }).field({
    type: CreatePublishableKeyPayload,
    description: 'Creates a publishable widget key for the given origins and widgets. Admin keys only.',
    args: { input: t.arg({ type: CreatePublishableKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const { key, row } = await createPublishableKey(ctx.tenant, input, actorIdOf(ctx.principal), ctx.now);
        return { publishableKey: row, key };
      }, { publishableKey: null, key: null }),
  }),
  revokePublishableKey: t.withAuth({ permission: 'widgets:manage', tenant: true }).field({
    type: RevokePublishableKeyPayload,
    description: 'Revokes a widget key at once: pages using it show the widget error state.',
    args: { input: t.arg({ type: builder.inputType('RevokePublishableKeyInput', { fields: (f) => ({ id: f.id({ required: true }) }) }), required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const id = localIdFor('PublishableKey', input.id, ['input', 'id']);
        return { publishableKey: await revokePublishableKey(ctx.tenant, id, ctx.now) };
      }, { publishableKey: null }),
  }),
  setWidgetProfile: t.withAuth({ permission: 'widgets:manage', tenant: true }).field({
    type: WidgetProfilePayload,
    description: 'Shows or hides an employee in customer-facing widgets, with an optional photo. Admin keys only.',
    args: { input: t.arg({ type: SetWidgetProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const id = localIdFor('Employee', input.employeeId, ['input', 'employeeId']);
        return { employee: await setWidgetProfile(ctx.tenant, id, input) };
      }, { employee: null }),
  }),
}));

// ---- what widgets read and write (publishable keys only) -------------------------------------

const WidgetEmployee = builder.objectRef<PublicEmployee>('WidgetEmployee').implement({
  description: 'An employee as customers see them in widgets: first name and photo, nothing else.',
  fields: (t) => ({
    id: t.id({ resolve: (person) => encodeId('Employee', person.id) }),
    firstName: t.exposeString('firstName'),
    photoUrl: t.exposeString('photoUrl', { nullable: true }),
  }),
});

const KudosKindEnum = builder.enumType('WidgetKudosKind', {
  values: { RECOGNITION: { value: 'recognition' }, PRAISE: { value: 'praise' } } as const,
});

const WidgetKudos = builder.objectRef<KudosItem>('WidgetKudos').implement({
  description: 'Recognition from a colleague or praise from a customer, about public employees.',
  fields: (t) => ({
    kind: t.field({ type: KudosKindEnum, resolve: (item) => item.kind }),
    message: t.exposeString('message'),
    value: t.exposeString('value', { nullable: true, description: 'The company value a recognition names.' }),
    people: t.exposeStringList('people', { description: 'First names of the public employees it is about.' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

interface GoalProgressData {
  name: string;
  target: number;
  value: number | null;
  ratio: number;
  achieved: boolean;
  periodEnd: Date;
}

const WidgetGoalProgress = builder.objectRef<GoalProgressData>('WidgetGoalProgress').implement({
  description: "A team's or the organisation's incentive goal in the current period.",
  fields: (t) => ({
    name: t.exposeString('name'),
    target: t.exposeFloat('target'),
    value: t.exposeFloat('value', { nullable: true }),
    ratio: t.exposeFloat('ratio', { description: '0 to 1.' }),
    achieved: t.exposeBoolean('achieved'),
    periodEnd: t.expose('periodEnd', { type: 'DateTime' }),
  }),
});

const optionalTeam = (teamId: string | null | undefined) => (teamId ? localIdFor('Team', teamId, ['teamId']) : null);

builder.queryFields((t) => ({
  widgetEmployees: t.withAuth({ permission: 'widgets:public', tenant: true }).field({
    type: [WidgetEmployee],
    description: 'Widgets only: the public employees (first name, photo), by name, at most 100.',
    args: { teamId: t.arg.id() },
    resolve: (_root, args, ctx) => publicEmployees(ctx.tenant, optionalTeam(args.teamId)),
  }),
  widgetKudos: t.withAuth({ permission: 'widgets:public', tenant: true }).field({
    type: [WidgetKudos],
    description: 'Widgets only: recent recognition and customer praise about public employees, newest first.',
    args: { teamId: t.arg.id(), first: t.arg.int({ defaultValue: 10 }) },
    resolve: (_root, args, ctx) =>
      kudosWall(ctx.tenant, optionalTeam(args.teamId), Math.min(Math.max(args.first ?? 10, 1), WIDGET_LIMITS.kudosItems)),
  }),
  widgetGoalProgress: t.withAuth({ permission: 'widgets:public', tenant: true }).field({
    type: WidgetGoalProgress,
    nullable: true,
    description: "Widgets only: an active team or organisation program's progress this period (null for others: individuals' goals are not public).",
    args: { programId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => publicProgramProgress(ctx.tenant, localIdFor('IncentiveProgram', args.programId, ['programId']), ctx.now),
  }),
}));

const SubmitWidgetFeedbackInput = builder.inputType('SubmitWidgetFeedbackInput', {
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'A WidgetEmployee id.' }),
    rating: t.int({ required: true, description: '1 to 5; 4 and 5 are praise.' }),
    comment: t.string({ description: `What went well or wrong, at most ${WIDGET_LIMITS.comment} characters.` }),
    tapId: t.string({ required: true, description: 'Random id the widget keeps for this page view and person: a later tap with it within 15 minutes replaces the earlier one.' }),
    honeypot: t.string({ description: 'A field people never see; bots fill it.' }),
  }),
});

const SubmitWidgetFeedbackPayload = builder
  .objectRef<WidgetFeedbackOutcome & { errors: UserErrorData[] }>('SubmitWidgetFeedbackPayload')
  .implement({
    fields: (t) => ({
      recorded: t.exposeBoolean('recorded'),
      replaced: t.exposeBoolean('replaced', { description: 'It replaced an earlier tap of this page view.' }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField('submitWidgetFeedback', (t) =>
  t.withAuth({ permission: 'widgets:public', tenant: true }).field({
    type: SubmitWidgetFeedbackPayload,
    description: "Widgets only: a customer's one-tap rating of a public employee, recorded as Feedback with source WIDGET.",
    args: { input: t.arg({ type: SubmitWidgetFeedbackInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        if (ctx.principal.kind !== 'publishable') throw new Error('widgets:public implies a publishable key');
        const employeeId = localIdFor('Employee', input.employeeId, ['input', 'employeeId']);
        return submitWidgetFeedback(tenant, ctx.principal.keyId, { ...input, employeeId }, ctx.now);
      }, { recorded: false, replaced: false }),
  }),
);
