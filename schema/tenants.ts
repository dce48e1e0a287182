/** Tenant (the customer company) and `viewer`: who is calling and on behalf of which tenant. */
import { RATE_LIMIT_TIERS, type RateLimitTier } from '../db/tenants.ts';
import { actorOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { upperEnum } from './enums.ts';
import { encodeId } from './global-ids.ts';

export const RateLimitTierEnum = upperEnum<RateLimitTier>(
  'RateLimitTier',
  RATE_LIMIT_TIERS,
  'Which API rate limits apply to a tenant\'s credentials: STANDARD, HIGH (ten times standard) or UNLIMITED (exempt). Set by the platform operator.',
);
export const TenantTradeEnum = builder.enumType('TenantTrade', {
  description: 'The trade a company is in: which trade pack its complaint-theme taxonomy starts from.',
  values: {
    GENERAL: { value: 'general', description: 'The default service themes only.' },
    CAFE: { value: 'cafe', description: 'Cafés and coffee shops: adds food and drink quality.' },
    RETAIL: { value: 'retail', description: 'Shops: adds sizing and fit.' },
    APPLIANCES: { value: 'appliances', description: 'Appliance retail: adds installation, repairs and warranty.' },
  } as const,
});

export const Tenant = builder.drizzleObject('tenants', {
  name: 'Tenant',
  description: 'A company using Frontline. Every other record belongs to exactly one tenant.',
  fields: (t) => ({
    id: t.id({ resolve: (tenant) => encodeId('Tenant', tenant.id) }),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    trade: t.expose('trade', { type: TenantTradeEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    rateLimitTier: t.expose('rateLimitTier', { type: RateLimitTierEnum, description: 'The API rate limits this tenant\'s keys and employee tokens get (README, "Security").' }),
  }),
});

const ViewerRole = builder.enumType('ViewerRole', {
  description: 'What kind of credential made the request.',
  values: {
    ADMIN: { value: 'admin', description: 'A secret key with the admin role.' },
    MANAGER: { value: 'manager', description: 'A secret key with the manager role.' },
    READER: { value: 'reader', description: 'A secret key with the reader role.' },
    EMPLOYEE: { value: 'employee', description: 'An employee token, acting as `viewer.employee`.' },
    PLATFORM: { value: 'platform', description: 'The platform admin token.' },
    PUBLISHABLE: { value: 'publishable', description: 'A publishable widget key (trusted widget documents only).' },
  } as const,
});

const Viewer = builder.objectRef<Record<string, never>>('Viewer').implement({
  description: 'The caller: its role, its tenant and, for an employee token, the employee it acts as.',
  fields: (t) => ({
    role: t.field({ type: ViewerRole, resolve: (_viewer, _args, ctx) => actorOf(ctx.principal) }),
    tenant: t.drizzleField({
      type: 'tenants',
      nullable: true,
      description: 'Null for the platform admin token.',
      // ctx.db is tenant-scoped, so the only tenant it can find is the caller's own.
      resolve: (query, _viewer, _args, ctx) => (ctx.tenant ? ctx.db.query.tenants.findFirst(query()) : null),
    }),
    employee: t.drizzleField({
      type: 'employees',
      nullable: true,
      description: 'The employee an employee token acts as; null for keys.',
      resolve: (query, _viewer, _args, ctx) =>
        ctx.principal.kind === 'employee'
          ? ctx.db.query.employees.findFirst(query({ where: { id: ctx.principal.employeeId } }))
          : null,
    }),
  }),
});

builder.queryField('viewer', (t) => t.field({ type: Viewer, resolve: () => ({}) }));
