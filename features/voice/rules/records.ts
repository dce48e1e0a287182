/**
 * Builds the rows for one feedback record: the feedback row itself with its sentiment and themes,
 * one feedback_themes row per theme (what complaint trends GROUP BY: the primary theme, rank 1, and
 * at most a secondary, rank 2), and, when no theme matched, its candidate phrases (feedback_phrases,
 * what emerging themes count). The text is analysed by the tenant's `TextAnalyser`. Pure: ids,
 * time and the analyser are passed in.
 */
import type { FeedbackKind, FeedbackSource } from '../tables.ts';
import { PHRASES_PER_RECORD, type TextAnalyser, type ThemeRef } from './text-analysis.ts';

export interface FeedbackFacts {
  id: string;
  tenantId: string;
  kind: FeedbackKind;
  source: FeedbackSource;
  body: string;
  employeeId?: string | null;
  teamId?: string | null;
  callId?: string | null;
  rating?: number | null;
  externalRef?: string | null;
  receivedAt: Date;
  resolvedAt?: Date | null;
  resolutionNote?: string | null;
  resolvedBy?: string | null;
  /** The customer who said it, when the record says (a complaint's owner may see them). */
  customerName?: string | null;
  customerContact?: string | null;
  /** Words that are not themes in this text, such as the employee's name in a quote about them. */
  ignoreWords?: readonly string[];
}

/** The theme rows and columns of one record, from its classification (also used when re-theming). */
export function themeRowsOf(
  record: { tenantId: string; id: string; kind: FeedbackKind; receivedAt: Date; body: string },
  themes: readonly ThemeRef[],
  analyser: TextAnalyser,
  ignoreWords: readonly string[] = [],
) {
  // What no rule covers is a candidate for a new theme, even where learned words filed the record.
  const ruled = themes.some((theme) => !theme.learnedOnly);
  const phrases = ruled ? [] : analyser.unmatchedPhrases(record.body, ignoreWords).slice(0, PHRASES_PER_RECORD);
  return {
    columns: { themes: themes.map((theme) => theme.label), primaryThemeId: themes[0]?.id ?? null },
    themes: themes.map((theme, i) => ({
      tenantId: record.tenantId,
      feedbackId: record.id,
      theme: theme.key,
      label: theme.label,
      rank: i + 1,
      kind: record.kind,
      receivedAt: record.receivedAt,
    })),
    phrases: phrases.map((phrase) => ({
      tenantId: record.tenantId,
      feedbackId: record.id,
      phrase: phrase.phrase,
      words: phrase.words,
      receivedAt: record.receivedAt,
    })),
  };
}

export function feedbackRows(facts: FeedbackFacts, analyser: TextAnalyser) {
  const sentiment = analyser.sentimentOf(facts.body, { rating: facts.rating });
  const classified = themeRowsOf(facts, analyser.themesOf(facts.body), analyser, facts.ignoreWords);
  const resolved = Boolean(facts.resolvedAt);
  return {
    feedback: {
      id: facts.id,
      tenantId: facts.tenantId,
      kind: facts.kind,
      source: facts.source,
      body: facts.body,
      employeeId: facts.employeeId ?? null,
      teamId: facts.teamId ?? null,
      callId: facts.callId ?? null,
      rating: facts.rating ?? null,
      sentiment,
      ...classified.columns,
      status: resolved ? ('resolved' as const) : ('open' as const),
      resolutionNote: resolved ? (facts.resolutionNote ?? null) : null,
      resolvedBy: resolved ? (facts.resolvedBy ?? null) : null,
      resolvedAt: facts.resolvedAt ?? null,
      externalRef: facts.externalRef ?? null,
      // A complaint is owned by the employee it is about until someone takes it or is assigned it.
      ownerId: facts.kind === 'complaint' ? (facts.employeeId ?? null) : null,
      customerName: facts.customerName ?? null,
      customerContact: facts.customerContact ?? null,
      firstActionAt: null,
      receivedAt: facts.receivedAt,
    },
    themes: classified.themes,
    phrases: classified.phrases,
  };
}
