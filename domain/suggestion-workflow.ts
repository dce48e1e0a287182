/**
 * The suggestion workflow as data: submitted -> under review -> accepted -> experimenting ->
 * adopted, or declined (with a reason) from any open status. Plain functions, no database.
 */
import type { SuggestionStatus } from '../db/suggestions.ts';

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
