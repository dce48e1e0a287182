/**
 * The weekly summaries end to end, through the Worker's real handlers: cron -> compile message ->
 * summaries and outbox -> send messages -> emails (the real MIME the send_email adapter would hand
 * over, kept by the test mailer). Fixed dates in the past: nothing depends on today.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { createEmployee, createTeam, createTenant, data, localId, TEST_NOW, type TestTenant } from '../../test/helpers.ts';
import { createTemplate, logCall } from '../../test/voice-helpers.ts';
import { decodePart, headerOf } from './email/mime.ts';
import { memoryMailbox } from './mailer/memory.ts';
import { saveSettings } from './service.ts';
import { deliver, fireCron, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
let tenant: TestTenant;
let t: string;
const people: Record<string, { id: string; email: string }> = {};

const ANA_PRAISE = 'Ana fixed my order in two minutes and smiled the whole time.';
const ANA_PRAISE_2 = 'Ana remembered my name from last month, which made my day.';
const ANA_CONCERN = 'Ana seemed rushed when explaining the refund.';
const BO_PRAISE = 'Bo carried the boxes to my car in the rain.';
const DAN_PRAISE = 'Dan was brilliant with the delivery.';

async function employee(name: string, role: string, teamId: string | null, extra: Record<string, unknown> = {}) {
  const email = `${name.toLowerCase().replace(/ /g, '.')}.${crypto.randomUUID().slice(0, 6)}@example.com`;
  const id = await createEmployee(tenant.admin, { name, role, teamId, email, ...extra });
  people[name] = { id, email };
  return id;
}

const tenantScope = () => new TenantScope(createDatabase(env.DB), t, TEST_NOW);
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);

beforeAll(async () => {
  tenant = await createTenant();
  t = localId(tenant.id);
  const team = await createTeam(tenant.admin, 'Front counter');
  await employee('Ana Duarte', 'AGENT', team);
  await employee('Bo Berg', 'AGENT', team, { emailOptIn: false });
  await employee('Leo Lima', 'LEAD', team);
  await employee('Dee Dias', 'DIRECTOR', null);
  await employee('Dan Dorn', 'AGENT', team);
  await employee('Quiet Quinn', 'AGENT', team);
  const template = await createTemplate(tenant.admin);
  const call = (calledAt: string, satisfaction: number, mentions: { who: string; kind: 'PRAISE' | 'COMPLAINT'; quote: string }[]) =>
    logCall(tenant.admin, {
      template, calledAt, satisfaction, callerId: people['Leo Lima']!.id, customerName: 'Carla Customer', customerContact: 'carla@customer.example',
      answers: mentions.map((m) => m.quote), mentions: mentions.map((m) => ({ employeeId: people[m.who]!.id, kind: m.kind, quote: m.quote })),
    });
  // Week 2026-W45 (Mon 2 Nov - Sun 8 Nov, UTC): three calls; the week before: one.
  await call('2026-11-03T10:00:00Z', 5, [{ who: 'Ana Duarte', kind: 'PRAISE', quote: ANA_PRAISE }, { who: 'Bo Berg', kind: 'PRAISE', quote: BO_PRAISE }]);
  await call('2026-11-05T15:30:00Z', 3, [{ who: 'Ana Duarte', kind: 'PRAISE', quote: ANA_PRAISE_2 }, { who: 'Ana Duarte', kind: 'COMPLAINT', quote: ANA_CONCERN }]);
  await call('2026-11-06T09:00:00Z', 4, [{ who: 'Dan Dorn', kind: 'PRAISE', quote: DAN_PRAISE }]);
  await call('2026-10-28T09:00:00Z', 2, [{ who: 'Ana Duarte', kind: 'PRAISE', quote: 'Last week Ana was kind.' }]);
  const deactivated = await data<{ deactivateEmployee: { errors: { message: string }[] } }>(tenant.admin, `mutation($id: ID!) { deactivateEmployee(input: { id: $id }) { errors { message } } }`, { id: people['Dan Dorn']!.id });
  expect(deactivated.deactivateEmployee.errors).toEqual([]);
  await saveSettings(tenantScope(), {
    enabled: true, timeZone: 'UTC', weekday: 1, hour: 8, senderName: 'Front Counter Co', senderAddress: 'summaries@frontcounter.example',
    levels: ['employee', 'team', 'tenant'], skipEmpty: true,
  }, new Date('2026-11-01T00:00:00Z'));
  memoryMailbox.clear();
});

const mailTo = (name: string) => memoryMailbox.to(people[name]!.email);

describe('weekly summaries, cron to inbox', () => {
  it('the cron enqueues one compile message for the tenant at its hour, none at other hours', async () => {
    await fireCron(worker, '2026-11-09T07:00:00Z');
    expect(queue.take(t)).toEqual([]);
    await fireCron(worker, '2026-11-09T08:00:00Z');
    expect(queue.take(t)).toEqual([{ type: 'compile', tenantId: t, periodKey: '2026-W45' }]);
  });

  it('the compile message stores the summaries and fans the emails out as send messages', async () => {
    const result = await deliver(worker, [{ type: 'compile', tenantId: t, periodKey: '2026-W45' }]);
    expect(result.explicitAcks).toEqual(result.ids);
    const stored = await rows<{ level: string; subject_key: string; empty: number }>(
      'SELECT level, subject_key, empty FROM summaries WHERE tenant_id = ? ORDER BY level, subject_key', t);
    // Active employees (Dan left), the team, the tenant.
    expect(stored.filter((row) => row.level === 'employee').map((row) => row.subject_key).sort()).toEqual(
      ['Ana Duarte', 'Bo Berg', 'Leo Lima', 'Dee Dias', 'Quiet Quinn'].map((name) => localId(people[name]!.id)).sort());
    expect(stored.filter((row) => row.level !== 'employee').map((row) => row.level)).toEqual(['team', 'tenant']);
    const sends = queue.take(t);
    expect(sends.every((message) => message.type === 'send')).toBe(true);
    const outbox = await rows<{ recipient_id: string; kind: string; status: string }>('SELECT recipient_id, kind, status FROM email_outbox WHERE tenant_id = ?', t);
    // Ana (employee), Leo (his own, and the team's as its lead), Dee (tenant). Not Bo (opted out),
    // not Quinn (nothing was said: skipEmpty), not Dan (deactivated).
    expect(outbox.map((row) => `${row.kind}:${row.recipient_id}`).sort()).toEqual(
      [`employee:${localId(people['Ana Duarte']!.id)}`, `team:${localId(people['Leo Lima']!.id)}`, `tenant:${localId(people['Dee Dias']!.id)}`].sort());
    expect(outbox.every((row) => row.status === 'pending')).toBe(true);

    const delivered = await deliver(worker, sends);
    expect(delivered.explicitAcks).toEqual(delivered.ids);
    expect(memoryMailbox.delivered.filter((mail) => Object.values(people).some((p) => p.email === mail.to))).toHaveLength(3);
    expect(mailTo('Bo Berg')).toEqual([]);
    expect(mailTo('Dan Dorn')).toEqual([]);
    expect(mailTo('Quiet Quinn')).toEqual([]);
    const sent = await rows<{ status: string; attempts: number }>('SELECT status, attempts FROM email_outbox WHERE tenant_id = ?', t);
    expect(sent.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it("Ana's email quotes customers verbatim, attributed to the call (never the customer), with the SQL figures", async () => {
    const [mail] = mailTo('Ana Duarte');
    const text = decodePart(mail!.mime, 'text/plain')!;
    const html = decodePart(mail!.mime, 'text/html')!;
    expect(text).toContain(`“${ANA_PRAISE}” (a phone call on Tue 3 Nov)`);
    expect(text).toContain(`“${ANA_PRAISE_2}” (a phone call on Thu 5 Nov)`);
    expect(text).not.toContain('Last week Ana was kind.');
    expect(text + html).not.toContain('Carla');
    expect(text + html).not.toContain('carla@customer.example');
    expect(headerOf(mail!.mime, 'Subject')).toBe('Ana, customers praised you: 2 quotes from week 2026-W45');
    // Every quote in the email exists verbatim in that week's feedback about Ana.
    const feedback = await rows<{ body: string }>(
      `SELECT body FROM feedback WHERE tenant_id = ? AND employee_id = ? AND received_at >= ? AND received_at < ?`,
      t, localId(people['Ana Duarte']!.id), Date.parse('2026-11-02T00:00:00Z'), Date.parse('2026-11-09T00:00:00Z'));
    const praiseSection = text.slice(text.indexOf('WHAT CUSTOMERS PRAISED'), text.indexOf('THE NUMBERS'));
    const quotes = [...praiseSection.matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(feedback.some((row) => row.body.includes(quote)), quote).toBe(true);
    // The figure equals SQL's: two calls mentioned Ana, satisfaction (5 + 3) / 2.
    const [figure] = await rows<{ calls: number; average: number }>(
      `SELECT COUNT(DISTINCT c.id) AS calls, AVG(c.satisfaction) AS average FROM survey_calls c
       WHERE c.tenant_id = ? AND c.called_at >= ? AND c.called_at < ? AND EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = c.tenant_id AND f.call_id = c.id AND f.employee_id = ?)`,
      t, Date.parse('2026-11-02T00:00:00Z'), Date.parse('2026-11-09T00:00:00Z'), localId(people['Ana Duarte']!.id));
    expect(text).toContain(`${figure!.calls} survey calls mentioned you; those customers rated their visit ${figure!.average.toFixed(1)} out of 5 on average.`);
    // A focus area from the concern, framed as a next step, after the praise.
    expect(text.indexOf('NEXT STEPS')).toBeGreaterThan(text.indexOf('WHAT CUSTOMERS PRAISED'));
    expect(text).toMatch(/Next step: customers mentioned .* 1 time\./);
  });

  it('emails carry List-Id per kind and RFC 8058 one-click unsubscribe, with text and accessible HTML parts', async () => {
    const [mail] = mailTo('Ana Duarte');
    expect(headerOf(mail!.mime, 'List-Id')).toBe('Your weekly customer voice <employee-summary.frontcounter.example>');
    expect(headerOf(mail!.mime, 'List-Unsubscribe')).toMatch(/^<https:\/\/frontline\.test\/unsubscribe\?token=[\w%.-]+>$/);
    expect(headerOf(mail!.mime, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(mail!.mime, 'From')).toBe('"Front Counter Co" <summaries@frontcounter.example>');
    expect(headerOf(mail!.mime, 'Content-Type')).toMatch(/^multipart\/alternative; boundary=/);
    const html = decodePart(mail!.mime, 'text/html')!;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).not.toContain('<img');
    expect(html).toContain('Ana fixed my order in two minutes and smiled the whole time.');
    const [team] = mailTo('Leo Lima');
    expect(headerOf(team!.mime, 'List-Id')).toBe('Team weekly summary <team-summary.frontcounter.example>');
    const teamText = decodePart(team!.mime, 'text/plain')!;
    // Who was praised, by name (Dan has left: his praise still counts for the team, unnamed).
    expect(teamText).toContain('Praised by name: Ana Duarte (2), a former colleague (1), Bo Berg (1).');
    expect(teamText).toContain(`“${DAN_PRAISE}” (about a former colleague, a phone call on Fri 6 Nov)`);
    expect(teamText).toContain('The team logged 3 survey calls (up from 1 the week before).');
    const [director] = mailTo('Dee Dias');
    const directorText = decodePart(director!.mime, 'text/plain')!;
    // The three newest praises (two share a call, so which of them is third is a tie), each about its person.
    const lines = directorText.split('\n').filter((line) => line.startsWith('- “'));
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2)).toEqual([
      `- “${DAN_PRAISE}” (about a former colleague, a phone call on Fri 6 Nov)`,
      `- “${ANA_PRAISE_2}” (about Ana Duarte, a phone call on Thu 5 Nov)`,
    ]);
    expect([`- “${ANA_PRAISE}” (about Ana Duarte, a phone call on Tue 3 Nov)`, `- “${BO_PRAISE}” (about Bo Berg, a phone call on Tue 3 Nov)`]).toContain(lines[2]);
    expect(directorText).toContain('Average satisfaction on those calls: 4.0 out of 5 (2.0 the week before).');
  });

  it('firing the cron again and redelivering every message sends nothing more', async () => {
    const before = memoryMailbox.delivered.length;
    const summariesBefore = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM summaries WHERE tenant_id = ?', t);
    await fireCron(worker, '2026-11-09T08:00:00Z');
    await fireCron(worker, '2026-11-09T08:00:30Z');
    const compiles = queue.take(t);
    expect(compiles).toHaveLength(2);
    await deliver(worker, compiles, 2);
    const sends = queue.take(t);
    const outboxIds = (await rows<{ id: string }>('SELECT id FROM email_outbox WHERE tenant_id = ?', t)).map((row) => row.id);
    const result = await deliver(worker, [...sends, { type: 'send', tenantId: t, outboxIds }], 2);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(memoryMailbox.delivered.length).toBe(before);
    expect(await rows<{ n: number }>('SELECT COUNT(*) AS n FROM summaries WHERE tenant_id = ?', t)).toEqual(summariesBefore);
  });
});
