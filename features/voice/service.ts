/**
 * The customer voice, for the API, jobs and other features: survey templates and calls, feedback
 * records and imports, voice figures and complaint trends. Every read and write goes through
 * TenantScope; nothing here knows GraphQL. Other features import this file only.
 */
export { archiveTemplate, createTemplate, findTemplate, surveyTemplateWhere, type SurveyTemplateRow } from './templates.ts';
export { logSurveyCall, surveyCallWhere, type NewSurveyCall, type SurveyCallFilter } from './calls.ts';
export {
  feedbackWhere, importFeedbackRecords, recordFeedback, resolveFeedback, type FeedbackFilter, type FeedbackRow, type ImportEntry, type ImportOutcome,
} from './feedback.ts';
export { topPraiseIds, voiceStats, type VoiceLevel, type VoiceStats } from './stats.ts';
export { complaintTrends, type ComplaintTrend } from './trends.ts';

// For features that write or read feedback themselves (the feedback widget, budgets' links to
// complaints): the tables and the one function that turns a customer's words into stored rows.
export { feedback, feedbackThemes, feedbackPhrases } from './tables.ts';
export { feedbackRows } from './rules/records.ts';
export type { TextAnalyser, ThemeRef, ToldScores } from './rules/text-analysis.ts';
// The themes feature re-classifies stored feedback after a taxonomy change, and counts emerging phrases.
export { candidatePhraseCounts, feedbackCount, rethemeFeedbackPage, type PhraseCount, type RethemePage } from './retheme.ts';
// Suggestions group their themes with the same key-phrase extractor.
export { themeKey, themesOf } from './rules/themes.ts';
