/**
 * What a valid survey call, feedback record or imported complaint is. Plain valibot schemas; the
 * GraphQL layer resolves ids and writes. Messages say what to fix.
 */
import * as v from 'valibot';
import { CALL_CHANNELS, FEEDBACK_KINDS, FEEDBACK_SOURCES, type FeedbackKind } from '../tables.ts';
import { requiredText } from '../../../domain/text.ts';

/**
 * What a customer can say about a person on a survey call. The same words as the feedback it
 * becomes (one vocabulary, input and output): a mention of kind X is a Feedback of kind X.
 */
export const MENTION_KINDS = ['praise', 'complaint'] as const satisfies readonly FeedbackKind[];

export const VOICE_LIMITS = {
  answer: 5000,
  quote: 2000,
  notes: 5000,
  body: 10_000,
  customerName: 120,
  customerContact: 200,
  externalRef: 200,
  answersPerCall: 30,
  mentionsPerCall: 20,
  questionsPerTemplate: 30,
  question: 500,
  importBatch: 500,
} as const;

/** Calls and feedback may be logged up to this long after they happened. */
const MAX_AGE_DAYS = 3 * 366;
/** Clock skew tolerated between a client and the Worker. */
const FUTURE_SKEW_MS = 5 * 60_000;

function optionalText(max: number, message: string) {
  return v.nullish(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(max, message),
      v.transform((value) => (value === '' ? null : value)),
    ),
  );
}

/** A moment in the past (not the future, not more than about three years ago). */
function pastMoment(what: string, now: Date) {
  return v.pipe(
    v.date(),
    v.check((date) => date.getTime() <= now.getTime() + FUTURE_SKEW_MS, `${what} cannot be in the future.`),
    v.check((date) => date.getTime() >= now.getTime() - MAX_AGE_DAYS * 86_400_000, `${what} is more than three years ago.`),
  );
}

const scale = (min: number, max: number, message: string) =>
  v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

export const templateRules = v.object({
  name: requiredText(120, 'Name the template, e.g. "Monthly check-in call".', 'Template names are at most 120 characters.'),
  description: optionalText(2000, 'Descriptions are at most 2000 characters.'),
  questions: v.pipe(
    v.array(requiredText(VOICE_LIMITS.question, 'Questions cannot be blank.', `Questions are at most ${VOICE_LIMITS.question} characters.`)),
    v.minLength(1, 'A template needs at least one question.'),
    v.maxLength(VOICE_LIMITS.questionsPerTemplate, `A template has at most ${VOICE_LIMITS.questionsPerTemplate} questions.`),
    v.check((questions) => new Set(questions.map((q) => q.toLowerCase())).size === questions.length, 'Each question may appear once.'),
  ),
});

export function callRules(now: Date) {
  return v.object({
    customerName: optionalText(VOICE_LIMITS.customerName, `Customer names are at most ${VOICE_LIMITS.customerName} characters.`),
    customerContact: optionalText(VOICE_LIMITS.customerContact, `Customer contacts are at most ${VOICE_LIMITS.customerContact} characters.`),
    calledAt: pastMoment('The call', now),
    channel: v.picklist(CALL_CHANNELS),
    satisfaction: scale(1, 5, 'Satisfaction is a whole number from 1 to 5.'),
    nps: v.nullish(scale(0, 10, 'NPS is a whole number from 0 to 10.')),
    notes: optionalText(VOICE_LIMITS.notes, `Notes are at most ${VOICE_LIMITS.notes} characters.`),
    answers: v.pipe(
      v.array(
        v.object({
          questionId: v.string(),
          answer: requiredText(VOICE_LIMITS.answer, "Write down the customer's answer.", `Answers are at most ${VOICE_LIMITS.answer} characters.`),
        }),
      ),
      v.minLength(1, 'A call needs at least one answer: log what the customer said.'),
      v.maxLength(VOICE_LIMITS.answersPerCall, `A call has at most ${VOICE_LIMITS.answersPerCall} answers.`),
    ),
    mentions: v.optional(
      v.pipe(
        v.array(
          v.object({
            employeeId: v.string(),
            kind: v.picklist(MENTION_KINDS),
            quote: requiredText(VOICE_LIMITS.quote, "Quote the customer's words about this person.", `Quotes are at most ${VOICE_LIMITS.quote} characters.`),
          }),
        ),
        v.maxLength(VOICE_LIMITS.mentionsPerCall, `A call mentions at most ${VOICE_LIMITS.mentionsPerCall} people.`),
      ),
      [],
    ),
  });
}

const body = requiredText(VOICE_LIMITS.body, 'Write what the customer said.', `Feedback bodies are at most ${VOICE_LIMITS.body.toLocaleString('en')} characters.`);
const rating = v.nullish(scale(1, 5, 'Ratings are whole numbers from 1 to 5.'));
const externalRef = optionalText(VOICE_LIMITS.externalRef, `External references are at most ${VOICE_LIMITS.externalRef} characters.`);

/**
 * A complaint's customer, as a record or an import carries them: a name, and a contact that is an
 * email address or a phone number (so the owner can actually reach them).
 */
const customerName = optionalText(VOICE_LIMITS.customerName, `Customer names are at most ${VOICE_LIMITS.customerName} characters.`);
const customerContact = v.nullish(
  v.pipe(
    optionalText(VOICE_LIMITS.customerContact, `Customer contacts are at most ${VOICE_LIMITS.customerContact} characters.`),
    v.check(
      (value) => value == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || /^\+?[\d\s().-]{6,}$/.test(value) && (value.match(/\d/g) ?? []).length >= 6,
      'Give the customer\'s email address or phone number, e.g. dana@example.com or +44 20 7946 0000.',
    ),
  ),
);

/** Feedback recorded by hand or by an integration. Survey-call feedback comes from logSurveyCall. */
export function feedbackRules(now: Date) {
  return v.object({
    kind: v.picklist(FEEDBACK_KINDS),
    source: v.picklist(
      FEEDBACK_SOURCES.filter((source) => source !== 'survey_call'),
      'Feedback from survey calls is recorded by logging the call (logSurveyCall).',
    ),
    body,
    rating,
    receivedAt: v.nullish(pastMoment('receivedAt', now)),
    externalRef,
    customerName,
    customerContact,
  });
}

/** One record of a complaint import. */
export function importRecordRules(now: Date) {
  return v.object({
    externalRef: requiredText(VOICE_LIMITS.externalRef, 'Each imported record needs its id in your system (externalRef).', `External references are at most ${VOICE_LIMITS.externalRef} characters.`),
    kind: v.optional(v.picklist(FEEDBACK_KINDS), 'complaint'),
    body,
    rating,
    receivedAt: pastMoment('receivedAt', now),
    resolvedAt: v.nullish(pastMoment('resolvedAt', now)),
    resolutionNote: optionalText(2000, 'Resolution notes are at most 2000 characters.'),
    customerName,
    customerContact,
  });
}

export const resolutionRules = v.object({
  note: requiredText(2000, 'Say how it was resolved.', 'Resolution notes are at most 2000 characters.'),
});

export type CallRulesOutput = v.InferOutput<ReturnType<typeof callRules>>;
export type FeedbackRulesOutput = v.InferOutput<ReturnType<typeof feedbackRules>>;
export type ImportRecordRulesOutput = v.InferOutput<ReturnType<typeof importRecordRules>>;
