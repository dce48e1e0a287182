/**
 * The widgets in a real headless Chromium (@sparticuz/chromium + playwright-core) against the real
 * Worker (`wrangler dev`), embedded in partner pages on other origins under a strict CSP.
 * Screenshots of every widget in English and German go to test-artifacts/widgets/ (git-ignored).
 */
import sparticuz from '@sparticuz/chromium';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVATION_CSS } from '../../features/widgets/reservation.ts';
import { bundleWidgets } from '../../scripts/build-widgets.ts';
import { graphql, PLATFORM_TOKEN, startPartnerSite, startWorker, type PartnerSite, type RunningWorker } from './servers.ts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'widgets');
const WIDGETS = ['frontline-feedback', 'frontline-kudos-wall', 'frontline-goal-progress', 'frontline-suggestion-box'] as const;

let worker: RunningWorker;
let browser: Browser;
let allowed: PartnerSite;
let foreign: PartnerSite;
const fixture = { admin: '', key: '', team: '', program: '', token: '', ana: '', ben: '' };

const SITE_CSS = `${RESERVATION_CSS}
body{font:16px/1.5 system-ui,sans-serif;margin:1rem;max-inline-size:40rem}
frontline-feedback{--frontline-accent:#7b3f00}`;

/** A partner page: `?lang=de` for German, `?only=frontline-feedback` for one widget. */
function partnerPage(url: URL): string {
  const lang = url.searchParams.get('lang') ?? 'en';
  const only = url.searchParams.get('only');
  const { team, program, token } = fixture;
  const key = url.searchParams.get('key') ?? fixture.key;
  const elements: Record<(typeof WIDGETS)[number], string> = {
    'frontline-feedback': `<frontline-feedback key="${key}" team="${team}"></frontline-feedback>`,
    'frontline-kudos-wall': `<frontline-kudos-wall key="${key}"></frontline-kudos-wall>`,
    'frontline-goal-progress': `<frontline-goal-progress key="${key}" program="${program}"></frontline-goal-progress>`,
    'frontline-suggestion-box': `<frontline-suggestion-box key="${key}" token="${token}"></frontline-suggestion-box>`,
  };
  const shown = WIDGETS.filter((name) => !only || name === only).map((name) => elements[name]);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Partner shop</title>
<link rel="stylesheet" href="/site.css"><script defer src="${worker.origin}/widgets/v1/frontline.js"></script></head>
<body><h1>Partner shop</h1>${shown.join('\n')}<p id="below">Opening hours: 8 to 18.</p></body></html>`;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // sparticuz's defaults are for AWS Lambda: they turn off web security (CORS, exactly what these
  // tests check) and run one process (which dies when a browser context closes).
  const args = sparticuz.args.filter((arg) => arg !== '--disable-web-security' && arg !== '--single-process');
  const launching = (async () => chromium.launch({ executablePath: await sparticuz.executablePath(), args }))();
  worker = await startWorker();
  allowed = await startPartnerSite(worker.origin, partnerPage, SITE_CSS);
  foreign = await startPartnerSite(worker.origin, partnerPage, SITE_CSS);
  await seed();
  browser = await launching;
});

afterAll(async () => {
  await browser?.close();
  await allowed?.close();
  await foreign?.close();
  await worker?.stop();
});

/** The string at `path` in a GraphQL answer. */
function dig(value: unknown, path: string[]): string {
  const found = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
  if (typeof found !== 'string') throw new Error(`no string at ${path.join('.')}: ${JSON.stringify(value)}`);
  return found;
}

/** A tenant with a team, public and private employees, recognition, a team goal and a widget key. */
async function seed(): Promise<void> {
  const origin = worker.origin;
  fixture.admin = dig(await graphql(origin, PLATFORM_TOKEN, 'mutation { createTenant(input: { name: "Harbour Coffee" }) { adminSecret } }'), ['createTenant', 'adminSecret']);
  const admin = async (query: string, variables: Record<string, unknown>, path: string[]) => dig(await graphql(origin, fixture.admin, query, variables), path);
  fixture.team = await admin('mutation { createTeam(input: { name: "Harbour" }) { team { id } } }', {}, ['createTeam', 'team', 'id']);
  const person = async (name: string, isPublic: boolean) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@harbour.example`;
    const input = { name, email, role: 'AGENT', teamId: fixture.team, hiredAt: '2024-03-01' };
    const id = await admin('mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } } }', { input }, ['createEmployee', 'employee', 'id']);
    if (isPublic) await admin('mutation($id: ID!) { setWidgetProfile(input: { employeeId: $id, public: true }) { employee { id } } }', { id }, ['setWidgetProfile', 'employee', 'id']);
    return id;
  };
  fixture.ana = await person('Ana Silva', true);
  fixture.ben = await person('Ben Okafor', true);
  await person('Carla Private', false);
  const dana = await person('Dana Lead', false);
  const mint = (scopes?: string[]) =>
    admin('mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token } }', { input: { employeeId: dana, ttlSeconds: 3600, ...(scopes ? { scopes } : {}) } }, ['createEmployeeToken', 'token']);
  const danaToken = await mint();
  await graphql(origin, danaToken, 'mutation { submitSuggestion(input: { category: AVOIDABLE_TASK, title: "Fridge log by hand", body: "We write the temperature down three times a shift." }) { errors { message } } }');
  await graphql(origin, danaToken, 'mutation($id: ID!) { giveRecognition(input: { recipientIds: [$id], message: "Stayed calm through the Saturday rush", value: "Care" }) { errors { message } } }', { id: fixture.ana });
  const eve = await person('Eve Barista', false);
  fixture.token = await admin('mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token } }', { input: { employeeId: eve, ttlSeconds: 3600, scopes: ['SUGGESTIONS'] } }, ['createEmployeeToken', 'token']);
  fixture.program = await admin('mutation($input: CreateIncentiveProgramInput!) { createIncentiveProgram(input: $input) { program { id } } }', {
    input: { name: 'Harbour praise drive', metric: 'PRAISE_COUNT', target: 5, period: 'MONTH', scope: 'TEAM', teamId: fixture.team, points: 10 },
  }, ['createIncentiveProgram', 'program', 'id']);
  fixture.key = await admin('mutation($input: CreatePublishableKeyInput!) { createPublishableKey(input: $input) { key } }', {
    input: { name: 'Partner shop', allowedOrigins: [allowed.origin], widgets: ['FEEDBACK', 'KUDOS_WALL', 'GOAL_PROGRESS', 'SUGGESTION_BOX'] },
  }, ['createPublishableKey', 'key']);
}

async function openPage(site: PartnerSite, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
  const page = await context.newPage();
  // Registered before any page script: layout shifts and CSP violations from the first frame on.
  await page.addInitScript(() => {
    const record = window as unknown as { shifts: number; violations: string[] };
    record.shifts = 0;
    record.violations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) record.shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (event) => record.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${site.origin}/${query}`);
  return page;
}

/** Waits for a widget's state; on timeout says which state it is in and what it shows. */
async function settled(page: Page, selector: string, state = 'ready'): Promise<void> {
  try {
    await page.waitForSelector(`${selector}[data-state="${state}"]`, { timeout: 20_000 });
  } catch (error) {
    const shown = await page.evaluate((name) => {
      const element = document.querySelector(name);
      return `${element?.getAttribute('data-state')}: ${element?.shadowRoot?.textContent}`;
    }, selector);
    throw new Error(`${selector} is not ${state} but ${shown}`, { cause: error });
  }
}

interface WidgetFeedback {
  feedback: { edges: { node: { source: string; rating: number; body: string; employee: { name: string } } }[] };
}
const widgetFeedback = async () =>
  (await graphql<WidgetFeedback>(worker.origin, fixture.admin, '{ feedback(first: 20, filter: { source: WIDGET }) { edges { node { source rating body employee { name } } } } }')).feedback.edges.map((edge) => edge.node);

describe('widgets in a real browser', () => {
  it('on an allowed origin: the script loads, a customer taps a rating, and it lands on the right employee', async () => {
    const page = await openPage(allowed, '?only=frontline-feedback');
    await settled(page, 'frontline-feedback');
    await page.locator('frontline-feedback label.person', { hasText: 'Ana' }).click();
    await page.locator('frontline-feedback button[aria-label^="Rate 5 of 5"]').click();
    await expect.poll(() => page.locator('frontline-feedback [role=status]').textContent()).toContain('Thank you! Your rating for Ana is saved.');
    await page.locator('frontline-feedback').screenshot({ path: join(ARTIFACTS, 'feedback-rated-en.png') });
    expect(await widgetFeedback()).toContainEqual({ source: 'WIDGET', rating: 5, body: '', employee: { name: 'Ana Silva' } });
    await page.context().close();
  });

  it('works with the keyboard alone: choose a person, rate, comment, send', async () => {
    const page = await openPage(allowed, '?only=frontline-feedback');
    await settled(page, 'frontline-feedback');
    await page.keyboard.press('Tab'); // into the radio group: Ana
    await page.keyboard.press('ArrowRight'); // Ben; the rating buttons take focus
    await expect.poll(() => page.evaluate(() => document.querySelector('frontline-feedback')?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Rate 1 of 5: Very poor');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 4 of 5
    await expect.poll(() => page.locator('frontline-feedback [role=status]').textContent()).toContain('Ben');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // the comment box (the honeypot is not focusable)
    await page.keyboard.type('Ben fixed my order without any fuss.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Send comment
    await expect.poll(() => page.locator('frontline-feedback [role=status]').textContent()).toContain('comment is saved');
    expect(await widgetFeedback()).toContainEqual({ source: 'WIDGET', rating: 4, body: 'Ben fixed my order without any fuss.', employee: { name: 'Ben Okafor' } });
    await page.context().close();
  });

  it('on another origin: the request is refused and every widget shows its error state', async () => {
    const page = await openPage(foreign);
    for (const name of WIDGETS) {
      await settled(page, name, 'error-origin');
      expect(await page.locator(`${name} [role=alert]`).textContent()).toContain('not enabled for this site');
    }
    await page.locator('frontline-feedback').screenshot({ path: join(ARTIFACTS, 'feedback-error-origin-en.png') });
    await page.context().close();
  });

  it('shows an invalid key and a network failure as such', async () => {
    const badKey = await openPage(allowed, '?only=frontline-kudos-wall&key=fl_pk_typo&lang=de');
    await settled(badKey, 'frontline-kudos-wall', 'error-key');
    expect(await badKey.locator('frontline-kudos-wall [role=alert]').textContent()).toBe('Dieses Widget hat einen ungültigen Schlüssel.');
    await badKey.locator('frontline-kudos-wall').screenshot({ path: join(ARTIFACTS, 'kudos-wall-error-key-de.png') });
    await badKey.context().close();

    // The script loads; after that Frontline cannot be reached.
    const context = await browser.newContext();
    let scriptLoaded = false;
    await context.route(`${worker.origin}/**`, async (route) => {
      if (!scriptLoaded && route.request().url().endsWith('/frontline.js')) {
        scriptLoaded = true;
        return route.continue();
      }
      return route.abort('internetdisconnected');
    });
    const offline = await context.newPage();
    await offline.goto(`${allowed.origin}/?only=frontline-goal-progress`);
    await settled(offline, 'frontline-goal-progress', 'error-network');
    expect(await offline.locator('frontline-goal-progress [role=alert]').textContent()).toContain('Cannot reach Frontline');
    await offline.locator('frontline-goal-progress').screenshot({ path: join(ARTIFACTS, 'goal-progress-error-network-en.png') });
    await context.close();
  });

  it('suggestion box: an employee submits anonymously (follow code shown once) and supports an idea', async () => {
    const page = await openPage(allowed, '?only=frontline-suggestion-box');
    await settled(page, 'frontline-suggestion-box');
    await page.locator('frontline-suggestion-box #s-title').fill('Second card reader at the till');
    await page.locator('frontline-suggestion-box #s-body').fill('The queue waits while one reader reboots.');
    await page.locator('frontline-suggestion-box #s-anon').check();
    await page.locator('frontline-suggestion-box button[type=submit]').click();
    await expect.poll(() => page.locator('frontline-suggestion-box [role=status]').textContent()).toMatch(/Keep this code to follow your anonymous suggestion: \S+/);
    await page.locator('frontline-suggestion-box button[aria-label="Support: Fridge log by hand"]').click();
    await expect.poll(() => page.locator('frontline-suggestion-box button[aria-label="Support: Fridge log by hand"]').getAttribute('aria-pressed')).toBe('true');
    type Board = { suggestions: { edges: { node: { title: string; anonymous: boolean; author: { name: string } | null; voteCount: number } }[] } };
    const board = await graphql<Board>(worker.origin, fixture.admin, '{ suggestions(first: 10) { edges { node { title anonymous author { name } voteCount } } } }');
    const byTitle = new Map(board.suggestions.edges.map(({ node }) => [node.title, node]));
    expect(byTitle.get('Second card reader at the till')).toEqual({ title: 'Second card reader at the till', anonymous: true, author: null, voteCount: 0 });
    expect(byTitle.get('Fridge log by hand')?.voteCount).toBe(1);
    await page.context().close();
  });

  it('reserves its space: no layout shift while the widgets load, and no CSP violation', async () => {
    const page = await openPage(allowed);
    for (const name of WIDGETS) await settled(page, name);
    await page.waitForTimeout(300);
    const { shifts, violations } = await page.evaluate(() => {
      const record = window as unknown as { shifts: number; violations: string[] };
      return { shifts: record.shifts, violations: record.violations };
    });
    expect(violations).toEqual([]);
    expect(shifts).toBe(0);
    await page.context().close();
  });

  it.each(['en', 'de'])('renders every widget (%s) and saves screenshots', async (lang) => {
    const page = await openPage(allowed, `?lang=${lang}`);
    for (const name of WIDGETS) await settled(page, name);
    for (const name of WIDGETS) {
      await page.locator(name).screenshot({ path: join(ARTIFACTS, `${name.replace('frontline-', '')}-${lang}.png`) });
    }
    const heading = await page.locator('frontline-feedback h2').textContent();
    expect(heading).toBe(lang === 'de' ? 'Wer hat Ihnen heute geholfen?' : 'Who helped you today?');
    expect(await page.locator('frontline-goal-progress [role=progressbar]').getAttribute('aria-valuenow')).toEqual(expect.stringMatching(/^\d+$/));
    expect(await page.locator('frontline-kudos-wall li').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('the script', () => {
  it(`is at most 15 KB gzip, cacheable, and built from the current sources`, async () => {
    const response = await fetch(`${worker.origin}/widgets/v1/frontline.js`);
    const script = await response.text();
    const gzip = gzipSync(script, { level: 9 }).length;
    console.log(`frontline.js: ${script.length} bytes, ${gzip} bytes gzip (limit 15360)`);
    expect(gzip).toBeLessThanOrEqual(15 * 1024);
    expect(response.headers.get('Content-Type')).toContain('text/javascript');
    expect(script).not.toMatch(/\beval\(|new Function\(|innerHTML/);
    const { module } = await bundleWidgets();
    expect(module, 'run `npm run widgets:build`').toBe(readFileSync(join(import.meta.dirname, '..', '..', 'features', 'widgets', 'client', 'bundle.generated.ts'), 'utf8'));
    const version = /FRONTLINE_JS_VERSION = "(\w+)"/.exec(module)?.[1];
    const pinned = await fetch(`${worker.origin}/widgets/v1/${version}/frontline.js`);
    expect(pinned.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await pinned.text()).toBe(script);
  });
});
