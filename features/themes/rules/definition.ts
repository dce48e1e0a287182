/**
 * What a complaint theme is, as the matcher (rules/matcher.ts), the default taxonomy and trade packs,
 * the tenant's stored themes (tables.ts) and the GraphQL API all see it. Types only: this is the
 * contract between the pure matcher and the tenant-editable taxonomy built on it.
 */

/** Trade packs the demo tenants use; a tenant's taxonomy is the default themes plus its pack. */
export const TRADES = ['cafe', 'retail', 'appliances'] as const;
export type Trade = (typeof TRADES)[number];

/** One theme and the rules that recognise it in a customer's words. */
export interface ThemeDefinition {
  /** Stable slug, unique per tenant: `waiting-time`. Renaming a theme changes its label, never its key. */
  readonly key: string;
  /** Plain label a service manager reads: "Waiting time". */
  readonly label: string;
  /** Single words, matched by lemma ("waited", "waits" and "waiting" all match `wait`). */
  readonly terms: readonly string[];
  /** Multi-word phrases, matched on lemmas in order ("took ages" matches `take age`). */
  readonly phrases: readonly string[];
  /** Words that veto this theme's match in the same sentence ("no wait at all" is not a waiting complaint). */
  readonly excludes: readonly string[];
}

/** Why a theme matched, for the API and for debugging a rule. */
export interface ThemeMatch {
  readonly key: string;
  readonly label: string;
  /** Higher is stronger; only comparable within one text. */
  readonly score: number;
  /** The words of the text that matched (not lemmas), e.g. ["waited", "forty minutes"]. */
  readonly evidence: readonly string[];
  /**
   * True when no rule matched and the learned words (rules/learned.ts) filed the text: its words are
   * still what no rule covers, so they still count towards emerging themes.
   */
  readonly learnedOnly?: boolean;
}

/** One primary theme; a secondary only where the text really says two things. */
export interface ThemeClassification {
  readonly primary: ThemeMatch | null;
  readonly secondary: ThemeMatch | null;
}
