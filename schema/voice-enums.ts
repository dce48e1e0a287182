/** Enums of the customer voice, shared by calls, feedback and trends. */
import { CALL_CHANNELS, FEEDBACK_KINDS, FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '../db/voice.ts';
import { builder } from './builder.ts';

/** An enum whose GraphQL names are the upper-cased database values. */
function enumOf<const T extends readonly string[]>(name: string, values: T, description?: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])) as Record<Uppercase<T[number]>, { value: T[number] }>,
  });
}

export const FeedbackKindEnum = enumOf('FeedbackKind', FEEDBACK_KINDS);
export const FeedbackSourceEnum = enumOf('FeedbackSource', FEEDBACK_SOURCES, 'Where the feedback came from.');
export const FeedbackStatusEnum = enumOf('FeedbackStatus', FEEDBACK_STATUSES);
export const CallChannelEnum = enumOf('CallChannel', CALL_CHANNELS);
export const MentionKindEnum = enumOf('MentionKind', ['praise', 'concern'] as const, 'What the customer said about a person on a call.');
export const SentimentLabelEnum = enumOf('SentimentLabel', ['positive', 'neutral', 'negative'] as const);
export const GranularityEnum = enumOf('Granularity', ['week', 'month'] as const, 'Weeks start on Monday (UTC).');
