/**
 * GET/POST /unsubscribe?token=... (RFC 8058 one-click). POST turns the employee's summary emails
 * off without a login: mail providers post `List-Unsubscribe=One-Click` here from the inbox's
 * button. GET (a person clicking the link in the email) only shows a confirmation page whose
 * button POSTs, so link scanners that fetch URLs never unsubscribe anyone.
 */
import { createDatabase } from '../db/client.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { optOut } from '../features/summaries/service.ts';
import { verifyUnsubscribeToken } from '../features/summaries/unsubscribe-token.ts';
import type { Env } from './env.ts';
import type { RequestLog } from './request-log.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title></head>
<body style="font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:560px;margin:48px auto;padding:0 24px;line-height:1.5;">
<main><h1 style="font-size:22px;">${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
}

const INVALID = () => page(400, 'This unsubscribe link is not valid', '<p>The link may be incomplete. Copy the whole link from the email, or ask your administrator to turn the weekly summaries off for you.</p>');

export async function handleUnsubscribe(request: Request, env: Env, now: Date, log?: RequestLog): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'POST') {
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, POST' } });
  }
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const subject = env.UNSUBSCRIBE_SECRET && token ? await verifyUnsubscribeToken(env.UNSUBSCRIBE_SECRET, token) : null;
  if (!subject) return INVALID();
  // The tenant only: the token and the employee stay out of the logs.
  log?.noteTenant(subject.tenantId);
  if (request.method === 'GET') {
    const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
    return page(200, 'Stop the weekly summary emails?', `<p>You will no longer get the weekly summaries of what customers said. Your administrator can turn them back on.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="font-size:16px;padding:10px 18px;">Unsubscribe</button></form>`);
  }
  const tenant = new TenantScope(createDatabase(env.DB), subject.tenantId, now);
  await optOut(tenant, subject.employeeId, now);
  return page(200, 'You are unsubscribed', '<p>You will not get the weekly summary emails any more.</p>');
}
