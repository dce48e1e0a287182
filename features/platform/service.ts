/**
 * The platform feature: provisioning tenants and keys, and a tenant's own key management. Shared by
 * the platform mutations (schema/platform.ts, schema/api-keys.ts) and the local CLI
 * (scripts/tenant.ts). The operator's functions take the platform drizzle client (they work across
 * tenants, by design); a tenant admin's take its TenantScope. GraphQL-free; no bindings.
 */
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { displayPrefix, generateSecretKey, hashSecretKey } from '../../db/keys.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { TENANT_TRADES, tenants, type RateLimitTier, type TenantTrade } from '../../db/tenants.ts';
import { chunkedInserts } from '../../db/batching.ts';
import { taxonomySeedRows, themes } from '../themes/service.ts';
import { conflictError, missingMessage, notFoundError, parseInput } from '../../domain/errors.ts';
import { requiredText } from '../../domain/text.ts';
import { slugify } from './rules.ts';
import { API_KEY_ROLES, apiKeys, type ApiKeyRole } from './tables.ts';

export type TenantRow = typeof tenants.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

// createTenant parses its own input: the CLI calls it directly, not through the schema.
const tenantInput = v.object({
  name: requiredText(120, 'Enter the company name.', 'Company names are at most 120 characters.'),
  slug: v.nullish(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Slugs use a-z, 0-9 and inner dashes, at most 40 characters.'),
    ),
  ),
  trade: v.nullish(v.picklist(TENANT_TRADES, `The trade is one of ${TENANT_TRADES.join(', ')}.`)),
});

/** A key's name, role and optional expiry, which must be after `now` (the request clock). */
export const apiKeyInput = (now: Date) => v.object({
  name: requiredText(80, 'Name the key after what uses it, e.g. "HR sync".', 'Key names are at most 80 characters.'),
  role: v.picklist(API_KEY_ROLES),
  expiresAt: v.nullish(
    v.pipe(
      v.date(),
      v.check((date) => date > now, 'expiresAt must be in the future.'),
    ),
  ),
});

/**
 * A new secret key's row (without its tenant) and the secret itself, which is returned to the
 * caller once and never stored.
 */
async function newApiKeyRow(input: {
  name: string;
  role: ApiKeyRole;
  expiresAt?: Date | null;
  createdBy: string;
  now: Date;
}): Promise<{ row: Omit<typeof apiKeys.$inferInsert, 'tenantId'>; secret: string }> {
  const secret = generateSecretKey();
  return {
    secret,
    row: {
      id: newId('key'),
      name: input.name,
      role: input.role,
      prefix: displayPrefix(secret),
      hash: await hashSecretKey(secret),
      expiresAt: input.expiresAt ?? null,
      createdBy: input.createdBy,
      createdAt: input.now,
    },
  };
}

/**
 * Creates a tenant, its first admin key and its theme taxonomy (the default themes and its trade's
 * pack) in one batch: all exist, or none does.
 */
export async function createTenant(
  db: Database,
  input: { name: string; slug?: string | null; trade?: TenantTrade | null },
  createdBy: string,
  now: Date,
): Promise<{ tenant: TenantRow; apiKey: ApiKeyRow; secret: string }> {
  const { name, slug: requestedSlug, trade: requestedTrade } = parseInput(tenantInput, input);
  const trade = requestedTrade ?? 'general';
  const slug = requestedSlug ?? (slugify(name) || 'tenant');
  const [taken] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
  if (taken) throw conflictError(['input', 'slug'], `The slug "${slug}" is taken; pass another slug.`);

  const tenantId = newId('ten');
  const { row, secret } = await newApiKeyRow({ name: 'First admin key', role: 'admin', createdBy, now });
  const [[tenant], [apiKey]] = await db.batch([
    db.insert(tenants).values({ id: tenantId, name, slug, trade, createdAt: now }).returning(),
    db.insert(apiKeys).values({ ...row, tenantId }).returning(),
    ...chunkedInserts(db, themes, taxonomySeedRows(tenantId, trade, now)),
  ]);
  if (!tenant || !apiKey) throw new Error('tenant batch returned no rows');
  return { tenant, apiKey, secret };
}

/** Issues a key for any tenant (platform operator). Tenant admins go through their TenantScope. */
export async function createApiKeyForTenant(
  db: Database,
  tenantId: string,
  input: { name: string; role: ApiKeyRole; expiresAt?: Date | null },
  createdBy: string,
  now: Date,
): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const { row, secret } = await newApiKeyRow({ ...input, createdBy, now });
  const [apiKey] = await db.insert(apiKeys).values({ ...row, tenantId }).returning();
  if (!apiKey) throw new Error('api key insert returned no row');
  return { apiKey, secret };
}

/** The platform operator's key for `tenantId`, after checking that the tenant exists. */
export async function issueApiKeyAsPlatform(
  db: Database,
  tenantId: string,
  input: { name: string; role: ApiKeyRole; expiresAt?: Date | null },
  now: Date,
): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const [tenant] = await db.query.tenants.findMany({ where: { id: tenantId }, limit: 1 });
  if (!tenant) throw notFoundError(['input', 'tenantId'], missingMessage('Tenant'));
  return createApiKeyForTenant(db, tenantId, input, 'platform', now);
}

/** A tenant admin's new key, written through the tenant's scope; `createdBy` is the creating key. */
export async function createApiKey(
  tenant: TenantScope,
  input: { name: string; role: ApiKeyRole; expiresAt?: Date | null },
  createdBy: string,
  now: Date,
): Promise<{ apiKey: ApiKeyRow | null; secret: string }> {
  const { row, secret } = await newApiKeyRow({ ...input, createdBy, now });
  const [apiKey] = await tenant.insert(apiKeys, row).returning();
  return { apiKey: apiKey ?? null, secret };
}

/**
 * Revokes a key: through the tenant's scope for a tenant admin (only its own keys), or with the
 * platform client for the operator (any tenant's key). Revoking a revoked key changes nothing.
 */
export async function revokeApiKey(
  owner: { tenant: TenantScope } | { platformDb: Database },
  id: string,
  path: string[],
  now: Date,
): Promise<ApiKeyRow | null> {
  const key = await ('tenant' in owner ? owner.tenant.db : owner.platformDb).query.apiKeys.findFirst({ where: { id } });
  if (!key) throw notFoundError(path, missingMessage('ApiKey'));
  if (key.revokedAt) return key;
  const revoke = 'tenant' in owner
    ? owner.tenant.updateById(apiKeys, key.id, { revokedAt: now })
    : owner.platformDb.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, key.id), eq(apiKeys.tenantId, key.tenantId)));
  const [revoked] = await revoke.returning();
  return revoked ?? null;
}

/**
 * Sets which API rate limits a tenant's credentials get (worker/rate-limits/): "standard", "high"
 * or "unlimited". Platform operator only (mutation setTenantRateLimitTier, or the CLI). Takes
 * effect with the tenant's next request: the tier is read with the credential.
 */
export async function setTenantRateLimitTier(db: Database, tenantId: string, tier: RateLimitTier): Promise<TenantRow> {
  const [tenant] = await db.update(tenants).set({ rateLimitTier: tier }).where(eq(tenants.id, tenantId)).returning();
  if (!tenant) throw notFoundError(['input', 'tenantId'], 'No Tenant with this id exists.');
  return tenant;
}

/** The same, by slug (the CLI's handle). */
export async function setTenantRateLimitTierBySlug(db: Database, slug: string, tier: RateLimitTier): Promise<TenantRow> {
  const [tenant] = await db.update(tenants).set({ rateLimitTier: tier }).where(eq(tenants.slug, slug)).returning();
  if (!tenant) throw notFoundError(['slug'], `No tenant has the slug "${slug}".`);
  return tenant;
}
