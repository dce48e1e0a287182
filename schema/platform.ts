/** Platform operations, for the PLATFORM_ADMIN_TOKEN only: creating tenants, their rate-limit tier. */
import type { UserErrorData } from '../domain/errors.ts';
import { createTenant, setTenantRateLimitTier, type ApiKeyRow, type TenantRow } from '../features/platform/service.ts';
import { ApiKey } from './api-keys.ts';
import { builder } from './builder.ts';
import { UserErrorInterface } from './errors.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { RateLimitTierEnum, Tenant, TenantTradeEnum } from './tenants.ts';

const CreateTenantInput = builder.inputType('CreateTenantInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'The company name, e.g. "Acme Ltd".' }),
    slug: t.string({ description: 'URL-safe handle; derived from the name when left out.' }),
    trade: t.field({ type: TenantTradeEnum, description: 'Which trade pack its complaint-theme taxonomy starts from. Default GENERAL.' }),
  }),
});

const CreateTenantPayload = builder
  .objectRef<{ tenant: TenantRow | null; adminKey: ApiKeyRow | null; adminSecret: string | null; errors: UserErrorData[] }>(
    'CreateTenantPayload',
  )
  .implement({
    fields: (t) => ({
      tenant: t.field({ type: Tenant, nullable: true, resolve: (payload) => payload.tenant }),
      adminKey: t.field({ type: ApiKey, nullable: true, resolve: (payload) => payload.adminKey }),
      adminSecret: t.exposeString('adminSecret', {
        nullable: true,
        description: "The new tenant's first admin key. Shown only here, once.",
      }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField('createTenant', (t) =>
  t.withAuth({ permission: 'tenants:create' }).field({
    type: CreateTenantPayload,
    description: 'Creates a tenant with its first admin key. Platform admin token only.',
    args: { input: t.arg({ type: CreateTenantInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        if (!ctx.platformDb) throw new Error('tenants:create was granted to a caller without the platform client');
        const created = await createTenant(ctx.platformDb, input, 'platform', ctx.now);
        return { tenant: created.tenant, adminKey: created.apiKey, adminSecret: created.secret };
      }, { tenant: null, adminKey: null, adminSecret: null }),
  }),
);

const SetTenantRateLimitTierInput = builder.inputType('SetTenantRateLimitTierInput', {
  fields: (t) => ({
    tenantId: t.id({ required: true }),
    tier: t.field({ type: RateLimitTierEnum, required: true }),
  }),
});

const TenantPayload = payloadType('TenantPayload', 'tenant', Tenant);

builder.mutationField('setTenantRateLimitTier', (t) =>
  t.withAuth({ permission: 'tenants:manage' }).field({
    type: TenantPayload,
    description: "Chooses the API rate limits of a tenant's keys and employee tokens: STANDARD, HIGH or UNLIMITED. Platform admin token only.",
    args: { input: t.arg({ type: SetTenantRateLimitTierInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        if (!ctx.platformDb) throw new Error('tenants:manage was granted to a caller without the platform client');
        const tenantId = localIdFor('Tenant', input.tenantId, ['input', 'tenantId']);
        return { tenant: await setTenantRateLimitTier(ctx.platformDb, tenantId, input.tier) };
      }, { tenant: null }),
  }),
);
