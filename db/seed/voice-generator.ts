/**
 * Generates a realistic stretch of customer voice for a tenant: survey calls with answers in
 * customers' words, mentions of named employees, complaint records whose themes rise and fall, and
 * ideas. Deterministic for a given seed and `now`, so ids are stable and re-seeding adds nothing.
 * Used by the demo seed (a quarter per tenant) and by `npm run seed:large`.
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

export interface SeedEmployee {
  id: string;
  name: string;
  role: EmployeeRole;
  teamId: string | null;
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
}

const DAY = 86_400_000;

/** mulberry32: a small, fast, seedable PRNG (the seed comes from the tenant key). */
function random(seedText: string): () => number {
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateVoice(options: VoiceGeneratorOptions) {
  const { key, tenantId, employees, bank, now } = options;
  const rand = random(key);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const start = now.getTime() - options.weeks * 7 * DAY;
  /** A moment in the period, during opening hours; `bias` > 1 favours recent dates. */
  const moment = (bias = 1) => {
    const day = Math.floor(Math.pow(rand(), 1 / bias) * options.weeks * 7);
    const at = start + day * DAY + between(8, 18) * 3_600_000 + between(0, 59) * 60_000;
    return new Date(Math.min(at, now.getTime() - 60_000));
  };
  const firstName = (name: string) => name.split(' ')[0]!;
  // The tenant's starting taxonomy, with fixed ids so the seed stays idempotent.
  const taxonomy = taxonomySeedRows(tenantId, options.trade, now).map((theme) => ({ ...theme, id: `thm_${key}_${theme.key.replace(/-/g, '_')}` }));
  const analyser = analyserFor(taxonomy.map((theme) => ({ ...theme, status: 'active' as const, terms: theme.terms ?? [], phrases: theme.phrases ?? [], excludes: theme.excludes ?? [] })));

  const templates = bank.templates.map((template) => ({
    id: `tpl_${key}_${template.key}`,
    tenantId,
    name: template.name,
    description: template.description,
    questions: template.questions.map((prompt, i) => ({ id: `q_${key}_${template.key}_${i + 1}`, tenantId, templateId: `tpl_${key}_${template.key}`, position: i + 1, prompt })),
  }));
  const callers = employees.filter((e) => e.role !== 'agent');
  const frontline = employees.filter((e) => e.role === 'agent' || e.role === 'lead');

  const calls = [];
  const answers = [];
  const feedback = [];
  const themes = [];
  const phrases = [];
  for (let n = 0; n < options.calls; n++) {
    const template = pick(templates);
    const caller = pick(callers);
    const calledAt = moment();
    const mentionCount = pick([0, 1, 1, 1, 2]);
    const mentioned = Array.from({ length: mentionCount }, () => pick(frontline)).filter((e, i, all) => all.indexOf(e) === i);
    const kinds = mentioned.map(() => (rand() < 0.72 ? 'praise' : 'complaint') as 'praise' | 'complaint');
    const unhappy = kinds.includes('complaint') || rand() < 0.15;
    const satisfaction = unhappy ? between(1, 3) : between(4, 5);
    const nps = rand() < 0.8 ? (satisfaction >= 5 ? between(9, 10) : satisfaction === 4 ? between(7, 9) : satisfaction === 3 ? between(5, 7) : between(0, 5)) : null;
    const callId = `call_${key}_${n}`;
    const texts = template.questions.map((question) => ({
      id: `ans_${key}_${n}_${question.position}`,
      tenantId,
      callId,
      questionId: question.id,
      position: question.position,
      question: question.prompt,
      answer: unhappy && (question.position > 1 || rand() < 0.5) ? pick(bank.badAnswers) : pick(bank.goodAnswers),
    }));
    const told = { satisfaction, nps };
    answers.push(...texts.map((text) => ({ ...text, sentiment: answerSentiment(analyser, text.answer) })));
    calls.push({
      id: callId,
      tenantId,
      templateId: template.id,
      callerId: caller.id,
      teamId: caller.teamId,
      customerName: pick(bank.customers),
      customerContact: `+44 7700 ${String(900000 + between(0, 99999)).slice(0, 6)}`,
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
        body: pick(kinds[m] === 'praise' ? bank.praise : bank.complaintMentions).replace('{name}', firstName(employee.name)),
        employeeId: employee.id,
        teamId: employee.teamId,
        callId,
        receivedAt: calledAt,
        ignoreWords: [employee.name],
      }, analyser);
      feedback.push(rows.feedback);
      themes.push(...rows.themes);
      phrases.push(...rows.phrases);
    });
  }

  for (let n = 0; n < options.complaintRecords; n++) {
    const complaint = pick(bank.complaints);
    const receivedAt = moment(complaint.rising ? 2.2 : 1);
    const about = rand() < 0.5 ? pick(frontline) : null;
    const resolved = receivedAt.getTime() < now.getTime() - 5 * DAY ? rand() < 0.75 : rand() < 0.3;
    const rows = feedbackRows({
      id: `fb_${key}_r${n}`,
      tenantId,
      kind: 'complaint',
      source: 'complaint_record',
      body: complaint.body,
      employeeId: about?.id ?? null,
      teamId: about?.teamId ?? null,
      rating: between(1, 2),
      externalRef: `CR-${key.toUpperCase()}-${10000 + n}`,
      receivedAt,
      resolvedAt: resolved ? new Date(Math.min(receivedAt.getTime() + between(2, 72) * 3_600_000, now.getTime() - 60_000)) : null,
      resolutionNote: resolved ? pick(['Apologised and refunded.', 'Replaced the item the same day.', 'Called the customer back and fixed it.', 'Offered a voucher and explained the delay.']) : null,
      resolvedBy: resolved ? (pick(callers)?.id ?? null) : null,
    }, analyser);
    feedback.push(rows.feedback);
    themes.push(...rows.themes);
    phrases.push(...rows.phrases);
  }

  for (let n = 0; n < options.ideas; n++) {
    const rows = feedbackRows({ id: `fb_${key}_i${n}`, tenantId, kind: 'idea', source: 'widget', body: pick(bank.ideas), receivedAt: moment() }, analyser);
    feedback.push(rows.feedback);
    themes.push(...rows.themes);
    phrases.push(...rows.phrases);
  }

  return {
    templates: templates.map(({ questions: _questions, ...template }) => template),
    questions: templates.flatMap((template) => template.questions),
    calls,
    answers,
    feedback,
    themes,
    phrases,
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
