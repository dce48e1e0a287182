/**
 * Local demo data for the widgets: a publishable key per demo tenant (`fl_pk_dev<slug>widgets000…`)
 * for localhost origins, and the first people of each team shown in widgets with a photo-less
 * profile. Idempotent; people are made public only when the key is first created, so a profile you
 * changed stays as you left it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { runBatch } from '../../db/batching.ts';
import { employees } from '../people/service.ts';
import { writtenAt } from '../../db/columns.ts';
import { DEMO_TENANTS } from '../../db/seed/demo-people.ts';
import { hashSecretKey, displayPrefix } from '../../db/keys.ts';
import { WIDGET_KINDS } from './tables.ts';
import { publishableKeys } from './tables.ts';

/** Local only: the demo tenant's publishable key (valid format: 32 base62 characters). */
export const devPublishableKey = (slug: string) => `fl_pk_${`dev${slug}widgets`.padEnd(32, '0')}`;

/** The pages `npm start` serves (localhost and 127.0.0.1 are different origins: a partner page). */
export const DEV_WIDGET_ORIGINS = ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://localhost:8788', 'http://127.0.0.1:8788'];

export async function seedDemoWidgets(db: Database, now: Date): Promise<number> {
  let statements = 0;
  for (const demo of DEMO_TENANTS) {
    const tenantId = `ten_${demo.slug}`;
    const keyId = `pk_dev_${demo.slug}`;
    const key = devPublishableKey(demo.slug);
    await runBatch(db, [
      // Before the key exists only: the first two members of every team become public.
      db
        .update(employees)
        .set({ public: true })
        .where(sql`${employees.tenantId} = ${tenantId} AND ${employees.teamId} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM publishable_keys WHERE id = ${keyId})
          AND (SELECT count(*) FROM employees e2 WHERE e2.tenant_id = employees.tenant_id AND e2.team_id = employees.team_id AND e2.id < employees.id) < 2`),
      db
        .insert(publishableKeys)
        .values({
          id: keyId,
          tenantId,
          name: 'Local demo widgets',
          prefix: displayPrefix(key),
          hash: await hashSecretKey(key),
          allowedOrigins: DEV_WIDGET_ORIGINS,
          widgets: [...WIDGET_KINDS],
          createdBy: 'seed',
          ...writtenAt(now),
        })
        .onConflictDoNothing(),
    ]);
    statements += 2;
  }
  return statements;
}
