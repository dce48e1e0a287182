/**
 * `/widgets/demo` (local only): every widget on the seeded Brewline tenant, as a partner would embed
 * them. The page has no inline script or style and is served with a strict CSP, like a careful
 * partner; its one stylesheet (`/widgets/demo.css`) reserves the widgets' space before the script
 * runs. `?lang=de` shows the German widgets.
 */
import { FRONTLINE_JS_INTEGRITY, FRONTLINE_JS_VERSION } from '../features/widgets/client/bundle.generated.ts';
import { DEV_WIDGET_ORIGINS, devPublishableKey } from '../features/widgets/demo-seed.ts';
import { RESERVATION_CSS } from '../features/widgets/reservation.ts';
import { encodeId } from '../schema/global-ids.ts';
import { mintEmployeeToken } from './auth/employee-tokens.ts';
import type { Env } from './env.ts';

const SLUG = 'brewline';
/** A barista of the seeded Harbour café team, for the suggestion box's employee token. */
const DEMO_EMPLOYEE = 'emp_brewline_005';

const DEMO_CSS = `${RESERVATION_CSS}
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-inline-size:60rem;padding:0 1rem;color:#1f2328}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1.5rem}
code{background:#f6f8fa;padding:.1rem .3rem;border-radius:.3rem}
`;

export function demoStylesheet(): string {
  return DEMO_CSS;
}

export async function demoPage(env: Env, url: URL, now: Date): Promise<string> {
  const lang = url.searchParams.get('lang') === 'de' ? 'de' : 'en';
  const key = devPublishableKey(SLUG);
  const { token } = await mintEmployeeToken(
    // Minted as the seeded manager key would (a token lives only as long as its minting key).
    { tenantId: `ten_${SLUG}`, employeeId: DEMO_EMPLOYEE, mintedByKeyId: `key_dev_${SLUG}_manager`, ttlSeconds: 3600, scopes: ['suggestions'] },
    env.EMPLOYEE_TOKEN_SECRET,
    now,
  );
  const team = encodeId('Team', `team_${SLUG}_harbour`);
  const program = encodeId('IncentiveProgram', `prg_demo_${SLUG}_praise`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontline widgets demo</title>
<link rel="stylesheet" href="/widgets/demo.css">
<script defer src="/widgets/v1/${FRONTLINE_JS_VERSION}/frontline.js" integrity="${FRONTLINE_JS_INTEGRITY}" crossorigin="anonymous"></script>
</head>
<body>
<h1>Frontline widgets: Brewline Coffee (local demo)</h1>
<p>Key <code>${key}</code> allows ${DEV_WIDGET_ORIGINS.map((origin) => `<code>${origin}</code>`).join(', ')}.
Open this page on the other host name (localhost or 127.0.0.1) to see it as a partner's page on another origin;
on any origin not listed the widgets show their error state.
<a href="?lang=${lang === 'de' ? 'en' : 'de'}">${lang === 'de' ? 'English' : 'Deutsch'}</a></p>
<div class="grid">
<frontline-feedback key="${key}"></frontline-feedback>
<frontline-kudos-wall key="${key}" limit="8"></frontline-kudos-wall>
<frontline-goal-progress key="${key}" program="${program}"></frontline-goal-progress>
<frontline-feedback key="${key}" team="${team}" heading="${lang === 'de' ? 'Harbour-Café: Wer hat Ihnen geholfen?' : 'Harbour café: who helped you?'}"></frontline-feedback>
<frontline-suggestion-box key="${key}" token="${token}"></frontline-suggestion-box>
</div>
</body>
</html>`;
}
