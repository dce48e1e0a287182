/**
 * Writes the demo tenants (db/seed/demo-people.ts) into a database. Idempotent: fixed ids and
 * ON CONFLICT DO NOTHING, so running it on every `npm start` keeps data you changed.
 */
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { displayPrefix, hashSecretKey } from '../keys.ts';
import type { Database } from '../client.ts';
import { employees, teams } from '../../features/people/tables.ts';
import { tenants } from '../tenants.ts';
import { apiKeys } from '../../features/platform/tables.ts';
import { chunkedInserts, runBatch, runInBatches } from '../batching.ts';
import { DEMO_TENANTS, DEV_KEY_ROLES, devKey, type DemoTenant } from './demo-people.ts';
import { VOICE_BANKS } from './demo-voice-text.ts';
import { generateVoice, voiceInsertStatements, type AnsweredComplaint, type SeedEmployee } from './voice-generator.ts';
import { seedDemoSuggestions } from './demo-suggestions.ts';
import { demoSpendsAnsweringComplaints, seedDemoRecognition } from './demo-recognition.ts';
import { workplaceOf } from './demo-clock.ts';
import { writtenAt } from '../columns.ts';
import { seedDemoWidgets } from '../../features/widgets/demo-seed.ts';
import { summarySettings } from '../../features/summaries/tables.ts';
import { budgetSpends } from '../../features/budgets/tables.ts';

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

/** The demo tenant's people with their fixed ids: leadership first, then each team's members. */
export function demoEmployees(demo: DemoTenant): (SeedEmployee & { hiredAt: string })[] {
  const people: (SeedEmployee & { hiredAt: string })[] = [];
  const add = (teamId: string | null, [name, role, hiredAt]: DemoTenant['leadership'][number]) =>
    people.push({ id: `emp_${demo.slug}_${String(people.length + 1).padStart(3, '0')}`, name, role, hiredAt, teamId });
  for (const leader of demo.leadership) add(null, leader);
  for (const team of demo.teams) for (const member of team.members) add(demoTeamId(demo.slug, team.key), member);
  return people;
}

/** A seeded tenant's local dev keys (`fl_sk_dev_<slug>_<role>`) as api_keys rows, hashed like real keys. */
export async function devKeyRows(slug: string, tenantId: string, roles: readonly (typeof DEV_KEY_ROLES)[number][], now: Date) {
  return Promise.all(
    roles.map(async (role) => {
      const secret = devKey(slug, role);
      return {
        id: `key_dev_${slug}_${role}`,
        tenantId,
        name: `Local dev ${role} key`,
        role,
        prefix: displayPrefix(secret),
        hash: await hashSecretKey(secret),
        createdBy: 'seed',
        createdAt: now,
      };
    }),
  );
}

async function tenantStatements(db: Database, demo: DemoTenant, now: Date) {
  const tenantId = demoTenantId(demo.slug);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(tenants).values({ id: tenantId, name: demo.name, slug: demo.slug, trade: demo.trade, createdAt: new Date('2026-01-05T09:00:00Z') }).onConflictDoNothing(),
  ];
  statements.push(...chunkedInserts(db, apiKeys, await devKeyRows(demo.slug, tenantId, DEV_KEY_ROLES, now), { ignoreExisting: true }));
  statements.push(
    db
      .insert(summarySettings)
      .values({
        id: `sms_${demo.slug}`, tenantId, timeZone: workplaceOf(demo.slug).timeZone, weekday: 1, hour: 8, // Monday 08:00 local
        senderName: `${demo.name} (Frontline)`, senderAddress: `summaries@${demo.emailDomain}`, ...writtenAt(now),
      })
      .onConflictDoNothing(),
  );
  for (const team of demo.teams) {
    statements.push(
      db
        .insert(teams)
        .values({ id: demoTeamId(demo.slug, team.key), tenantId, name: team.name, description: team.description, ...writtenAt(now) })
        .onConflictDoNothing(),
    );
  }
  for (const person of demoEmployees(demo)) {
    statements.push(
      db
        .insert(employees)
        .values({ ...person, tenantId, email: `${emailLocalPart(person.name)}@${demo.emailDomain}`, ...writtenAt(now) })
        .onConflictDoNothing(),
    );
  }
  return statements;
}

/**
 * A quarter of customer voice for a demo tenant, up to `now`, with the complaints that the demo
 * budget spends answer written a little before those spends.
 */
function demoVoiceStatements(db: Database, demo: DemoTenant, now: Date): BatchItem<'sqlite'>[] {
  const bank = VOICE_BANKS[demo.slug];
  if (!bank) return [];
  const employees = demoEmployees(demo);
  const answered: AnsweredComplaint[] = demoSpendsAnsweringComplaints(demo.slug, now).flatMap((spend) => {
    const employee = employees.find((person) => person.id === spend.employeeId);
    if (!employee) return [];
    const resolution = spend.resolved ? { at: new Date(spend.at.getTime() + 30 * 60_000), by: employee.id, note: spend.note } : null;
    return [{ ref: String(spend.index), employee, theme: spend.theme, answeredAt: spend.at, resolution }];
  });
  const voice = generateVoice({
    key: demo.slug,
    tenantId: demoTenantId(demo.slug),
    trade: demo.trade,
    employees,
    bank,
    now,
    weeks: 13,
    calls: 240,
    complaintRecords: 120,
    ideas: 20,
    customers: 320,
    answered,
  });
  return voiceInsertStatements(db, voice, now);
}

/** Seeds both demo tenants: people and keys in one batch per tenant, then their customer voice. */
export async function seedDemo(db: Database, now: Date = new Date()): Promise<{ tenants: number; statements: number }> {
  let count = 0;
  for (const demo of DEMO_TENANTS) {
    const people = await tenantStatements(db, demo, now);
    await runBatch(db, people);
    // The quarter of voice is written once: when its first call exists, regenerating it (about a
    // thousand rows a tenant) would only meet ON CONFLICT DO NOTHING, so a restart skips it.
    const seeded = await db.get<{ one: number } | undefined>(sql`SELECT 1 AS one FROM survey_calls WHERE id = ${`call_${demo.slug}_0`}`);
    const voice = seeded ? [] : demoVoiceStatements(db, demo, now);
    await runInBatches(db, voice);
    count += people.length + voice.length;
  }
  count += await seedDemoSuggestions(db, now.getTime());
  count += await seedDemoRecognition(db, now);
  count += await seedDemoWidgets(db, now);
  await linkDemoSpendsToComplaints(db, now);
  return { tenants: DEMO_TENANTS.length, statements: count + 1 };
}

/**
 * Ties each demo spend that answers a complaint to the complaint the voice seed wrote for it, a
 * few hours before the spend (`fb_<slug>_a<index>` for `spd_demo_<slug>_<index>`); the guard
 * `received_at <= created_at` keeps a spend from answering a later complaint. Goodwill spends
 * answer none and stay unlinked. Only seeded spends without a link are touched, so it is
 * idempotent and leaves your own data alone.
 */
async function linkDemoSpendsToComplaints(db: Database, now: Date): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = DEMO_TENANTS.flatMap((demo) =>
    demoSpendsAnsweringComplaints(demo.slug, now).map((spend) => {
      const spendId = `spd_demo_${demo.slug}_${spend.index}`;
      const feedbackId = `fb_${demo.slug}_a${spend.index}`;
      return db
        .update(budgetSpends)
        .set({ feedbackId })
        .where(sql`id = ${spendId} AND feedback_id IS NULL
          AND EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = budget_spends.tenant_id AND f.id = ${feedbackId}
                      AND f.employee_id = budget_spends.employee_id AND f.received_at <= budget_spends.created_at)`);
    }),
  );
  await runBatch(db, statements);
}
