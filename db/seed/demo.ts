/**
 * Writes the demo tenants (db/seed/demo-people.ts) into a database. Idempotent: fixed ids and
 * ON CONFLICT DO NOTHING, so running it on every `npm start` keeps data you changed.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { displayPrefix, hashSecretKey } from '../../worker/auth/secret-keys.ts';
import type { Database } from '../client.ts';
import { employees, teams } from '../people.ts';
import { apiKeys, tenants } from '../tenants.ts';
import { DEMO_TENANTS, DEV_KEY_ROLES, devKey, type DemoTenant } from './demo-people.ts';
import { seedDemoRecognition } from './demo-recognition.ts';

/** ASCII email local part from a display name: "Liam O’Connor" -> "liam.oconnor". */
function emailLocalPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export const demoTenantId = (slug: string) => `ten_${slug}`;
export const demoTeamId = (slug: string, key: string) => `team_${slug}_${key.replace(/-/g, '_')}`;

async function tenantStatements(db: Database, demo: DemoTenant) {
  const tenantId = demoTenantId(demo.slug);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(tenants).values({ id: tenantId, name: demo.name, slug: demo.slug, createdAt: new Date('2026-01-05T09:00:00Z') }).onConflictDoNothing(),
  ];
  for (const role of DEV_KEY_ROLES) {
    const secret = devKey(demo.slug, role);
    statements.push(
      db
        .insert(apiKeys)
        .values({
          id: `key_dev_${demo.slug}_${role}`,
          tenantId,
          name: `Local dev ${role} key`,
          role,
          prefix: displayPrefix(secret),
          hash: await hashSecretKey(secret),
          createdBy: 'seed',
        })
        .onConflictDoNothing(),
    );
  }
  let index = 0;
  const person = (teamId: string | null, [name, role, hiredAt]: [string, DemoTenant['leadership'][number][1], string]) =>
    db
      .insert(employees)
      .values({
        id: `emp_${demo.slug}_${String(++index).padStart(3, '0')}`,
        tenantId,
        teamId,
        name,
        email: `${emailLocalPart(name)}@${demo.emailDomain}`,
        role,
        hiredAt,
      })
      .onConflictDoNothing();
  for (const leader of demo.leadership) statements.push(person(null, leader));
  for (const team of demo.teams) {
    const teamId = demoTeamId(demo.slug, team.key);
    statements.push(
      db.insert(teams).values({ id: teamId, tenantId, name: team.name, description: team.description }).onConflictDoNothing(),
    );
    for (const member of team.members) statements.push(person(teamId, member));
  }
  return statements;
}

/** Seeds both demo tenants in one batch per tenant. */
export async function seedDemo(db: Database): Promise<{ tenants: number; statements: number }> {
  let count = 0;
  for (const demo of DEMO_TENANTS) {
    const [first, ...rest] = await tenantStatements(db, demo);
    if (!first) continue;
    await db.batch([first, ...rest]);
    count += rest.length + 1;
  }
  count += await seedDemoRecognition(db);
  return { tenants: DEMO_TENANTS.length, statements: count };
}
