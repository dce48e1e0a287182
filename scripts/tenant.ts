/**
 * Local provisioning CLI: `npm run tenant -- create "Acme Ltd" [--slug acme]`.
 * Creates the tenant in the local D1 and prints its first admin key (shown once).
 * In production use the createTenant mutation with the platform admin token.
 */
import { parseArgs } from 'node:util';
import { UserErrors } from '../domain/errors.ts';
import { createTenant } from '../features/platform/service.ts';
import { migrateLocal, withLocalDatabase } from './local-d1.ts';

const USAGE = 'Usage: npm run tenant -- create "<company name>" [--slug <slug>]';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' } } });
const [command, name] = positionals;

if (command !== 'create' || !name) {
  console.error(USAGE);
  process.exit(2);
}

migrateLocal();
try {
  const created = await withLocalDatabase((db) => createTenant(db, { name, slug: values.slug ?? null }, 'cli', new Date()));
  console.log(`Created tenant "${created.tenant.name}" (slug ${created.tenant.slug}, id ${created.tenant.id}).`);
  console.log(`First admin key (shown once, store it now):\n\n  ${created.secret}\n`);
} catch (error) {
  if (error instanceof UserErrors) {
    for (const problem of error.errors) console.error(`${problem.path.at(-1) ?? 'error'}: ${problem.message}`);
    process.exit(1);
  }
  throw error;
}
