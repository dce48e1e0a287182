/** Enums of the customer voice, shared by calls, feedback and trends. */
import { CALL_CHANNELS, FEEDBACK_KINDS, FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '../features/voice/tables.ts';
import { MENTION_KINDS } from '../features/voice/rules/validation.ts';
import { upperEnum } from './enums.ts';

export const FeedbackKindEnum = upperEnum('FeedbackKind', FEEDBACK_KINDS);
export const FeedbackSourceEnum = upperEnum('FeedbackSource', FEEDBACK_SOURCES, 'Where the feedback came from.');
export const FeedbackStatusEnum = upperEnum('FeedbackStatus', FEEDBACK_STATUSES);
export const CallChannelEnum = upperEnum('CallChannel', CALL_CHANNELS);
export const MentionKindEnum = upperEnum(
  'MentionKind',
  MENTION_KINDS,
  'What the customer said about a person on a call: it becomes Feedback of the same kind (PRAISE or COMPLAINT).',
);
export const SentimentLabelEnum = upperEnum('SentimentLabel', ['positive', 'neutral', 'negative'] as const);
export const GranularityEnum = upperEnum('Granularity', ['week', 'month'] as const, 'Weeks start on Monday (UTC).');
