/** Input rules for suggestions, comments, experiments and meetings. valibot schemas, plain data. */
import * as v from 'valibot';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES, EXPERIMENT_OUTCOMES } from '../db/suggestions.ts';
import { requiredText } from './people.ts';

export const SUGGESTION_LIMITS = {
  title: 160,
  body: 4000,
  comment: 2000,
  note: 1000,
  reason: 1000,
  experimentText: 2000,
  meetingTitle: 160,
  agendaDetails: 1000,
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

export const meetingSchema = v.object({
  title: requiredText(L.meetingTitle, 'Give the meeting a title.', `Titles are at most ${L.meetingTitle} characters.`),
});

export const agendaItemSchema = v.object({
  title: requiredText(L.title, 'Give the agenda item a title.', `Titles are at most ${L.title} characters.`),
  details: optionalText(L.agendaDetails, `Details are at most ${L.agendaDetails} characters.`),
});

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
