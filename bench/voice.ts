/**
 * `npm run bench`: latency of the customer-voice queries on local workerd (`wrangler dev`) over
 * the large tenant (`npm run seed:large` first). Prints p50/p95/max per query and the SQL
 * statements each ran. A benchmark, not a test: numbers depend on the machine.
 *
 * Options: --iterations N (default 30), --port P (default 8799).
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '30' }, port: { type: 'string', default: '8799' } } });
const iterations = Number(values.iterations);
const endpoint = `http://127.0.0.1:${values.port}/graphql`;
const KEY = 'fl_sk_dev_large_reader';
const BIG_TEAM = btoa('Team:team_large_00').replace(/=+$/, '');

const QUERIES: Record<string, string> = {
  'complaintTrends (12 weeks, weekly)': `{ complaintTrends(from: "${new Date(Date.now() - 84 * 86_400_000).toISOString()}", granularity: WEEK) { theme count previousCount change examples { body } } }`,
  'complaintTrends (quarter, monthly)': '{ complaintTrends(granularity: MONTH, themesPerPeriod: 20) { theme count previousCount change } }',
  'team page: 50 employees with voice': `{ node(id: "${BIG_TEAM}") { ... on Team { name voice { callCount averageSatisfaction nps }
      employees(first: 50) { totalCount edges { node { name role voice { callCount averageSatisfaction nps praiseCount complaintCount topPraise { body call { calledAt } } } } } } } } }`,
  'tenant voice (90 days)': '{ viewer { tenant { voice { callCount averageSatisfaction nps praiseCount complaintCount topPraise(first: 5) { body } } } } }',
  'feedback page (50, filtered by theme)': '{ feedback(first: 50, filter: { kind: COMPLAINT, theme: "waiting times" }) { totalCount edges { node { body employee { name } team { name } } } } }',
};

async function post(query: string): Promise<{ ms: number; statements: number; errors: unknown }> {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  return { ms: performance.now() - started, statements: Number(response.headers.get('X-Frontline-Statements')), errors: body.errors };
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const { errors } = await post('{ viewer { role } }');
      if (errors) throw new Error(`The large tenant is missing: run \`npm run seed:large\` first. ${JSON.stringify(errors)}`);
      return;
    } catch (error) {
      if (error instanceof Error && error.message.includes('seed:large')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error('wrangler dev did not start within 60 s');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const server = spawn('wrangler', ['dev', '--port', String(values.port), '--var', 'ENVIRONMENT:development'], {
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  stdio: 'ignore',
});
try {
  await waitForServer();
  console.log(`Frontline voice benchmark: ${iterations} runs per query after 3 warm-ups, local workerd, large tenant\n`);
  console.log('query'.padEnd(42), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8), 'SQL'.padStart(5));
  for (const [name, query] of Object.entries(QUERIES)) {
    for (let i = 0; i < 3; i++) await post(query);
    const runs = [];
    for (let i = 0; i < iterations; i++) runs.push(await post(query));
    const failed = runs.find((run) => run.errors);
    if (failed) throw new Error(`${name} failed: ${JSON.stringify(failed.errors)}`);
    const times = runs.map((run) => run.ms).sort((a, b) => a - b);
    console.log(
      name.padEnd(42),
      percentile(times, 50).toFixed(1).padStart(8),
      percentile(times, 95).toFixed(1).padStart(8),
      times.at(-1)!.toFixed(1).padStart(8),
      String(runs[0]!.statements).padStart(5),
    );
  }
} finally {
  server.kill('SIGTERM');
}
