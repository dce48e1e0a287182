/**
 * The widgets' trusted documents: the only GraphQL operations a publishable key can run. Widgets
 * send the SHA-256 of a document (`extensions.persistedQuery.sha256Hash`, as Apollo's persisted
 * queries do) and never the text, so a stolen publishable key cannot explore the API.
 *
 * Changing a document changes its hash: the client bundle gets the new hashes at build time
 * (scripts/build-widgets.ts), and old scripts keep working only if the old text stays here.
 */
import type { WidgetKind } from './tables.ts';

export interface TrustedDocument {
  /** The widget that uses it: the key must serve that widget. */
  widget: WidgetKind;
  document: string;
  /** Writes customer input: rate limited per key and per client. */
  rateLimited?: boolean;
  /**
   * Acts as an employee: needs `Authorization: Bearer fl_et_...` with this scope, for an employee
   * of the key's tenant (the suggestion box; the token is minted by the partner's backend).
   */
  employeeScope?: 'suggestions';
}

export const WIDGET_DOCUMENTS = {
  FeedbackPeople: {
    widget: 'feedback',
    document: 'query FeedbackPeople($teamId: ID) { widgetEmployees(teamId: $teamId) { id firstName photoUrl } }',
  },
  SubmitFeedback: {
    widget: 'feedback',
    rateLimited: true,
    document:
      'mutation SubmitFeedback($input: SubmitWidgetFeedbackInput!) { submitWidgetFeedback(input: $input) { recorded replaced errors { code path message } } }',
  },
  KudosWall: {
    widget: 'kudos_wall',
    document: 'query KudosWall($teamId: ID, $first: Int) { widgetKudos(teamId: $teamId, first: $first) { kind message value people at } }',
  },
  GoalProgress: {
    widget: 'goal_progress',
    document: 'query GoalProgress($programId: ID!) { widgetGoalProgress(programId: $programId) { name target value ratio achieved periodEnd } }',
  },
  SuggestionBoard: {
    widget: 'suggestion_box',
    employeeScope: 'suggestions',
    document:
      'query SuggestionBoard { suggestions(first: 5, orderBy: MOST_VOTED, filter: { status: [SUBMITTED, UNDER_REVIEW, ACCEPTED, EXPERIMENTING] }) { edges { node { id title voteCount viewerHasVoted } } } }',
  },
  SubmitSuggestion: {
    widget: 'suggestion_box',
    employeeScope: 'suggestions',
    document:
      'mutation SubmitSuggestion($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { followCode suggestion { id title } errors { code path message } } }',
  },
  VoteForSuggestion: {
    widget: 'suggestion_box',
    employeeScope: 'suggestions',
    document:
      'mutation VoteForSuggestion($input: SuggestionRefInput!) { voteForSuggestion(input: $input) { suggestion { id voteCount viewerHasVoted } errors { code path message } } }',
  },
} as const satisfies Record<string, TrustedDocument>;

export type WidgetDocumentName = keyof typeof WIDGET_DOCUMENTS;

/** Hex SHA-256 of a document's exact text (Web Crypto: the same in the Worker, Node and browsers). */
export async function documentHash(document: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(document));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

let byHash: Promise<Map<string, TrustedDocument & { name: WidgetDocumentName }>> | null = null;

/** The trusted document with this hash, or undefined. Hashes are computed once per isolate. */
export async function trustedDocument(hash: string): Promise<(TrustedDocument & { name: WidgetDocumentName }) | undefined> {
  byHash ??= Promise.all(
    (Object.entries(WIDGET_DOCUMENTS) as [WidgetDocumentName, TrustedDocument][]).map(
      async ([name, entry]) => [await documentHash(entry.document), { ...entry, name }] as const,
    ),
  ).then((entries) => new Map(entries));
  return (await byHash).get(hash);
}
