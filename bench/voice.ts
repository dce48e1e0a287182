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
  'feedback page (50, filtered by theme)': '{ feedback(first: 50, filter: { kind: COMPLAINT, theme: "waiting-time" }) { totalCount edges { node { body primaryTheme { label } employee { name } team { name } } } } }',
  'themes (the taxonomy, 50)': '{ themes(first: 50) { totalCount edges { node { key label status terms phrases mergedInto { key } } } } }',
  'emergingThemes (90 days)': '{ emergingThemes(minCount: 5) { phrase count } }',
};

async function post(query: string, variables: Record<string, unknown> = {}, key = KEY): Promise<{ ms: number; statements: number; errors: unknown; data: unknown }> {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown; data?: unknown };
  return { ms: performance.now() - started, statements: Number(response.headers.get('X-Frontline-Statements')), errors: body.errors, data: body.data };
}

type Run = { status: string; processed: number; total: number };

/**
 * A re-theme run over the whole large tenant: renames a theme (and back), and times the run the
 * rename started from the mutation to DONE, through the local queue (200 records per message).
 */
async function rethemeRun(): Promise<void> {
  const admin = 'fl_sk_dev_large_admin';
  const themes = (await post('{ themes(first: 100) { edges { node { id key label } } } }')).data as { themes: { edges: { node: { id: string; key: string; label: string } }[] } };
  const waiting = themes.themes.edges.map((edge) => edge.node).find((theme) => theme.key === 'waiting-time');
  if (!waiting) throw new Error('the large tenant has no waiting-time theme');
  const rename = 'mutation($input: RenameThemeInput!) { renameTheme(input: $input) { run { total } errors { message } } }';
  const started = performance.now();
  const renamed = await post(rename, { input: { id: waiting.id, label: `${waiting.label} (bench)` } }, admin);
  if (renamed.errors) throw new Error(`renameTheme failed: ${JSON.stringify(renamed.errors)}`);
  let run: Run | null = null;
  for (let i = 0; i < 1200 && run?.status !== 'DONE'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    run = ((await post('{ themeRun { status processed total } }')).data as { themeRun: Run | null }).themeRun;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nre-theme run (renameTheme, then every record re-classified): ${run?.processed} of ${run?.total} records, ${run?.status}, ${seconds.toFixed(1)} s, ${(Number(run?.processed) / seconds).toFixed(0)} records/s; the mutation took ${renamed.ms.toFixed(0)} ms and ${renamed.statements} statements`);
  await post(rename, { input: { id: waiting.id, label: waiting.label } }, admin);
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
  await rethemeRun();
} finally {
  server.kill('SIGTERM');
}
