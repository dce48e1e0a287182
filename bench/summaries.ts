/**
 * `npm run bench:summaries`: the weekly compile at scale, on a throw-away local D1 (workerd through
 * wrangler's platform proxy; nothing touches your .wrangler/state). A tenant of 200 employees in
 * 12 teams with 5,000 survey calls in one week: how many SQL statements the compile-and-store
 * runs (budget 50) and how long the pure compile takes (budget 500 ms). A benchmark, not a test:
 * the times depend on the machine.
 *
 * Options: --employees N (default 200), --calls N (default 5000), --runs N (default 5).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import type { BatchItem } from 'drizzle-orm/batch';
import { chunkedInserts, runInBatches } from '../db/batching.ts';
import { createDatabase } from '../db/client.ts';
import { writtenAt } from '../db/columns.ts';
import { employees, teams, type EmployeeRole } from '../features/people/tables.ts';
import { VOICE_BANKS } from '../db/seed/demo-voice-text.ts';
import { generateVoice, voiceInsertStatements, type SeedEmployee } from '../db/seed/voice-generator.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { tenants } from '../db/tenants.ts';
import { readPeriodFacts } from '../features/summaries/facts.ts';
import { compileAll } from '../features/summaries/rules.ts';
import { periodForKey } from '../features/summaries/schedule.ts';
import { compileAndStore, saveSettings } from '../features/summaries/service.ts';

const { values } = parseArgs({ options: { employees: { type: 'string', default: '200' }, calls: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
const EMPLOYEES = Number(values.employees);
const CALLS = Number(values.calls);
const RUNS = Number(values.runs);
const TENANT = 'ten_bench';
const period = periodForKey('2026-W45', 'UTC')!;

function people(): SeedEmployee[] {
  return Array.from({ length: EMPLOYEES }, (_, n) => {
    const team = n % 12;
    const role: EmployeeRole = n < 3 ? 'director' : n < 15 ? 'lead' : 'agent';
    return { id: `emp_bench_${String(n).padStart(4, '0')}`, name: `Person ${n}`, role, teamId: role === 'director' ? null : `team_bench_${team}` };
  });
}

const persist = mkdtempSync(join(tmpdir(), 'frontline-bench-'));
const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: 'wrangler.toml', persist: { path: persist } });
try {
  // The same migrations wrangler applies.
  for (const folder of readdirSync('migrations').sort()) {
    const statements = readFileSync(join('migrations', folder, 'migration.sql'), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
    await proxy.env.DB.batch(statements.map((statement) => proxy.env.DB.prepare(statement)));
  }
  const seedDb = createDatabase(proxy.env.DB);
  const staff = people();
  const voice = generateVoice({ key: 'bench', tenantId: TENANT, trade: 'cafe', employees: staff, bank: VOICE_BANKS.brewline!, now: period.end, weeks: 1, calls: CALLS, complaintRecords: 300, ideas: 0 });
  const seed: BatchItem<'sqlite'>[] = [
    seedDb.insert(tenants).values({ id: TENANT, name: 'Bench Co', slug: 'bench', createdAt: period.end }),
    ...chunkedInserts(seedDb, teams, Array.from({ length: 12 }, (_, t) => ({ id: `team_bench_${t}`, tenantId: TENANT, name: `Store ${t}`, ...writtenAt(period.end) }))),
    ...chunkedInserts(seedDb, employees, staff.map((p, n) => ({ ...p, tenantId: TENANT, email: `person${n}@bench.example`, hiredAt: '2022-01-10', ...writtenAt(period.end) }))),
    ...voiceInsertStatements(seedDb, voice, period.end),
  ];
  await runInBatches(seedDb, seed, 500);

  // Counted at the D1 binding: every statement, batched or not, is one prepare().
  let statements = 0;
  const countingD1 = new Proxy(proxy.env.DB, {
    get(target, property) {
      if (property === 'prepare') return (query: string) => (statements++, target.prepare(query));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const counted = createDatabase(countingD1);
  const tenant = new TenantScope(counted, TENANT, period.end);
  const settings = await saveSettings(tenant, {
    enabled: true, timeZone: 'UTC', weekday: 1, hour: 8, senderName: 'Bench', senderAddress: 'summaries@bench.example', levels: ['employee', 'team', 'tenant'], skipEmpty: true,
  }, period.end);

  statements = 0;
  let started = performance.now();
  const facts = await readPeriodFacts(tenant, period);
  const readMs = performance.now() - started;
  const readStatements = statements;

  const compileTimes: number[] = [];
  let compiled = compileAll(facts, settings.levels);
  for (let i = 0; i < RUNS; i++) {
    started = performance.now();
    compiled = compileAll(facts, settings.levels);
    compileTimes.push(performance.now() - started);
  }
  compileTimes.sort((a, b) => a - b);

  statements = 0;
  started = performance.now();
  const result = await compileAndStore(tenant, settings, period, period.end);
  const storeMs = performance.now() - started;
  const storeStatements = statements;
  statements = 0;
  await compileAndStore(tenant, settings, period, period.end);
  const repeatStatements = statements;

  const calls = facts.teamCalls.reduce((sum, row) => sum + row.calls, 0);
  console.log(`Frontline summaries benchmark: ${EMPLOYEES} employees, ${calls} survey calls and ${facts.feedback.length} praise/complaints in week ${period.key}\n`);
  console.log(`facts read:                 ${readStatements} SQL statements, ${readMs.toFixed(0)} ms`);
  console.log(`pure compile (${compiled.length} summaries): median ${compileTimes[Math.floor(RUNS / 2)]!.toFixed(1)} ms, max ${compileTimes.at(-1)!.toFixed(1)} ms over ${RUNS} runs (budget 500 ms)`);
  console.log(`compile and store:          ${storeStatements} SQL statements (budget 50), ${storeMs.toFixed(0)} ms; ${result.pendingOutboxIds.length} emails in the outbox`);
  console.log(`the same run again:         ${repeatStatements} SQL statements, nothing new stored`);
  const over = storeStatements > 50 || compileTimes[Math.floor(RUNS / 2)]! > 500;
  if (over) {
    console.error('\nOver budget.');
    process.exitCode = 1;
  }
} finally {
  await proxy.dispose();
  rmSync(persist, { recursive: true, force: true });
}
