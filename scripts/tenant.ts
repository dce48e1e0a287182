/**
 * Local provisioning CLI:
 * - `npm run tenant -- create "Acme Ltd" [--slug acme]` creates the tenant in the local D1 and
 *   prints its first admin key (shown once);
 * - `npm run tenant -- rate-limit acme high` sets its API rate-limit tier (standard, high, unlimited).
 * In production use the createTenant and setTenantRateLimitTier mutations with the platform admin token.
 */
import { parseArgs } from 'node:util';
import { RATE_LIMIT_TIERS, type RateLimitTier } from '../db/tenants.ts';
import { UserErrors } from '../domain/errors.ts';
import { createTenant, setTenantRateLimitTierBySlug } from '../features/platform/service.ts';
import { migrateLocal, withLocalDatabase } from './local-d1.ts';

const USAGE = [
  'Usage: npm run tenant -- create "<company name>" [--slug <slug>]',
  `       npm run tenant -- rate-limit <slug> <${RATE_LIMIT_TIERS.join('|')}>`,
].join('\n');
const { positionals, values } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' } } });
const [command, first, second] = positionals;
const isTier = (value: string | undefined): value is RateLimitTier => RATE_LIMIT_TIERS.some((tier) => tier === value);

if (!((command === 'create' && first) || (command === 'rate-limit' && first && isTier(second)))) {
  console.error(USAGE);
  process.exit(2);
}

migrateLocal();
try {
  if (command === 'rate-limit' && first && isTier(second)) {
    const tenant = await withLocalDatabase((db) => setTenantRateLimitTierBySlug(db, first, second));
    console.log(`Tenant "${tenant.name}" (slug ${tenant.slug}) now has the ${tenant.rateLimitTier} API rate limits.`);
  } else if (first) {
    const created = await withLocalDatabase((db) => createTenant(db, { name: first, slug: values.slug ?? null }, 'cli', new Date()));
    console.log(`Created tenant "${created.tenant.name}" (slug ${created.tenant.slug}, id ${created.tenant.id}).`);
    console.log(`First admin key (shown once, store it now):\n\n  ${created.secret}\n`);
  }
} catch (error) {
  if (error instanceof UserErrors) {
    for (const problem of error.errors) console.error(`${problem.path.at(-1) ?? 'error'}: ${problem.message}`);
    process.exit(1);
  }
  throw error;
}
