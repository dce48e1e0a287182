/**
 * A large tenant for scale checks and benchmarks (`npm run seed:large`): 200 employees in 12
 * teams (one of exactly 50), 10,000 survey calls and about 20,000 feedback records over 12 weeks.
 * Idempotent like the demo seed.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { chunkedInserts, runInBatches } from '../batching.ts';
import type { Database } from '../client.ts';
import { employees, teams, type EmployeeRole } from '../../features/people/tables.ts';
import { tenants } from '../tenants.ts';
import { apiKeys } from '../../features/platform/tables.ts';
import { devKeyRows } from './demo.ts';
import { VOICE_BANKS } from './demo-voice-text.ts';
import { generateVoice, voiceInsertStatements, type SeedEmployee } from './voice-generator.ts';
import { writtenAt } from '../columns.ts';

export const LARGE_SLUG = 'large';
export const LARGE_TENANT_ID = 'ten_large';
/** The team with exactly 50 members, for the "team page" benchmark. */
export const LARGE_BIG_TEAM_ID = 'team_large_00';

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gina', 'Hugo', 'Iris', 'Jon', 'Kira', 'Luis', 'Mona', 'Nils', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST = ['Abbott', 'Baker', 'Cruz', 'Dahl', 'Evans', 'Fox', 'Grün', 'Holt', 'Ito', 'Jain'];

function largeEmployees(): SeedEmployee[] {
  const people: SeedEmployee[] = [];
  const sizes = [50, ...Array.from({ length: 11 }, () => 13), 7];
  sizes.forEach((size, t) => {
    for (let i = 0; i < size; i++) {
      const n = people.length;
      const role: EmployeeRole = i === 0 ? 'manager' : i < 3 ? 'lead' : 'agent';
      people.push({
        id: `emp_large_${String(n).padStart(4, '0')}`,
        name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`,
        role: t === sizes.length - 1 ? 'director' : role,
        teamId: t === sizes.length - 1 ? null : `team_large_${String(t).padStart(2, '0')}`,
      });
    }
  });
  return people;
}

export async function seedLarge(db: Database, now: Date = new Date()): Promise<{ calls: number; feedback: number }> {
  const people = largeEmployees();
  const voice = generateVoice({
    key: LARGE_SLUG,
    tenantId: LARGE_TENANT_ID,
    trade: 'cafe',
    employees: people,
    bank: VOICE_BANKS.brewline!,
    now,
    weeks: 12,
    calls: 10_000,
    complaintRecords: 10_000,
    ideas: 400,
  });
  const ignoreExisting = { ignoreExisting: true };
  const keys = await devKeyRows(LARGE_SLUG, LARGE_TENANT_ID, ['admin', 'reader'], now);
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(tenants).values({ id: LARGE_TENANT_ID, name: 'Large Demo Co', slug: LARGE_SLUG, trade: 'cafe', createdAt: now }).onConflictDoNothing(),
    ...chunkedInserts(db, apiKeys, keys, ignoreExisting),
    ...chunkedInserts(
      db,
      teams,
      Array.from({ length: 12 }, (_, t) => ({ id: `team_large_${String(t).padStart(2, '0')}`, tenantId: LARGE_TENANT_ID, name: `Store ${String(t + 1).padStart(2, '0')}`, ...writtenAt(now) })),
      ignoreExisting,
    ),
    ...chunkedInserts(db, employees, people.map((person, n) => ({ ...person, tenantId: LARGE_TENANT_ID, email: `person${n}@large.example`, hiredAt: '2022-01-10', ...writtenAt(now) })), ignoreExisting),
    ...voiceInsertStatements(db, voice, now),
  ];
  await runInBatches(db, statements, 500);
  return { calls: voice.calls.length, feedback: voice.feedback.length };
}
