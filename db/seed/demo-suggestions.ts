/**
 * Demo suggestions, experiments and team meetings for the two demo tenants: suggestions in every
 * status (some anonymous), votes, comments and replies, experiments with outcomes (one failed, with
 * its lessons), and upcoming meetings with agenda items. Idempotent: fixed ids and ON CONFLICT DO
 * NOTHING. Dates are relative to the first seeding, so trends and "upcoming" make sense locally.
 *
 * Anonymous demo suggestions store no author, like real ones; their local-only follow codes are
 * `fl_fc_dev_<slug>_<n>` (see README).
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { hashFollowCode } from '../../features/suggestions/follow-codes.ts';
import { themesOf } from '../../features/voice/rules/themes.ts';
import type { Database } from '../client.ts';
import { agendaItems, agendaVotes, meetings } from '../../features/meetings/tables.ts';
import { writtenAt } from '../columns.ts';
import {
  experiments,
  suggestionComments,
  suggestionFollows,
  suggestionHistory,
  suggestions,
  suggestionThemes,
  suggestionVotes,
  type ExperimentOutcome,
  type SuggestionCategory,
  type SuggestionStatus,
} from '../../features/suggestions/tables.ts';

interface DemoExperiment {
  hypothesis: string;
  successMeasure: string;
  owner: number;
  outcome?: ExperimentOutcome;
  lessons?: string;
}

interface DemoSuggestion {
  team: string | null;
  /** Employee number (emp_<slug>_NNN), or null for an anonymous suggestion. */
  author: number | null;
  category: SuggestionCategory;
  title: string;
  body: string;
  /** Statuses after SUBMITTED, in order. */
  path: SuggestionStatus[];
  declineReason?: string;
  experiment?: DemoExperiment;
  voters: number[];
  comments?: [number, string][];
  reply?: string;
  daysAgo: number;
}

interface DemoMeeting {
  team: string;
  title: string;
  inDays: number;
  items: { proposer: number; title: string; details?: string; voters: number[] }[];
}

const EXPERIMENT_PATH: SuggestionStatus[] = ['under_review', 'accepted', 'experimenting'];

const BREWLINE: { suggestions: DemoSuggestion[]; meetings: DemoMeeting[] } = {
  suggestions: [
    { team: 'harbour', author: 4, category: 'repeated_question', title: 'Wifi password on every table', body: 'Customers ask for the wifi password all morning; a card on each table would stop the repeated question.', path: [], voters: [5, 6, 7, 9], comments: [[5, 'Same at the till every ten minutes.']], daysAgo: 2 },
    { team: 'harbour', author: null, category: 'avoidable_task', title: 'Fridge temperature log by hand', body: 'We write the fridge temperature log by hand three times a shift and nobody reads it.', path: ['under_review'], voters: [4, 5], reply: 'Checking with food safety whether a digital logger is allowed.', daysAgo: 5 },
    { team: 'riverside', author: 9, category: 'long_process', title: 'Refunds need a manager call', body: 'A refund under five euros needs a call to the manager; the queue waits while we phone.', path: ['under_review', 'accepted'], voters: [8, 10, 11, 4], reply: 'Accepted: we will trial a small refund allowance.', daysAgo: 12 },
    { team: 'roastery', author: 13, category: 'cost_saving', title: 'Reuse the bean sacks', body: 'Jute bean sacks go in the bin; a local garden centre would buy them.', path: [...EXPERIMENT_PATH, 'adopted'], experiment: { hypothesis: 'The garden centre takes all sacks and pays for pickup.', successMeasure: 'Sacks collected per week and bin cost', owner: 12, outcome: 'succeeded', lessons: 'Collection every Friday works; label the pile so it is not binned.' }, voters: [12, 14, 15], daysAgo: 40 },
    { team: 'harbour', author: 5, category: 'service_idea', title: 'Pre-order for the ferry rush', body: 'Let commuters pre-order in the app before the ferry docks; the morning rush queue is long.', path: [...EXPERIMENT_PATH], experiment: { hypothesis: 'Pre-orders cut the 7:30 queue by a third.', successMeasure: 'Queue length at 7:30, counted daily' , owner: 3 }, voters: [3, 4, 6, 7, 8], comments: [[6, 'We need a separate pickup shelf.']], daysAgo: 20 },
    { team: 'riverside', author: null, category: 'service_idea', title: 'Loyalty stamps on paper', body: 'Paper stamp cards for the kiosk regulars instead of the app.', path: [...EXPERIMENT_PATH, 'declined'], experiment: { hypothesis: 'Paper stamp cards bring regulars back more often.', successMeasure: 'Repeat visits per week', owner: 8, outcome: 'failed', lessons: 'Cards got lost and were easy to copy; regulars already used the app. Try app nudges instead.' }, voters: [9, 10], daysAgo: 50 },
    { team: null, author: null, category: 'other', title: 'Staff room heating', body: 'The staff room heating is off before opening; the early shift starts cold.', path: ['under_review', 'declined'], declineReason: 'The landlord controls the heating timer; we raised it with them.', voters: [4, 9, 13], daysAgo: 9 },
    { team: 'care', author: 22, category: 'repeated_question', title: 'Opening hours on the phone menu', body: 'Half our calls ask the opening hours; put them in the phone menu.', path: ['under_review', 'accepted', 'experimenting'], experiment: { hypothesis: 'Hours in the phone menu remove a third of calls.', successMeasure: 'Calls per day about opening hours', owner: 20, outcome: 'inconclusive', lessons: 'Calls dropped in week one but a holiday skewed week two; run it again in January.' }, voters: [20, 21, 23], daysAgo: 30 },
  ],
  meetings: [
    { team: 'harbour', title: 'Harbour Street weekly huddle', inDays: 3, items: [
      { proposer: 4, title: 'Swap rules for early shifts', details: 'How do we swap the 6am shift fairly?', voters: [5, 6, 7] },
      { proposer: 6, title: 'Pickup shelf for pre-orders', voters: [4, 5] },
      { proposer: 7, title: 'Milk delivery timing', voters: [] },
    ] },
    { team: 'riverside', title: 'Riverside kiosk monthly', inDays: 10, items: [
      { proposer: 9, title: 'Refund allowance trial', details: 'What counts as a small refund?', voters: [8, 10] },
      { proposer: 10, title: 'Winter opening hours', voters: [11] },
    ] },
  ],
};

const VOLTMART: { suggestions: DemoSuggestion[]; meetings: DemoMeeting[] } = {
  suggestions: [
    { team: 'showroom-north', author: 5, category: 'repeated_question', title: 'Energy label explainer', body: 'Customers ask what the energy label letters mean; a printed explainer by the fridges would answer it.', path: [], voters: [4, 6], daysAgo: 3 },
    { team: 'delivery', author: null, category: 'avoidable_task', title: 'Double entry of delivery slots', body: 'We type every delivery slot into the van planner and again into the spreadsheet.', path: ['under_review'], voters: [13, 14, 15], reply: 'Thanks, we are asking IT whether the planner can export.', daysAgo: 6 },
    { team: 'repairs', author: 18, category: 'long_process', title: 'Warranty check takes three systems', body: 'Checking a warranty needs three systems and the serial number typed three times.', path: ['under_review', 'accepted'], voters: [17, 19, 20], daysAgo: 14 },
    { team: 'care', author: 22, category: 'cost_saving', title: 'Email instead of posted letters', body: 'We post repair confirmations; email would save postage.', path: [...EXPERIMENT_PATH, 'adopted'], experiment: { hypothesis: 'Customers accept email confirmations.', successMeasure: 'Complaints about missing letters, postage cost', owner: 21, outcome: 'succeeded', lessons: 'Keep post for customers without email; ask at the till.' }, voters: [21, 23], daysAgo: 45 },
    { team: 'showroom-south', author: null, category: 'service_idea', title: 'Evening demo sessions', body: 'Evening demo sessions for induction hobs would help customers decide.', path: [...EXPERIMENT_PATH], experiment: { hypothesis: 'Evening demos raise hob sales.', successMeasure: 'Hob sales on demo evenings vs other evenings', owner: 9 }, voters: [9, 10, 11], daysAgo: 18 },
    { team: 'delivery', author: 14, category: 'service_idea', title: 'Text the driver photo', body: 'Send customers a photo of the driver before arrival.', path: [...EXPERIMENT_PATH, 'declined'], experiment: { hypothesis: 'Driver photos cut no-answer deliveries.', successMeasure: 'Failed deliveries per week', owner: 13, outcome: 'failed', lessons: 'No change in failed deliveries; drivers disliked it. Calling 30 minutes ahead worked better.' }, voters: [15], daysAgo: 55 },
    { team: null, author: null, category: 'other', title: 'Uniform sizes', body: 'The new uniforms only come in three sizes.', path: ['declined'], declineReason: 'Covered by the uniform supplier change in spring.', voters: [4], daysAgo: 8 },
  ],
  meetings: [
    { team: 'delivery', title: 'Delivery team briefing', inDays: 2, items: [
      { proposer: 14, title: 'Van loading order', details: 'Load by route, not by size.', voters: [13, 15, 16] },
      { proposer: 15, title: 'Spreadsheet double entry', voters: [14] },
    ] },
    { team: 'care', title: 'Customer care weekly', inDays: 6, items: [
      { proposer: 22, title: 'Callback scripts', voters: [21, 23] },
    ] },
  ],
};

const DAY = 86_400_000;

async function tenantStatements(db: Database, slug: string, demo: typeof BREWLINE, now: number): Promise<BatchItem<'sqlite'>[]> {
  const tenantId = `ten_${slug}`;
  const emp = (n: number) => `emp_${slug}_${String(n).padStart(3, '0')}`;
  const team = (key: string) => `team_${slug}_${key.replace(/-/g, '_')}`;
  const reviewerKey = `key_dev_${slug}_manager`;
  const statements: BatchItem<'sqlite'>[] = [];
  let anonymousCount = 0;
  for (const [index, spec] of demo.suggestions.entries()) {
    const id = `sug_demo_${slug}_${String(index + 1).padStart(2, '0')}`;
    const createdAt = new Date(now - spec.daysAgo * DAY);
    const status: SuggestionStatus = spec.path.at(-1) ?? 'submitted';
    const followCode = spec.author === null ? `fl_fc_dev_${slug}_${++anonymousCount}` : null;
    const teamId = spec.team ? team(spec.team) : null;
    statements.push(
      db
        .insert(suggestions)
        .values({
          id,
          tenantId,
          teamId,
          authorId: spec.author === null ? null : emp(spec.author),
          anonymous: spec.author === null,
          followCodeHash: followCode ? await hashFollowCode(followCode) : null,
          category: spec.category,
          title: spec.title,
          body: spec.body,
          status,
          // As concludeExperiment does: a failed experiment declines its suggestion with the lessons.
          declineReason: status === 'declined' ? (spec.experiment?.outcome === 'failed' ? (spec.experiment.lessons ?? null) : (spec.declineReason ?? null)) : null,
          voteCount: spec.voters.length,
          createdAt,
          updatedAt: createdAt,
        })
        .onConflictDoNothing(),
    );
    let from: SuggestionStatus | null = null;
    for (const [step, to] of (['submitted', ...spec.path] as SuggestionStatus[]).entries()) {
      const submission = step === 0;
      statements.push(
        db
          .insert(suggestionHistory)
          .values({
            id: `sgh_${id}_${step}`,
            tenantId,
            suggestionId: id,
            fromStatus: from,
            toStatus: to,
            actorEmployeeId: submission ? (spec.author === null ? null : emp(spec.author)) : null,
            actorKeyId: submission ? null : reviewerKey,
            note: null,
            createdAt: new Date(createdAt.getTime() + step * DAY),
          })
          .onConflictDoNothing(),
      );
      from = to;
    }
    for (const theme of themesOf(`${spec.title}. ${spec.body}`, 5)) {
      statements.push(
        db
          .insert(suggestionThemes)
          .values({ id: `sth_${id}_${theme.key.replace(/\W+/g, '_')}`, tenantId, suggestionId: id, theme: theme.key, label: theme.label, category: spec.category, teamId, createdAt })
          .onConflictDoNothing(),
      );
    }
    for (const voter of spec.voters) {
      statements.push(db.insert(suggestionVotes).values({ id: `svote_${id}_${voter}`, tenantId, suggestionId: id, employeeId: emp(voter), createdAt }).onConflictDoNothing());
    }
    if (spec.author !== null) {
      statements.push(db.insert(suggestionFollows).values({ id: `sfol_${id}_${spec.author}`, tenantId, suggestionId: id, employeeId: emp(spec.author), createdAt }).onConflictDoNothing());
    }
    for (const [n, [author, body]] of (spec.comments ?? []).entries()) {
      statements.push(
        db.insert(suggestionComments).values({ id: `scom_${id}_${n}`, tenantId, suggestionId: id, kind: 'comment', authorId: emp(author), body, createdAt: new Date(createdAt.getTime() + DAY / 2) }).onConflictDoNothing(),
      );
    }
    if (spec.reply) {
      statements.push(
        db.insert(suggestionComments).values({ id: `scom_${id}_reply`, tenantId, suggestionId: id, kind: 'reply', authorId: null, body: spec.reply, createdAt: new Date(createdAt.getTime() + DAY) }).onConflictDoNothing(),
      );
    }
    if (spec.experiment) {
      const startsOn = new Date(createdAt.getTime() + 3 * DAY);
      const endsOn = new Date(startsOn.getTime() + 14 * DAY);
      const e = spec.experiment;
      statements.push(
        db
          .insert(experiments)
          .values({
            id: `exp_demo_${slug}_${index + 1}`,
            tenantId,
            suggestionId: id,
            hypothesis: e.hypothesis,
            successMeasure: e.successMeasure,
            ownerId: emp(e.owner),
            startsOn: startsOn.toISOString().slice(0, 10),
            endsOn: endsOn.toISOString().slice(0, 10),
            outcome: e.outcome ?? null,
            lessons: e.lessons ?? null,
            concludedAt: e.outcome ? endsOn : null,
            ...writtenAt(startsOn),
          })
          .onConflictDoNothing(),
      );
    }
  }
  for (const [index, meeting] of demo.meetings.entries()) {
    const id = `meet_demo_${slug}_${index + 1}`;
    const scheduledAt = new Date(Math.floor((now + meeting.inDays * DAY) / DAY) * DAY + 9 * 3_600_000);
    statements.push(db.insert(meetings).values({ id, tenantId, teamId: team(meeting.team), title: meeting.title, scheduledAt, ...writtenAt(new Date(now)) }).onConflictDoNothing());
    for (const [n, item] of meeting.items.entries()) {
      const itemId = `agi_demo_${slug}_${index + 1}_${n + 1}`;
      statements.push(
        db
          .insert(agendaItems)
          .values({ id: itemId, tenantId, meetingId: id, proposerId: emp(item.proposer), title: item.title, details: item.details ?? null, voteCount: item.voters.length, createdAt: new Date(now) })
          .onConflictDoNothing(),
      );
      for (const voter of item.voters) {
        statements.push(db.insert(agendaVotes).values({ id: `avote_${itemId}_${voter}`, tenantId, itemId, employeeId: emp(voter), createdAt: new Date(now) }).onConflictDoNothing());
      }
    }
  }
  return statements;
}

/** Statements per db.batch call, to stay well inside D1's limits per batch. */
const CHUNK = 50;

/** Seeds the demo suggestions, experiments and meetings of both demo tenants (after the people). */
export async function seedDemoSuggestions(db: Database, now = Date.now()): Promise<number> {
  let count = 0;
  for (const [slug, demo] of [['brewline', BREWLINE], ['voltmart', VOLTMART]] as const) {
    const statements = await tenantStatements(db, slug, demo, now);
    for (let start = 0; start < statements.length; start += CHUNK) {
      const [first, ...rest] = statements.slice(start, start + CHUNK);
      if (first) await db.batch([first, ...rest]);
    }
    count += statements.length;
  }
  return count;
}
