/** Platform operations, for the PLATFORM_ADMIN_TOKEN only: creating tenants. */
import type { UserErrorData } from '../domain/errors.ts';
import { createTenant, type ApiKeyRow, type TenantRow } from '../features/platform/service.ts';
import { ApiKey } from './api-keys.ts';
import { builder } from './builder.ts';
import { UserErrorInterface } from './errors.ts';
import { runMutation } from './mutations.ts';
import { Tenant, TenantTradeEnum } from './tenants.ts';

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
  t.field({
    type: CreateTenantPayload,
    description: 'Creates a tenant with its first admin key. Platform admin token only.',
    args: { input: t.arg({ type: CreateTenantInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'tenants:create', async () => {
        if (!ctx.platformDb) throw new Error('tenants:create was granted to a caller without the platform client');
        const created = await createTenant(ctx.platformDb, input, 'platform', ctx.now);
        return { tenant: created.tenant, adminKey: created.apiKey, adminSecret: created.secret };
      }, { tenant: null, adminKey: null, adminSecret: null }),
  }),
);
