/**
 * Demo recognition, incentives, rewards, ledgers and budgets for the two demo tenants, on top of
 * db/seed/demo.ts's people. Idempotent: fixed ids and ON CONFLICT DO NOTHING, written in batches.
 * Spends carry customer notes; db/seed/demo.ts then links each to a seeded complaint about the
 * same employee. Programs measure the seeded customer voice.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { periodContaining } from '../../domain/periods.ts';
import type { Database } from '../client.ts';
import { budgetSpendOutcomes, budgetSpends, empowermentBudgets, type SpendKind, type SpendOutcome, type SPEND_REASONS } from '../../features/budgets/tables.ts';
import { incentivePrograms, type IncentiveMetric, type PeriodKind, type ProgramScope } from '../../features/incentives/tables.ts';
import { recognitionPolicies, recognitionRecipients, recognitions } from '../../features/recognition/tables.ts';
import { DEMO_TENANTS } from './demo-people.ts';
import { redemptions, type RedemptionStatus, type RewardKind, type RewardStatus, rewards, rewardVotes } from '../../features/rewards/tables.ts';
import { pointsEntries } from '../../features/points/tables.ts';
import { localDayAt, localWeekday, workplaceOf } from './demo-clock.ts';
import type { ServiceTheme } from './demo-phrases.ts';
import { random } from './voice-generator.ts';

/** The month the demo data lives in (UTC), so the allowances and budgets shown are "this month" locally. */
/**
 * The demo month: the latest calendar month whose first 20 days are all in the past, so every
 * seeded date (day 1 to 20 of it) has happened and allowances, budgets and spends share one month.
 */
export function demoMonth(now: Date): { key: string; start: Date; end: Date; day: (d: number, hour?: number) => Date } {
  const period = periodContaining('month', new Date(now.getTime() - 20 * 86_400_000));
  const year = period.start.getUTCFullYear();
  const month = period.start.getUTCMonth();
  return { key: period.key, start: period.start, end: period.end, day: (d, hour = 10) => new Date(Date.UTC(year, month, d, hour)) };
}

interface DemoRecognitionData {
  slug: string;
  currency: string;
  /** [giver, recipients, team key or null, value, points each, message, day of month] */
  recognitions: [number, number[], string | null, string, number, string, number][];
  /** [key, name, metric, scope, employee or team key, target, period, points, withinHours] */
  programs: [string, string, IncentiveMetric, ProgramScope, number | string | null, number, PeriodKind, number, number | null][];
  /** [key, title, kind, cost, proposer, voters, status] */
  rewards: [string, string, RewardKind, number, number, number[], RewardStatus][];
  /** Opening balances: [employee, points, reason] */
  adjustments: [number, number, string][];
  /** [key, reward key, employee, status] */
  redemptions: [string, string, number, RedemptionStatus][];
  /** [employee, make-it-right (minor units), kindness giveaways] */
  budgets: [number, number, number][];
  /** [employee, kind, amount, reason, customer note, outcome, flagged, theme of the complaint it answers (null: none)] */
  spends: [number, SpendKind, number, (typeof SPEND_REASONS)[number], string, SpendOutcome, boolean, ServiceTheme | null][];
  /** Generated recognition through the quarter: what people did (`{names}`: the recipients' first names). */
  deeds: string[];
}

const DATA: DemoRecognitionData[] = [
  {
    slug: 'brewline',
    currency: 'EUR',
    recognitions: [
      [3, [4, 5], null, 'Teamwork', 10, 'Jonas and Aisha ran the 7am ferry rush with the espresso machine half down. Nobody waited more than five minutes.', 3],
      [20, [22], null, 'Care', 15, 'Amara stayed on the phone with a customer whose loyalty card was charged twice until it was fixed.', 5],
      [8, [9], null, 'Ownership', 10, 'Sofia reorganised the kiosk stock so we stopped running out of oat milk by noon.', 6],
      [12, [], 'roastery', 'Craft', 5, 'Saturday cupping sold out again: the whole roastery team made it happen.', 8],
      [22, [23], null, 'Care', 10, 'Ben walked a regular through the new app order flow at the counter.', 10],
      [5, [7], null, 'Teamwork', 5, 'Mei covered my shift at two hours notice.', 12],
      [17, [18, 19], null, 'Ownership', 10, 'Oliver and Lucía rebuilt the market stall after the storm and we still opened on time.', 14],
      [1, [], 'care', 'Care', 0, 'Complaint response times halved this month. Thank you, customer care.', 16],
      [21, [24], null, 'Craft', 10, 'Ingrid wrote the refund macro everyone now uses.', 18],
    ],
    programs: [
      ['praise', 'Harbour praise drive', 'praise_count', 'team', 'harbour', 10, 'month', 20, null],
      ['calls', 'Ten customer calls a month', 'survey_calls_made', 'employee', 20, 10, 'month', 30, null],
      ['fastfix', 'Complaints fixed within a day', 'complaints_resolved_within', 'tenant', null, 15, 'quarter', 15, 24],
    ],
    rewards: [
      ['lunch', 'Team lunch at the harbour', 'team_lunch', 300, 4, [3, 4, 5, 6, 7, 9, 22], 'approved'],
      ['halfday', 'Half day off', 'time_off', 200, 9, [8, 9, 10, 11, 23, 24], 'approved'],
      ['article', 'Story in the staff newsletter', 'commendation', 30, 22, [21, 22, 23], 'approved'],
      ['beans', 'Bag of the roastery’s single origin', 'gift', 40, 14, [13, 14], 'proposed'],
      ['barista', 'Latte art course', 'experience', 400, 6, [6], 'proposed'],
    ],
    adjustments: [
      [4, 120, 'Opening balance from the old stamp card scheme'],
      [22, 250, 'Opening balance from the old stamp card scheme'],
      [9, 220, 'Opening balance from the old stamp card scheme'],
    ],
    redemptions: [
      ['r1', 'article', 22, 'fulfilled'],
      ['r2', 'halfday', 9, 'requested'],
      ['r3', 'article', 4, 'cancelled'],
    ],
    budgets: [
      [20, 10000, 5],
      [21, 5000, 5],
      [22, 5000, 3],
      [23, 5000, 3],
      [24, 5000, 3],
      [3, 3000, 10],
    ],
    spends: [
      [22, 'make_it_right', 1250, 'order_error', 'Wrong cake in a birthday order: refunded and sent the right one by courier.', 'resolved', false, 'order_accuracy'],
      [23, 'kindness', 1, 'wait_time', 'Free pastry for the family who waited through the card reader outage.', 'resolved', false, 'waiting_time'],
      [24, 'make_it_right', 4500, 'product_issue', 'Grinder we sold broke in week one: replaced on the spot.', 'pending', false, 'product_quality'],
      [3, 'kindness', 2, 'goodwill', 'Coffees for the ferry crew who helped with the delivery.', 'resolved', false, null],
      [21, 'make_it_right', 800, 'service_failure', 'Double-charged loyalty card: refunded and added a free drink.', 'unresolved', false, 'refunds'],
    ],
    deeds: [
      '{names} ran the morning rush with one grinder down and kept smiling.',
      '{names} covered a sick colleague’s shift at short notice.',
      '{names} remembered a regular’s birthday and surprised her with a candle in her cake.',
      '{names} deep-cleaned the espresso machine after close without being asked.',
      '{names} trained the new starters on latte art.',
      '{names} calmed down a customer whose app order vanished and fixed it.',
      '{names} sorted the milk delivery mix-up before opening.',
      '{names} set up the event cart in the rain and served two hundred guests.',
      '{names} wrote the new allergen cards for the counter.',
      '{names} found a lost wallet and tracked down its owner.',
      '{names} kept the queue moving during the card reader outage.',
      '{names} rearranged the seating so wheelchair users can reach the window tables.',
    ],
  },
  {
    slug: 'voltmart',
    currency: 'EUR',
    recognitions: [
      [4, [5, 6], null, 'Care', 10, 'Ahmed and Emily stayed late to demo three washing machines to a customer with a newborn.', 2],
      [12, [13, 14], null, 'Ownership', 15, 'Viktor and Daniel rerouted six deliveries around the bridge closure without a single missed slot.', 4],
      [17, [18], null, 'Craft', 10, 'Matteo diagnosed the dryer fault everyone else missed.', 7],
      [20, [21, 22], null, 'Care', 10, 'Omar and Isabel called back every customer from the outage week.', 9],
      [16, [], 'repairs', 'Teamwork', 5, 'Repairs cleared the backlog before Black Friday.', 11],
      [9, [10], null, 'Teamwork', 5, 'Olivia took over my customer mid-sale when I was called away.', 13],
      [2, [], 'care', 'Care', 0, 'Fewest repeat complaints of the year. Well done, care team.', 15],
    ],
    programs: [
      ['praise', 'Delivery praise', 'praise_count', 'team', 'delivery', 8, 'month', 25, null],
      ['sat', 'Showroom North satisfaction 4.5+', 'average_satisfaction', 'team', 'showroom-north', 4.5, 'quarter', 40, null],
      ['fastfix', 'Care: complaints fixed within 48h', 'complaints_resolved_within', 'team', 'care', 12, 'month', 20, 48],
    ],
    rewards: [
      ['friday', 'Early finish on a Friday', 'time_off', 150, 6, [5, 6, 7, 9, 10, 13, 14], 'approved'],
      ['bbq', 'Team barbecue', 'team_lunch', 350, 13, [12, 13, 14, 15], 'approved'],
      ['wall', 'Photo on the wall of fame', 'commendation', 20, 21, [21, 22, 23, 24], 'approved'],
      ['discount', 'Staff discount on a TV', 'gift', 500, 10, [10, 11], 'proposed'],
      ['parking', 'Reserved parking spot for a month', 'other', 250, 18, [], 'retired'],
    ],
    adjustments: [
      [13, 400, 'Opening balance'],
      [21, 100, 'Opening balance'],
      [6, 160, 'Opening balance'],
    ],
    redemptions: [
      ['r1', 'wall', 21, 'fulfilled'],
      ['r2', 'friday', 6, 'requested'],
      ['r3', 'bbq', 13, 'cancelled'],
    ],
    budgets: [
      [20, 15000, 5],
      [21, 8000, 4],
      [22, 8000, 4],
      [13, 5000, 6],
      [14, 5000, 6],
    ],
    spends: [
      [21, 'make_it_right', 4000, 'service_failure', 'Fridge delivered with a dent: discount applied at the door.', 'resolved', false, 'product_condition'],
      [13, 'kindness', 1, 'wait_time', 'Late delivery: left a box of chocolates with the customer.', 'resolved', false, 'delivery'],
      [22, 'make_it_right', 9000, 'product_issue', 'Oven failed twice: refunded installation and extended warranty (over budget, flagged).', 'pending', true, 'product_quality'],
      [14, 'kindness', 2, 'goodwill', 'Carried an elderly customer’s old washer to recycling.', 'resolved', false, null],
    ],
    deeds: [
      '{names} rerouted the afternoon deliveries around the road closure.',
      '{names} stayed late to finish an installation so a family had a working fridge for the weekend.',
      '{names} diagnosed a tricky dishwasher fault on the first visit.',
      '{names} called every customer whose delivery slot moved.',
      '{names} walked an elderly customer through her new oven, twice, patiently.',
      '{names} cleared the repair backlog before the holiday weekend.',
      '{names} spotted a damaged fridge in the warehouse before it went out.',
      '{names} rewrote the returns checklist so nobody gets wrong information.',
      '{names} covered the phone line during the outage and kept hold times down.',
      '{names} helped a customer compare five washing machines without any pressure.',
      '{names} carried a range cooker up four flights with a smile.',
      '{names} trained the new showroom staff on energy labels.',
    ],
  },
];

/** Employee numbers per team key, in the order db/seed/demo.ts numbers the demo people. */
function membersByTeam(slug: string): Map<string, number[]> {
  const demo = DEMO_TENANTS.find((tenant) => tenant.slug === slug);
  const members = new Map<string, number[]>();
  if (!demo) return members;
  let index = demo.leadership.length;
  for (const team of demo.teams) members.set(team.key, team.members.map(() => ++index));
  return members;
}

const emp = (slug: string, index: number) => `emp_${slug}_${String(index).padStart(3, '0')}`;
const team = (slug: string, key: string) => `team_${slug}_${key.replace(/-/g, '_')}`;

function tenantStatements(db: Database, demo: DemoRecognitionData, now: Date): BatchItem<'sqlite'>[] {
  const { key: MONTH, start: monthStart, end: monthEnd, day } = demoMonth(now);
  const tenantId = `ten_${demo.slug}`;
  const id = (kind: string, key: string | number) => `${kind}_demo_${demo.slug}_${key}`;
  const out: BatchItem<'sqlite'>[] = [
    db
      .insert(recognitionPolicies)
      .values({ id: id('pol', 'policy'), tenantId, monthlyGivingAllowance: 100, recipientMonthlyCap: 150, companyValues: ['Care', 'Ownership', 'Craft', 'Teamwork'], overspendPolicy: demo.slug === 'voltmart' ? 'flag' : 'refuse', updatedAt: now })
      .onConflictDoNothing(),
  ];
  const teamMembers = (key: string) => membersByTeam(demo.slug).get(key) ?? [];

  const { timeZone } = workplaceOf(demo.slug);
  demo.recognitions.forEach(([giver, named, teamKey, value, points, message, d], index) => {
    const recipients = (teamKey ? teamMembers(teamKey) : named).filter((person) => person !== giver);
    const recId = id('rec', index);
    // On day d of the demo month, at a varied time in office hours where the tenant is.
    const createdAt = localDayAt(timeZone, day(d, 12), 0, 9 + ((index * 5) % 8), (index * 23) % 60);
    out.push(
      db.insert(recognitions).values({
        id: recId, tenantId, giverId: emp(demo.slug, giver), teamId: teamKey ? team(demo.slug, teamKey) : null, message, value,
        pointsEach: points, pointsTotal: points * recipients.length, period: MONTH, createdAt,
      }).onConflictDoNothing(),
    );
    for (const person of recipients) {
      out.push(db.insert(recognitionRecipients).values({ id: id('rcp', `${index}_${person}`), tenantId, recognitionId: recId, employeeId: emp(demo.slug, person), points, period: MONTH }).onConflictDoNothing());
      if (points > 0) {
        out.push(
          db.insert(pointsEntries).values({
            id: id('pts', `rec${index}_${person}`), tenantId, employeeId: emp(demo.slug, person), kind: 'recognition', delta: points,
            reason: `Recognition for ${value}`, actor: emp(demo.slug, giver), recognitionId: recId, createdAt,
          }).onConflictDoNothing(),
        );
      }
    }
  });

  out.push(...generatedRecognitionStatements(db, demo, now));

  for (const [key, name, metric, scope, subject, target, period, points, withinHours] of demo.programs) {
    out.push(
      db.insert(incentivePrograms).values({
        id: id('prg', key), tenantId, name, metric, scope, target, period, points, withinHours,
        employeeId: scope === 'employee' && typeof subject === 'number' ? emp(demo.slug, subject) : null,
        teamId: scope === 'team' && typeof subject === 'string' ? team(demo.slug, subject) : null,
        createdBy: `key_dev_${demo.slug}_manager`, createdAt: day(1, 8), updatedAt: day(1, 8),
      }).onConflictDoNothing(),
    );
  }

  const costs = new Map<string, { cost: number; title: string }>();
  for (const [key, title, kind, cost, proposer, allVoters, status] of demo.rewards) {
    costs.set(key, { cost, title });
    // A proposer does not vote for their own reward (separation of duties).
    const voters = allVoters.filter((voter) => voter !== proposer);
    out.push(
      db.insert(rewards).values({
        id: id('rwd', key), tenantId, title, kind, cost, status, proposedById: emp(demo.slug, proposer), voteCount: voters.length,
        decidedBy: status === 'proposed' ? null : emp(demo.slug, 1), decidedAt: status === 'proposed' ? null : day(15, 9), createdAt: day(2, 9), updatedAt: day(2, 9),
      }).onConflictDoNothing(),
    );
    for (const voter of voters) {
      out.push(db.insert(rewardVotes).values({ id: id('vote', `${key}_${voter}`), tenantId, rewardId: id('rwd', key), employeeId: emp(demo.slug, voter), createdAt: day(3) }).onConflictDoNothing());
    }
  }

  demo.adjustments.forEach(([person, points, reason], index) => {
    out.push(
      db.insert(pointsEntries).values({ id: id('pts', `adj${index}`), tenantId, employeeId: emp(demo.slug, person), kind: 'adjustment', delta: points, reason, actor: `key_dev_${demo.slug}_admin`, createdAt: day(1, 7) }).onConflictDoNothing(),
    );
  });

  for (const [key, rewardKey, person, status] of demo.redemptions) {
    const reward = costs.get(rewardKey)!;
    const redemptionId = id('rdm', key);
    out.push(
      db.insert(redemptions).values({
        id: redemptionId, tenantId, rewardId: id('rwd', rewardKey), employeeId: emp(demo.slug, person), cost: reward.cost, status,
        decidedBy: status === 'requested' ? null : `key_dev_${demo.slug}_manager`, decidedAt: status === 'requested' ? null : day(19), createdAt: day(17),
      }).onConflictDoNothing(),
      db.insert(pointsEntries).values({
        id: id('pts', `rdm_${key}`), tenantId, employeeId: emp(demo.slug, person), kind: 'redemption', delta: -reward.cost,
        reason: `Redeemed: ${reward.title}`, actor: emp(demo.slug, person), redemptionId, createdAt: day(17),
      }).onConflictDoNothing(),
    );
    if (status === 'cancelled') {
      out.push(
        db.insert(pointsEntries).values({
          id: id('pts', `refund_${key}`), tenantId, employeeId: emp(demo.slug, person), kind: 'refund', delta: reward.cost,
          reason: 'Redemption cancelled: points refunded', actor: `key_dev_${demo.slug}_manager`, redemptionId, createdAt: day(19),
        }).onConflictDoNothing(),
      );
    }
  }

  for (const [person, amount, kindness] of demo.budgets) {
    out.push(
      db.insert(empowermentBudgets).values({
        id: id('bud', person), tenantId, employeeId: emp(demo.slug, person), period: 'month', periodKey: MONTH,
        startsAt: monthStart, endsAt: monthEnd, makeItRightAmount: amount, currency: demo.currency, kindnessCount: kindness, createdAt: monthStart, updatedAt: monthStart,
        setBy: `key_dev_${demo.slug}_manager`,
      }).onConflictDoNothing(),
    );
  }
  demo.spends.forEach(([person, kind, amount, reasonCode, customerNote, outcome, flagged], index) => {
    out.push(
      db.insert(budgetSpends).values({
        id: id('spd', index), tenantId, budgetId: id('bud', person), employeeId: emp(demo.slug, person), kind, amount, reasonCode, customerNote,
        flagged, outcome, outcomeAt: outcome === 'pending' ? null : day(20), createdAt: demoSpendAt(demo.slug, now, index),
      }).onConflictDoNothing(),
    );
    if (outcome !== 'pending') {
      out.push(
        db.insert(budgetSpendOutcomes).values({
          id: id('sdo', index), tenantId, spendId: id('spd', index), fromOutcome: 'pending', outcome, recordedBy: emp(demo.slug, person), createdAt: day(20),
        }).onConflictDoNothing(),
      );
    }
  });
  return out;
}

/**
 * When demo spend `index` was made: on day 8 + index of the demo month, in the early afternoon
 * where the tenant is (so the complaint it answers, a few hours earlier, was in opening hours).
 */
export function demoSpendAt(slug: string, now: Date, index: number): Date {
  const { timeZone } = workplaceOf(slug);
  return localDayAt(timeZone, demoMonth(now).day(8 + index, 12), 0, 13 + (index % 3), (index * 19) % 60);
}

/** The demo spends that answer a complaint: the voice seed writes that complaint before the spend. */
export function demoSpendsAnsweringComplaints(slug: string, now: Date) {
  const demo = DATA.find((tenant) => tenant.slug === slug);
  if (!demo) return [];
  return demo.spends.flatMap(([person, , , , customerNote, outcome, , theme], index) =>
    theme
      ? [{ index, employeeId: emp(slug, person), theme, at: demoSpendAt(slug, now, index), resolved: outcome === 'resolved', note: customerNote }]
      : [],
  );
}

/** The demo tenant's people as numbered in db/seed/demo.ts: [number, first name]. */
function firstNames(slug: string): Map<number, string> {
  const demo = DEMO_TENANTS.find((tenant) => tenant.slug === slug);
  const names = new Map<number, string>();
  if (!demo) return names;
  [...demo.leadership, ...demo.teams.flatMap((team) => team.members)].forEach(([name], i) => names.set(i + 1, name.split(' ')[0]!));
  return names;
}

/** Recognitions generated per demo tenant, spread over the quarter before the seed runs. */
const GENERATED_RECOGNITIONS = 40;

/**
 * Peer recognition through the quarter: weekdays in office hours where the tenant is, at varied
 * times, one or two recipients each, chosen so that nearly everyone receives some. Within the
 * policy (100 points given per giver and 150 received per person per month), so the allowances
 * shown stay true.
 */
function generatedRecognitionStatements(db: Database, demo: DemoRecognitionData, now: Date): BatchItem<'sqlite'>[] {
  const rand = random(`${demo.slug}_recognition`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const { timeZone, office } = workplaceOf(demo.slug);
  const names = firstNames(demo.slug);
  const people = [...names.keys()];
  const tenantId = `ten_${demo.slug}`;
  const id = (kind: string, key: string | number) => `${kind}_demo_${demo.slug}_${key}`;
  const given = new Map<string, number>();
  const received = new Map<string, number>();
  const demoMonthKey = demoMonth(now).key;
  // What the hand-written recognitions of the demo month already use.
  for (const [giver, named, , , points] of demo.recognitions) {
    given.set(`${demoMonthKey}:${giver}`, (given.get(`${demoMonthKey}:${giver}`) ?? 0) + points * Math.max(named.length, 1));
    for (const person of named) received.set(`${demoMonthKey}:${person}`, (received.get(`${demoMonthKey}:${person}`) ?? 0) + points);
  }
  // Recipients in a shuffled round so everyone comes up before anyone twice.
  const order = [...people];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let next = 0;
  const start = new Date(now.getTime() - 13 * 7 * 86_400_000);
  const out: BatchItem<'sqlite'>[] = [];
  for (let n = 0; n < GENERATED_RECOGNITIONS; n++) {
    let dayIndex = Math.floor(rand() * 91);
    while (localWeekday(timeZone, start, dayIndex) > 5) dayIndex -= 1;
    const minute = office[0] * 60 + Math.floor(rand() * (office[1] - office[0]) * 60);
    const createdAt = localDayAt(timeZone, start, Math.max(dayIndex, 0), Math.floor(minute / 60), minute % 60);
    if (createdAt.getTime() > now.getTime() - 60_000) continue; // not in the future
    const month = periodContaining('month', createdAt).key;
    const points = pick([5, 5, 10, 10, 10, 15]);
    const count = rand() < 0.3 ? 2 : 1;
    const recipients: number[] = [];
    const giver = pick(people);
    for (let tries = 0; recipients.length < count && tries < people.length; tries++) {
      const person = order[next++ % order.length]!;
      if (person === giver || recipients.includes(person) || (received.get(`${month}:${person}`) ?? 0) + points > 150) continue;
      recipients.push(person);
    }
    const total = points * recipients.length;
    if (!recipients.length || (given.get(`${month}:${giver}`) ?? 0) + total > 100) continue;
    given.set(`${month}:${giver}`, (given.get(`${month}:${giver}`) ?? 0) + total);
    for (const person of recipients) received.set(`${month}:${person}`, (received.get(`${month}:${person}`) ?? 0) + points);
    const recId = id('rec', `g${n}`);
    const message = pick(demo.deeds).replace('{names}', recipients.map((person) => names.get(person)).join(' and '));
    const value = pick(['Care', 'Ownership', 'Craft', 'Teamwork']);
    out.push(
      db.insert(recognitions).values({
        id: recId, tenantId, giverId: emp(demo.slug, giver), teamId: null, message, value, pointsEach: points, pointsTotal: total, period: month, createdAt,
      }).onConflictDoNothing(),
    );
    for (const person of recipients) {
      out.push(
        db.insert(recognitionRecipients).values({ id: id('rcp', `g${n}_${person}`), tenantId, recognitionId: recId, employeeId: emp(demo.slug, person), points, period: month }).onConflictDoNothing(),
        db.insert(pointsEntries).values({
          id: id('pts', `recg${n}_${person}`), tenantId, employeeId: emp(demo.slug, person), kind: 'recognition', delta: points,
          reason: `Recognition for ${value}`, actor: emp(demo.slug, giver), recognitionId: recId, createdAt,
        }).onConflictDoNothing(),
      );
    }
  }
  return out;
}

/** Seeds recognition and rewards for both demo tenants (after their people exist). */
export async function seedDemoRecognition(db: Database, now: Date = new Date()): Promise<number> {
  let count = 0;
  for (const demo of DATA) {
    const statements = tenantStatements(db, demo, now);
    for (let i = 0; i < statements.length; i += 50) {
      const [first, ...rest] = statements.slice(i, i + 50);
      if (first) await db.batch([first, ...rest]);
    }
    count += statements.length;
  }
  return count;
}
