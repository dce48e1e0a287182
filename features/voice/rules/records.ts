/**
 * Builds the rows for one feedback record: the feedback row itself with its sentiment and themes,
 * and one feedback_themes row per theme (what complaint trends GROUP BY). The text is analysed by
 * text-analysis.ts. Pure: ids and time are passed in.
 */
import type { FeedbackKind, FeedbackSource } from '../tables.ts';
import { analyseFeedbackText } from './text-analysis.ts';

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

export function feedbackRows(facts: FeedbackFacts) {
  const { sentiment, themes } = analyseFeedbackText(facts.body, facts.ignoreWords);
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
      themes: themes.map((theme) => theme.label),
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
    themes: themes.map((theme) => ({
      tenantId: facts.tenantId,
      feedbackId: facts.id,
      theme: theme.key,
      label: theme.label,
      kind: facts.kind,
      receivedAt: facts.receivedAt,
    })),
  };
}
