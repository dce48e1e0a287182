/**
 * ApiKey: secret keys of a tenant. Tenant admins list, create and revoke their own; the platform
 * token does so for any tenant (pass `tenantId`). The secret is returned once, at creation.
 */
import { parseInput, validationError, type UserErrorData } from '../domain/errors.ts';
import { apiKeyInput, createApiKey, issueApiKeyAsPlatform, revokeApiKey, type ApiKeyRow } from '../features/platform/service.ts';
import { apiKeys, API_KEY_ROLES, type ApiKeyRole } from '../features/platform/tables.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { upperEnum } from './enums.ts';
import { UserErrorInterface } from './errors.ts';
import { encodeId, localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';

export const ApiKeyRoleEnum = upperEnum<ApiKeyRole>('ApiKeyRole', API_KEY_ROLES);

const ApiKeyStatus = builder.enumType('ApiKeyStatus', {
  values: { ACTIVE: { value: 'active' }, EXPIRED: { value: 'expired' }, REVOKED: { value: 'revoked' } } as const,
});

export const ApiKey = builder.drizzleObject('apiKeys', {
  name: 'ApiKey',
  description: 'A secret API key. Only its prefix is ever shown after creation.',
  fields: (t) => ({
    id: t.id({ resolve: (key) => encodeId('ApiKey', key.id) }),
    name: t.exposeString('name'),
    role: t.expose('role', { type: ApiKeyRoleEnum }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, for audits.' }),
    status: t.field({
      type: ApiKeyStatus,
      resolve: (key, _args, ctx) => (key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt <= ctx.now ? 'expired' : 'active'),
    }),
    createdBy: t.exposeString('createdBy', { description: '"platform", "cli", "seed" or the id of the key that created it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Refreshed at most once a minute.' }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.withAuth({ permission: 'apiKeys:manage', tenant: true }).drizzleConnection({
    type: 'apiKeys',
    description: "Your organisation's API keys, newest first. Admin keys only.",
    ...tenantConnection<typeof apiKeys, object>({ name: 'apiKeys', table: apiKeys, orderBy: { createdAt: 'desc' } }),
  }),
}));

const CreateApiKeyPayload = builder
  .objectRef<{ apiKey: ApiKeyRow | null; secret: string | null; errors: UserErrorData[] }>('CreateApiKeyPayload')
  .implement({
    fields: (t) => ({
      apiKey: t.field({ type: ApiKey, nullable: true, resolve: (payload) => payload.apiKey }),
      secret: t.exposeString('secret', {
        nullable: true,
        description: 'The key itself, for `Authorization: Bearer <secret>`. Shown only here, once: store it now.',
      }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

const RevokeApiKeyPayload = payloadType('RevokeApiKeyPayload', 'apiKey', ApiKey);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the key is for, e.g. "HR sync".' }),
    role: t.field({ type: ApiKeyRoleEnum, required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the key stops working. Default: never.' }),
    tenantId: t.id({ description: 'Platform admin token only: the tenant to create the key for.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

/** Tenant admins act on their own tenant; the platform token must say which tenant. */
function keyOwner(ctx: GraphQLContext, tenantGlobalId: string | null | undefined): string {
  if (ctx.principal.kind === 'platform') {
    if (!tenantGlobalId) throw validationError(['input', 'tenantId'], 'The platform admin token must pass tenantId.');
    return localIdFor('Tenant', tenantGlobalId, ['input', 'tenantId']);
  }
  if (tenantGlobalId) {
    throw validationError(['input', 'tenantId'], 'Leave tenantId out: keys are created for your own organisation.');
  }
  return ctx.principal.tenantId;
}

builder.mutationFields((t) => ({
  createApiKey: t.withAuth({ permission: 'apiKeys:manage' }).field({
    type: CreateApiKeyPayload,
    description: 'Creates a secret key. Needs an admin key, or the platform admin token with tenantId.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenantId = keyOwner(ctx, input.tenantId);
        const values = parseInput(apiKeyInput(ctx.now), { name: input.name, role: input.role, expiresAt: input.expiresAt });
        if (ctx.tenant) return createApiKey(ctx.tenant, values, actorIdOf(ctx.principal), ctx.now);
        if (ctx.platformDb) return issueApiKeyAsPlatform(ctx.platformDb, tenantId, values, ctx.now);
        throw new Error('apiKeys:manage was granted to a caller with neither a tenant nor the platform client');
      }, { apiKey: null, secret: null }),
  }),
  revokeApiKey: t.withAuth({ permission: 'apiKeys:manage' }).field({
    type: RevokeApiKeyPayload,
    description: 'Revokes a key at once. Revoking a revoked key changes nothing.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const path = ['input', 'id'];
        const id = localIdFor('ApiKey', input.id, path);
        // The platform operator revokes any tenant's key; a tenant's admin only its own (TenantScope).
        const owner = ctx.tenant ? { tenant: ctx.tenant } : ctx.platformDb ? { platformDb: ctx.platformDb } : null;
        if (!owner) throw new Error('apiKeys:manage was granted to a caller with neither a tenant nor the platform client');
        return { apiKey: await revokeApiKey(owner, id, path, ctx.now) };
      }, { apiKey: null }),
  }),
}));
