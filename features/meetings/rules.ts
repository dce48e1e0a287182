/** Input rules for meetings and their agenda items: valibot schemas over plain data. */
import * as v from 'valibot';
import { requiredText } from '../../domain/text.ts';

export const MEETING_LIMITS = {
  title: 160,
  agendaTitle: 160,
  agendaDetails: 1000,
} as const;

const L = MEETING_LIMITS;

/** Optional text; empty means none. */
const optionalText = (max: number, message: string) =>
  v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(max, message), v.transform((value) => (value === '' ? null : value))), null);

export const meetingSchema = v.object({
  title: requiredText(L.title, 'Give the meeting a title.', `Titles are at most ${L.title} characters.`),
});

export const agendaItemSchema = v.object({
  title: requiredText(L.agendaTitle, 'Give the agenda item a title.', `Titles are at most ${L.agendaTitle} characters.`),
  details: optionalText(L.agendaDetails, `Details are at most ${L.agendaDetails} characters.`),
});
