/** `npm run db:reset`: deletes the local D1 and builds it again (migrations + demo seed). */
import { rmSync } from 'node:fs';

rmSync('.wrangler/state/v3/d1', { recursive: true, force: true });
console.log('Deleted the local D1 database.');
await import('./prepare-local.ts');
