/**
 * Generates a realistic stretch of customer voice for a tenant: survey calls with answers in
 * customers' words, mentions of named employees, complaint records whose themes rise and fall, and
 * ideas. Texts come from db/seed/demo-phrases.ts (templates x fillers x details), customers from a
 * pool of hundreds with names and contacts, and every moment from the tenant's working hours in
 * its time zone (calls on weekdays in office hours, complaints while the shop is open).
 * Deterministic for a given seed and `now`, so ids are stable and re-seeding adds nothing.
 * Used by the demo seed (a quarter per tenant), `npm run seed:large` and the summaries benchmark.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { feedbackRows } from '../../features/voice/rules/records.ts';
import { answerSentiment, callSentiment } from '../../features/voice/rules/text-analysis.ts';
import { analyserFor, taxonomySeedRows } from '../../features/themes/service.ts';
import { themes as themesTable } from '../../features/themes/tables.ts';
import type { TenantTrade } from '../tenants.ts';
import { chunkedInserts } from '../batching.ts';
import type { Database } from '../client.ts';
import type { EmployeeRole } from '../../features/people/tables.ts';
import { feedback as feedbackTable, feedbackPhrases, feedbackThemes, surveyAnswers, surveyCalls, surveyQuestions, surveyTemplates } from '../../features/voice/tables.ts';
import type { VoiceBank } from './demo-voice-text.ts';
import { writtenAt } from '../columns.ts';
import { demoCustomers, phrasesFor, SERVICE_THEMES, type ServiceTheme } from './demo-phrases.ts';
import { localDayAt, localWeekday, workplaceOf, type DemoWorkplace } from './demo-clock.ts';

export interface SeedEmployee {
  id: string;
  name: string;
  role: EmployeeRole;
  teamId: string | null;
}

/** A complaint that a later action answers (a budget spend): written before `answeredAt`, about the employee. */
export interface AnsweredComplaint {
  /** Suffix of the feedback id: `fb_<key>_a<ref>`. */
  ref: string;
  employee: SeedEmployee;
  theme: ServiceTheme;
  answeredAt: Date;
  /** Set when the answer resolved it: when, by whom, with what note. */
  resolution: { at: Date; by: string; note: string } | null;
}

export interface VoiceGeneratorOptions {
  /** Prefix of every generated id, e.g. "brewline". Lower-case letters, digits and _. */
  key: string;
  tenantId: string;
  /** Its taxonomy starts from this trade's pack (features/themes). */
  trade: TenantTrade;
  employees: SeedEmployee[];
  bank: VoiceBank;
  now: Date;
  weeks: number;
  calls: number;
  complaintRecords: number;
  ideas: number;
  /** Time zone and hours (default: the demo tenant named by `key`, else UTC). */
  workplace?: DemoWorkplace;
  /** Size of the customer pool calls draw from (default 300). */
  customers?: number;
  /** Complaints that later spends answer, written before them. */
  answered?: AnsweredComplaint[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: a small, fast, seedable PRNG (the seed comes from the tenant key). */
export function random(seedText: string): () => number {
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Themes that rise through the quarter, so complaint trends show something (the rest stay level). */
const RISING: Record<string, readonly ServiceTheme[]> = { cafe: ['waiting_time', 'digital_channels'], appliances: ['delivery', 'waiting_time'] };


export function generateVoice(options: VoiceGeneratorOptions) {
  const { key, tenantId, employees, bank, now } = options;
  const rand = random(key);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const place = options.workplace ?? workplaceOf(key);
  const phrases = phrasesFor(bank.trade, rand);
  const customers = demoCustomers(bank.trade, options.customers ?? 300, rand);
  const days = options.weeks * 7;
  const start = new Date(now.getTime() - days * DAY);
  const latest = now.getTime() - 60_000;
  /**
   * A moment in the period in local hours [from, to), on a weekday if `weekdays`; `bias` > 1
   * favours recent days. Never in the future: a day that would be is moved back a week.
   */
  const moment = (hours: [number, number], weekdays: boolean, bias = 1): Date => {
    // Retries are rare (a weekend before the first day, a future slot a week back before the
    // start); the bound only guards against a period with no such hours at all.
    for (let attempt = 0; attempt < 1000; attempt++) {
      let day = Math.floor(Math.pow(rand(), 1 / bias) * days);
      if (weekdays) while (localWeekday(place.timeZone, start, day) > 5) day -= 1;
      const minuteOfDay = between(hours[0] * 60, hours[1] * 60 - 1);
      let at = localDayAt(place.timeZone, start, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
      while (at.getTime() > latest) at = new Date(at.getTime() - 7 * DAY);
      if (at.getTime() >= start.getTime()) return at;
    }
    return new Date(latest);
  };
  const firstName = (name: string) => name.split(' ')[0]!;
  /** Regulars come back: a mild skew towards the front of the pool, so a few customers have a few calls. */
  const customer = () => customers[Math.floor(Math.pow(rand(), 1.25) * customers.length)]!;
  /**
   * The customer on complaint record `n` (the owner may reveal it, audited). Chosen by index, not by
   * `rand`, so adding customers to records left every other generated value as it was.
   */
  const recordCustomer = (n: number) => {
    const who = customers[(n * 7919 + 13) % customers.length]!;
    return { customerName: who.name, customerContact: who.contact };
  };
  // The tenant's starting taxonomy, with fixed ids so the seed stays idempotent.
  const taxonomy = taxonomySeedRows(tenantId, options.trade, now).map((theme) => ({ ...theme, id: `thm_${key}_${theme.key.replace(/-/g, '_')}` }));
  const analyser = analyserFor(taxonomy.map((theme) => ({ ...theme, status: 'active' as const, terms: theme.terms ?? [], phrases: theme.phrases ?? [], excludes: theme.excludes ?? [] })));

  const templates = bank.templates.map((template) => ({
    id: `tpl_${key}_${template.key}`,
    tenantId,
    name: template.name,
    description: template.description,
    themes: template.themes ?? SERVICE_THEMES,
    questions: template.questions.map((prompt, i) => ({ id: `q_${key}_${template.key}_${i + 1}`, tenantId, templateId: `tpl_${key}_${template.key}`, position: i + 1, prompt })),
  }));
  const callers = employees.filter((e) => e.role !== 'agent');
  const frontline = employees.filter((e) => e.role === 'agent' || e.role === 'lead');

  const calls = [];
  const answers = [];
  const feedback = [];
  const themes = [];
  /** Unmatched candidate phrases of the records (feedback_phrases), for emerging themes. */
  const candidatePhrases = [];
  for (let n = 0; n < options.calls; n++) {
    const template = pick(templates);
    const caller = pick(callers);
    const calledAt = moment(place.office, true);
    const mentionCount = pick([0, 1, 1, 1, 2]);
    const mentioned = Array.from({ length: mentionCount }, () => pick(frontline)).filter((e, i, all) => all.indexOf(e) === i);
    const kinds = mentioned.map(() => (rand() < 0.72 ? 'praise' : 'complaint') as 'praise' | 'complaint');
    const unhappy = kinds.includes('complaint') || rand() < 0.15;
    const satisfaction = unhappy ? between(1, 3) : between(4, 5);
    const nps = rand() < 0.8 ? (satisfaction >= 5 ? between(9, 10) : satisfaction === 4 ? between(7, 9) : satisfaction === 3 ? between(5, 7) : between(0, 5)) : null;
    const callId = `call_${key}_${n}`;
    const who = customer();
    const texts = template.questions.map((question) => ({
      id: `ans_${key}_${n}_${question.position}`,
      tenantId,
      callId,
      questionId: question.id,
      position: question.position,
      question: question.prompt,
      answer: unhappy && (question.position > 1 || rand() < 0.5) ? phrases.complaint(pick(template.themes)) : phrases.praise(pick(template.themes)),
    }));
    const told = { satisfaction, nps };
    answers.push(...texts.map((text) => ({ ...text, sentiment: answerSentiment(analyser, text.answer) })));
    calls.push({
      id: callId,
      tenantId,
      templateId: template.id,
      callerId: caller.id,
      teamId: caller.teamId,
      customerName: who.name,
      customerContact: who.contact,
      calledAt,
      channel: pick(['phone', 'phone', 'phone', 'video', 'in_person'] as const),
      satisfaction,
      nps,
      notes: null,
      sentiment: callSentiment(analyser, texts.map((text) => text.answer), told),
    });
    mentioned.forEach((employee, m) => {
      const rows = feedbackRows({
        id: `fb_${key}_c${n}_${m}`,
        tenantId,
        kind: kinds[m]!,
        source: 'survey_call',
        body: kinds[m] === 'praise' ? phrases.praise(pick(SERVICE_THEMES), firstName(employee.name)) : phrases.complaintAbout(firstName(employee.name)),
        employeeId: employee.id,
        teamId: employee.teamId,
        callId,
        receivedAt: calledAt,
        ignoreWords: [employee.name],
      }, analyser);
      feedback.push(rows.feedback);
      themes.push(...rows.themes);
      candidatePhrases.push(...rows.phrases);
    });
  }

  const rising = RISING[bank.trade] ?? [];
  for (let n = 0; n < options.complaintRecords; n++) {
    // A third of the records are about the rising themes, and those lean towards recent weeks.
    const theme = rand() < 0.33 ? pick(rising) : pick(SERVICE_THEMES);
    const receivedAt = moment(place.opening, false, rising.includes(theme) ? 2.2 : 1);
    const about = rand() < 0.5 ? pick(frontline) : null;
    const resolved = receivedAt.getTime() < now.getTime() - 5 * DAY ? rand() < 0.75 : rand() < 0.3;
    const resolvedAt = resolved ? new Date(Math.min(receivedAt.getTime() + between(2, 72) * HOUR, latest)) : null;
    const rows = feedbackRows({
      id: `fb_${key}_r${n}`,
      tenantId,
      kind: 'complaint',
      source: 'complaint_record',
      body: phrases.complaint(theme),
      employeeId: about?.id ?? null,
      teamId: about?.teamId ?? null,
      rating: between(1, 2),
      externalRef: `CR-${key.toUpperCase()}-${10000 + n}`,
      ...recordCustomer(n),
      receivedAt,
      resolvedAt,
      resolutionNote: resolved ? phrases.resolution(theme) : null,
      resolvedBy: resolved ? (pick(callers)?.id ?? null) : null,
    }, analyser);
    feedback.push(rows.feedback);
    themes.push(...rows.themes);
    candidatePhrases.push(...rows.phrases);
  }

  for (const answered of options.answered ?? []) {
    // A few hours (up to two days) before the spend that answers it, while the shop was open.
    let receivedAt = new Date(answered.answeredAt.getTime() - between(1, 3) * HOUR - between(0, 2) * DAY);
    if (receivedAt.getTime() < start.getTime()) receivedAt = new Date(answered.answeredAt.getTime() - HOUR);
    const rows = feedbackRows({
      id: `fb_${key}_a${answered.ref}`,
      tenantId,
      kind: 'complaint',
      source: 'complaint_record',
      body: phrases.complaint(answered.theme),
      employeeId: answered.employee.id,
      teamId: answered.employee.teamId,
      rating: between(1, 2),
      externalRef: `CR-${key.toUpperCase()}-A${answered.ref}`,
      ...recordCustomer(options.complaintRecords + Number(answered.ref)),
      receivedAt,
      resolvedAt: answered.resolution?.at ?? null,
      resolutionNote: answered.resolution?.note ?? null,
      resolvedBy: answered.resolution?.by ?? null,
    }, analyser);
    feedback.push(rows.feedback);
    themes.push(...rows.themes);
    candidatePhrases.push(...rows.phrases);
  }

  for (let n = 0; n < options.ideas; n++) {
    const rows = feedbackRows({ id: `fb_${key}_i${n}`, tenantId, kind: 'idea', source: 'widget', body: phrases.idea(), receivedAt: moment(place.opening, false) }, analyser);
    feedback.push(rows.feedback);
    themes.push(...rows.themes);
    candidatePhrases.push(...rows.phrases);
  }

  return {
    templates: templates.map(({ questions: _questions, themes: _themes, ...template }) => template),
    questions: templates.flatMap((template) => template.questions),
    calls,
    answers,
    feedback,
    themes,
    phrases: candidatePhrases,
    taxonomy,
  };
}

/** INSERT ... ON CONFLICT DO NOTHING statements for generated voice, parents before children. */
export function voiceInsertStatements(db: Database, voice: ReturnType<typeof generateVoice>, now: Date): BatchItem<'sqlite'>[] {
  const ignoreExisting = { ignoreExisting: true };
  // Calls and feedback are recorded when they happened; templates when the seed ran.
  return [
    ...chunkedInserts(db, themesTable, voice.taxonomy, ignoreExisting),
    ...chunkedInserts(db, surveyTemplates, voice.templates.map((template) => ({ ...template, ...writtenAt(now) })), ignoreExisting),
    ...chunkedInserts(db, surveyQuestions, voice.questions, ignoreExisting),
    ...chunkedInserts(db, surveyCalls, voice.calls.map((call) => ({ ...call, createdAt: call.calledAt })), ignoreExisting),
    ...chunkedInserts(db, surveyAnswers, voice.answers, ignoreExisting),
    ...chunkedInserts(db, feedbackTable, voice.feedback.map((row) => ({ ...row, createdAt: row.receivedAt })), ignoreExisting),
    ...chunkedInserts(db, feedbackThemes, voice.themes, ignoreExisting),
    ...chunkedInserts(db, feedbackPhrases, voice.phrases, ignoreExisting),
  ];
}
