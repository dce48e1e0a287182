/** The local demo seed: two tenants in different trades, documented keys, safe to run twice. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { demoEmployees, seedDemo } from '../db/seed/demo.ts';
import { DEMO_TENANTS } from '../db/seed/demo-people.ts';
import { VOICE_BANKS } from '../db/seed/demo-voice-text.ts';
import { generateVoice } from '../db/seed/voice-generator.ts';
import { localParts } from '../features/summaries/schedule.ts';
import { data, TEST_NOW } from './helpers.ts';

describe('demo seed', () => {
  it('creates two tenants with 4+ teams and 20+ employees, reachable with the documented keys', async () => {
    const db = createDatabase(env.DB);
    await seedDemo(db, TEST_NOW);
    const rowsAfterFirst = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first();
    await seedDemo(db, new Date(TEST_NOW.getTime() + 86_400_000)); // a later start adds nothing
    expect(await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first()).toEqual(rowsAfterFirst);
    for (const [slug, name] of [['brewline', 'Brewline Coffee'], ['voltmart', 'Voltmart Appliances']] as const) {
      for (const role of ['admin', 'manager', 'reader'] as const) {
        const result = await data<{ viewer: { role: 'ADMIN' | 'EMPLOYEE' | 'MANAGER' | 'PLATFORM' | 'PUBLISHABLE' | 'READER'; tenant: { name: string } | null } }>(`fl_sk_dev_${slug}_${role}`, '{ viewer { role tenant { name } } }');
        expect(result.viewer).toEqual({ role: role.toUpperCase(), tenant: { name } });
      }
      const directory = await data<{ teams: { totalCount: number }; employees: { totalCount: number; edges: { node: { email: string; role: 'AGENT' | 'DIRECTOR' | 'LEAD' | 'MANAGER'; hiredAt: string } }[] } }>(`fl_sk_dev_${slug}_reader`, '{ teams { totalCount } employees(first: 100) { totalCount edges { node { email role hiredAt } } } }');
      expect(directory.teams.totalCount).toBeGreaterThanOrEqual(4);
      expect(directory.employees.totalCount).toBeGreaterThanOrEqual(20);
      const roles = new Set(directory.employees.edges.map((edge) => edge.node.role));
      expect([...roles].sort()).toEqual(['AGENT', 'DIRECTOR', 'LEAD', 'MANAGER']);
      expect(directory.employees.edges.every((edge) => /^[a-z.]+@[a-z]+\.example$/.test(edge.node.email))).toBe(true);
    }
    // A quarter of customer voice that shows something real right away.
    const voice = await data<{ surveyCalls: { totalCount: number; edges: { node: { answers: { answer: string }[]; mentions: { body: string; employee: { name: string } | null }[] } }[] }; complaintTrends: { theme: string; count: number; previousCount: number }[]; viewer: { tenant: { voice: { callCount: number; averageSatisfaction: number | null; nps: number | null; praiseCount: number; complaintCount: number; topPraise: { body: string; call: { id: string } | null }[] } } | null } }>('fl_sk_dev_brewline_reader', `{
      surveyCalls(first: 1) { totalCount edges { node { answers { answer } mentions { body employee { name } } } } }
      complaintTrends(granularity: WEEK) { theme count previousCount }
      viewer { tenant { voice { callCount averageSatisfaction nps praiseCount complaintCount topPraise { body call { id } } } } }
    }`);
    expect(voice.surveyCalls.totalCount).toBeGreaterThanOrEqual(100);
    expect(voice.complaintTrends.length).toBeGreaterThan(5);
    expect(voice.complaintTrends.some((trend) => trend.theme === 'Waiting time')).toBe(true);
    const summary = voice.viewer.tenant!.voice;
    expect(summary.callCount).toBeGreaterThan(50);
    expect(summary.averageSatisfaction).toBeGreaterThan(2.5);
    expect(summary.topPraise).toHaveLength(3);
    expect(summary.topPraise.every((quote) => quote.call!.id)).toBe(true);
    const tenants = await env.DB.prepare("SELECT count(*) AS n FROM tenants WHERE slug IN ('brewline', 'voltmart')").first<{ n: number }>();
    expect(tenants?.n).toBe(2);
  });
});

describe('demo seed across capabilities', () => {
  it('links budget spends to complaints about the same employee', async () => {
    await seedDemo(createDatabase(env.DB));
    const spends = await env.DB.prepare(
      "SELECT s.employee_id AS spender, f.employee_id AS about, f.kind FROM budget_spends s JOIN feedback f ON f.tenant_id = s.tenant_id AND f.id = s.feedback_id WHERE s.id LIKE 'spd_demo_%'",
    ).all<{ spender: string; about: string; kind: string }>();
    expect(spends.results.length).toBeGreaterThan(3);
    expect(spends.results.every((row) => row.spender === row.about && row.kind === 'complaint')).toBe(true);
  });

  it('complaint records carry a customer for their owner to reveal, and an owner by default', async () => {
    await seedDemo(createDatabase(env.DB));
    const records = await env.DB.prepare(
      "SELECT count(*) AS n, count(customer_name) AS named, count(customer_contact) AS reachable, count(DISTINCT customer_name) AS customers, sum(employee_id IS NOT NULL AND owner_id IS NOT employee_id) AS misowned FROM feedback WHERE source = 'complaint_record' AND kind = 'complaint' AND tenant_id IN (SELECT id FROM tenants WHERE slug IN ('brewline', 'voltmart'))",
    ).first<{ n: number; named: number; reachable: number; customers: number; misowned: number }>();
    expect(records!.n).toBeGreaterThan(200);
    expect(records).toMatchObject({ named: records!.n, reachable: records!.n, misowned: 0 });
    expect(records!.customers).toBeGreaterThan(100);
  });
});

describe('a demo quarter a person would believe', () => {
  const TRADE_THEMES: Record<string, Record<string, RegExp>> = {
    brewline: {
      waiting: /\b(waited|queue|wait)\b/i, accuracy: /\b(wrong|never came|missing|not decaf)\b/i, attitude: /\b(rude|ignored|eye roll|cold|friendly)\b/i,
      delivery: /\b(courier|catering|subscription|event cart)\b/i, condition: /\b(squashed|spilled|stale|leaked|already open)\b/i, refunds: /\brefund/i,
      price: /(€|prices|deal|extra for)/i, cleanliness: /\b(sticky|toilets|bins|dirty|spotless)\b/i, digital: /\b(app|website|wifi)\b/i,
      quality: /\b(lukewarm|watery|tasteless|bitter|burnt)\b/i, trade: /\b(seat|oat milk|soy milk|allergen|music|bean)\b/i,
    },
    voltmart: {
      waiting: /\b(on hold|waited|took \w+ minutes|longer than promised)\b/i, accuracy: /\b(wrong model|different colour|not in the order|never asked for|without the)\b/i,
      attitude: /\b(rude|hung up|talked down|pushed|sales pressure)\b/i, delivery: /\b(slot|driver|delivery|crew)\b/i, condition: /\b(dent|scratched|missing from|damaged)\b/i,
      refunds: /\brefund/i, price: /\b(cheaper|fee|price match|price-matched|costs)\b/i, cleanliness: /\b(mess|mud|dusty|grease|packaging)\b/i,
      digital: /\b(website|tracking|chat|app|text message)\b/i, quality: /\b(stopped working|louder|leaks|error code)\b/i, trade: /\b(installer|technician|warranty|engineer|recycling)\b/i,
    },
  };

  it('has hundreds of distinct texts covering every theme, many customers, working hours in the tenant’s zone and consistent histories', async () => {
    const db = createDatabase(env.DB);
    await seedDemo(db, TEST_NOW);
    for (const [slug, zone, opening] of [['brewline', 'Europe/Lisbon', [7, 19]], ['voltmart', 'America/Chicago', [9, 20]]] as const) {
      const tenantId = `ten_${slug}`;
      const texts = await env.DB.prepare(
        'SELECT text, count(*) AS n FROM (SELECT answer AS text FROM survey_answers WHERE tenant_id = ?1 UNION ALL SELECT body FROM feedback WHERE tenant_id = ?1) GROUP BY text ORDER BY n DESC',
      ).bind(tenantId).all<{ text: string; n: number }>();
      expect(texts.results.length, slug).toBeGreaterThanOrEqual(500); // was 16 answers + about 20 bodies
      expect(texts.results[0]!.n, texts.results[0]!.text).toBeLessThanOrEqual(4); // was up to 18 of one complaint
      for (const [theme, pattern] of Object.entries(TRADE_THEMES[slug]!)) {
        expect(texts.results.filter((row) => pattern.test(row.text)).length, `${slug} ${theme}`).toBeGreaterThanOrEqual(10);
      }

      const customers = await env.DB.prepare('SELECT customer_name AS name, customer_contact AS contact, count(*) AS calls FROM survey_calls WHERE tenant_id = ? GROUP BY customer_name ORDER BY calls DESC').bind(tenantId).all<{ name: string; contact: string; calls: number }>();
      expect(customers.results.length, slug).toBeGreaterThanOrEqual(150); // was 8
      expect(customers.results[0]!.calls, slug).toBeLessThanOrEqual(6); // was 29
      const implausible = customers.results.filter((row) => !/^[A-ZÀ-Ý][a-zà-ÿ]+ [A-ZÀ-Ý][a-zà-ÿ]+$/.test(row.name) || !/(@example\.(com|net|org)$|^\+44 7700 900\d{3}$|^\(312\) 555-01\d\d$)/.test(row.contact));
      expect(implausible, slug).toEqual([]);

      // Managers call on weekdays in office hours, and complaints come in while the shop is open, where the tenant is.
      const calls = await env.DB.prepare('SELECT called_at AS at FROM survey_calls WHERE tenant_id = ?').bind(tenantId).all<{ at: number }>();
      const outside = calls.results.map((row) => localParts(new Date(row.at), zone)).filter((local) => local.hour < 9 || local.hour >= 18 || local.weekday > 5);
      expect(outside, slug).toEqual([]);
      const records = await env.DB.prepare("SELECT received_at AS at FROM feedback WHERE tenant_id = ? AND source = 'complaint_record'").bind(tenantId).all<{ at: number }>();
      expect(records.results.map((row) => localParts(new Date(row.at), zone).hour).filter((hour) => hour < opening[0] || hour >= opening[1]), slug).toEqual([]);

      // A spend follows the complaint it answers; a resolved complaint has its note.
      const linked = await env.DB.prepare('SELECT s.created_at AS spent, f.received_at AS received FROM budget_spends s JOIN feedback f ON f.tenant_id = s.tenant_id AND f.id = s.feedback_id WHERE s.tenant_id = ?').bind(tenantId).all<{ spent: number; received: number }>();
      expect(linked.results.length, slug).toBeGreaterThanOrEqual(3);
      expect(linked.results.filter((row) => row.received > row.spent), slug).toEqual([]);
      const unexplained = await env.DB.prepare("SELECT count(*) AS n FROM feedback WHERE tenant_id = ? AND status = 'resolved' AND (resolution_note IS NULL OR resolution_note = '' OR resolved_at < received_at)").bind(tenantId).first<{ n: number }>();
      expect(unexplained!.n, slug).toBe(0);

      // Recognition through the quarter at many times of day, and most staff with some points.
      const given = await env.DB.prepare('SELECT created_at AS at, period FROM recognitions WHERE tenant_id = ?').bind(tenantId).all<{ at: number; period: string }>();
      const times = new Set(given.results.map((row) => { const local = localParts(new Date(row.at), zone); return `${local.hour}:${local.minute}`; }));
      expect(times.size, slug).toBeGreaterThanOrEqual(20); // was 1 (10:00)
      expect(new Set(given.results.map((row) => row.period)).size, slug).toBeGreaterThanOrEqual(3);
      // (Cafés work weekends, so a Saturday's recognition is fine; 3 a.m. is not.)
      const offHours = given.results.map((row) => localParts(new Date(row.at), zone)).filter((local) => local.hour < 9 || local.hour >= 18);
      expect(offHours, slug).toEqual([]);
      const balances = await data<{ employees: { totalCount: number; edges: { node: { pointsBalance: number } }[] } }>(`fl_sk_dev_${slug}_manager`, '{ employees(first: 100) { totalCount edges { node { pointsBalance } } } }');
      const withPoints = balances.employees.edges.filter((edge) => edge.node.pointsBalance > 0).length;
      expect(withPoints / balances.employees.totalCount, slug).toBeGreaterThanOrEqual(0.75); // was 3 in 24
    }
  });

  it('is deterministic: the same seed writes the same quarter, another seed another one', () => {
    const demo = DEMO_TENANTS[0]!;
    const options = { key: demo.slug, tenantId: 'ten_x', trade: demo.trade, employees: demoEmployees(demo), bank: VOICE_BANKS[demo.slug]!, now: TEST_NOW, weeks: 13, calls: 60, complaintRecords: 30, ideas: 5 };
    const once = generateVoice(options);
    expect(generateVoice(options)).toEqual(once);
    const other = generateVoice({ ...options, key: 'another' });
    expect(other.answers.map((answer) => answer.answer)).not.toEqual(once.answers.map((answer) => answer.answer));
  });
});
