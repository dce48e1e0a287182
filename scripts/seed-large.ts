/**
 * `npm run seed:large`: adds the "Large Demo Co" tenant to the local D1 (10,000 survey calls,
 * about 20,000 feedback records over 12 weeks) for scale checks and `npm run bench`.
 * Keys: fl_sk_dev_large_admin, fl_sk_dev_large_reader. Safe to run again.
 */
import { seedLarge } from '../db/seed/large.ts';
import { migrateLocal, withLocalDatabase } from './local-d1.ts';

migrateLocal();
const started = Date.now();
const result = await withLocalDatabase((db) => seedLarge(db));
console.log(`Large Demo Co: ${result.calls} survey calls, ${result.feedback} feedback records (${((Date.now() - started) / 1000).toFixed(1)} s).`);
console.log('Keys: fl_sk_dev_large_admin, fl_sk_dev_large_reader');
