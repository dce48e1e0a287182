/**
 * Gets a fresh clone ready to run (scripts/start.ts runs it before `wrangler dev`): creates .dev.vars
 * from .dev.vars.example if missing, applies migrations to the local D1 and seeds the demo tenants.
 * Safe to run on every start: nothing is applied or inserted twice.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { seedDemo } from '../db/seed/demo.ts';
import { copyGraphiQLAssets } from './graphiql-assets.ts';
import { DEMO_TENANTS, DEV_KEY_ROLES, devKey } from '../db/seed/demo-people.ts';
import { migrateLocal, withLocalDatabase } from './local-d1.ts';

if (!existsSync('.dev.vars')) {
  copyFileSync('.dev.vars.example', '.dev.vars');
  console.log('Created .dev.vars from .dev.vars.example (local development values).');
}

copyGraphiQLAssets();
migrateLocal();
const result = await withLocalDatabase((db) => seedDemo(db));
console.log(`Seeded ${result.tenants} demo tenants (existing rows left as they are).`);
console.log('\nLocal keys (Authorization: Bearer <key>):');
for (const tenant of DEMO_TENANTS) {
  console.log(`  ${tenant.name}: ${DEV_KEY_ROLES.map((role) => devKey(tenant.slug, role)).join('  ')}`);
}
console.log('');
