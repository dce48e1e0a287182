/**
 * The suggestion box's rules as plain data: input schemas (valibot) for suggestions, comments and
 * experiments, and the workflow of statuses. No database, no GraphQL.
 */
import * as v from 'valibot';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES, EXPERIMENT_OUTCOMES, type SuggestionStatus } from './tables.ts';
import { requiredText } from '../../domain/text.ts';

export const SUGGESTION_LIMITS = {
  title: 160,
  body: 4000,
  comment: 2000,
  note: 1000,
  reason: 1000,
  experimentText: 2000,
  search: 100,
} as const;

const L = SUGGESTION_LIMITS;

export const suggestionTitle = requiredText(L.title, 'Give the suggestion a short title.', `Titles are at most ${L.title} characters.`);
export const suggestionBody = requiredText(L.body, 'Say what eats your time or what could be better.', `The text is at most ${L.body} characters.`);
export const commentBody = requiredText(L.comment, 'Write something to post.', `Comments are at most ${L.comment} characters.`);

/** Optional text; empty means none. */
const optionalText = (max: number, message: string) =>
  v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(max, message), v.transform((value) => (value === '' ? null : value))), null);

export const submitSuggestionSchema = v.object({
  category: v.picklist(SUGGESTION_CATEGORIES),
  title: suggestionTitle,
  body: suggestionBody,
  anonymous: v.optional(v.boolean(), false),
});

export const changeStatusSchema = v.object({
  status: v.picklist(SUGGESTION_STATUSES),
  note: optionalText(L.note, `Notes are at most ${L.note} characters.`),
  reason: optionalText(L.reason, `Reasons are at most ${L.reason} characters.`),
});

const experimentText = (what: string) =>
  requiredText(L.experimentText, `Enter the ${what}.`, `The ${what} is at most ${L.experimentText} characters.`);

export const startExperimentSchema = v.pipe(
  v.object({
    hypothesis: experimentText('hypothesis'),
    successMeasure: experimentText('success measure'),
    startsOn: v.string(),
    endsOn: v.string(),
    note: optionalText(L.note, `Notes are at most ${L.note} characters.`),
  }),
  v.forward(
    v.check((input) => input.endsOn >= input.startsOn, 'An experiment ends on or after the day it starts.'),
    ['endsOn'],
  ),
  v.forward(
    v.check((input) => daysBetween(input.startsOn, input.endsOn) <= 366, 'Experiments are time-boxed: at most a year.'),
    ['endsOn'],
  ),
);

export const concludeExperimentSchema = v.object({
  outcome: v.picklist(EXPERIMENT_OUTCOMES),
  lessons: experimentText('lessons learned'),
});

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The suggestion workflow as data: submitted -> under review -> accepted -> experimenting ->
 * adopted, or declined (with a reason) from any open status. Plain functions, no database.
 */

/** Where each status may go next. Adopted and declined are final. */
export const TRANSITIONS: Record<SuggestionStatus, readonly SuggestionStatus[]> = {
  submitted: ['under_review', 'declined'],
  under_review: ['accepted', 'declined'],
  accepted: ['experimenting', 'declined'],
  experimenting: ['adopted', 'declined'],
  adopted: [],
  declined: [],
};

export const OPEN_STATUSES: readonly SuggestionStatus[] = ['submitted', 'under_review', 'accepted', 'experimenting'];

export function canTransition(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The status as people write it: "under_review" -> "UNDER_REVIEW" (the GraphQL enum value). */
export const statusLabel = (status: SuggestionStatus) => status.toUpperCase();

/** Why a transition is refused, naming both ends and what would be allowed. */
export function transitionRefusal(from: SuggestionStatus, to: SuggestionStatus): string {
  const next = TRANSITIONS[from];
  const allowed = next.length ? `From ${statusLabel(from)} it can go to ${next.map(statusLabel).join(' or ')}.` : `${statusLabel(from)} is final.`;
  return `A suggestion cannot go from ${statusLabel(from)} to ${statusLabel(to)}. ${allowed}`;
}

/**
 * Replies by follow code (the anonymous author answering in the thread). The code is unguessable,
 * so it needs no rate limit against guessing; these bounds stop a leaked or scripted code from
 * flooding a thread, and let a finished conversation end.
 */
export const FOLLOW_CODE_REPLIES = {
  /** Author replies to one suggestion in any 24 hours. */
  perDay: 5,
  /** Days after a suggestion became final (ADOPTED or DECLINED) that its code still takes replies. */
  daysAfterClosing: 30,
} as const;

const FINAL_STATUSES: readonly SuggestionStatus[] = ['adopted', 'declined'];

/**
 * When the author's follow code stopped taking replies, or null while it takes them: a suggestion
 * that has been final for `daysAfterClosing` days is closed. `finalSince` is when it became final
 * (its `updatedAt`: only status changes move it; votes and comments do not).
 */
export function followCodeRepliesClosedAt(status: SuggestionStatus, finalSince: Date, now: Date): Date | null {
  if (!FINAL_STATUSES.includes(status)) return null;
  const closesAt = new Date(finalSince.getTime() + FOLLOW_CODE_REPLIES.daysAfterClosing * 86_400_000);
  return closesAt.getTime() <= now.getTime() ? closesAt : null;
}

export const followCodeReplySchema = v.object({
  followCode: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter the follow code you were given when you submitted the suggestion.')),
  body: commentBody,
});

export type SubmitSuggestionValues = v.InferOutput<typeof submitSuggestionSchema>;
export type ExperimentValues = v.InferOutput<typeof startExperimentSchema>;
