/**
 * What a valid theme edit is (adding a theme, renaming it, editing its rules): plain valibot
 * schemas with messages that say what to fix, and the key a new theme gets. Pure; the service
 * checks what needs the stored taxonomy (unique keys and labels, the theme exists, merge targets).
 */
import * as v from 'valibot';
import { requiredText } from '../../../domain/text.ts';

export const THEME_LIMITS = {
  label: 60,
  rule: 60,
  rulesPerList: 100,
  /** Active and retired themes per tenant. */
  themes: 200,
} as const;

/**
 * One rule (a term, phrase or exclude) as a manager writes it: trimmed, lower-cased, 1 to 60
 * characters. Theme proposals (rules/proposals.ts) normalise a model's phrases with it too.
 */
export function ruleText(what: string) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.minLength(1, `Empty ${what} are not allowed; remove the blank entry.`),
    v.maxLength(THEME_LIMITS.rule, `Each of the ${what} is at most ${THEME_LIMITS.rule} characters.`),
  );
}

/** A list of rules (terms, phrases or excludes): trimmed, lower-cased, no empty entries, no duplicates. */
function ruleList(what: string) {
  return v.pipe(
    v.array(ruleText(what)),
    v.maxLength(THEME_LIMITS.rulesPerList, `A theme has at most ${THEME_LIMITS.rulesPerList} ${what}.`),
    v.check((list) => firstDuplicate(list) === null, (issue) => `The ${what} list has "${firstDuplicate(issue.input) ?? ''}" twice; keep one.`),
  );
}

/** Names the first repeated entry in a duplicate error. */
export function firstDuplicate(list: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const item of list) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return null;
}

const label = requiredText(THEME_LIMITS.label, 'Give the theme a label, e.g. "Waiting time".', `Labels are at most ${THEME_LIMITS.label} characters.`);

const rules = v.object({
  terms: v.optional(ruleList('terms'), []),
  phrases: v.optional(ruleList('phrases'), []),
  excludes: v.optional(ruleList('excludes'), []),
});

const needsAMatch = <T extends { terms: string[]; phrases: string[] }>(value: T) => value.terms.length + value.phrases.length > 0;
const NEEDS_A_MATCH = 'A theme needs at least one term or phrase, or it can never match.';

export const addThemeRules = v.pipe(
  v.object({ label, ...rules.entries }),
  v.forward(v.check((value) => needsAMatch(value), NEEDS_A_MATCH), ['terms']),
);

export const renameThemeRules = v.object({ label });

export const editRulesRules = v.pipe(
  v.object({ terms: ruleList('terms'), phrases: ruleList('phrases'), excludes: ruleList('excludes') }),
  v.forward(v.check((value) => needsAMatch(value), NEEDS_A_MATCH), ['terms']),
);

export const promoteRules = v.object({
  phrase: requiredText(THEME_LIMITS.rule, 'Name the phrase to promote, as emergingThemes lists it.', `Phrases are at most ${THEME_LIMITS.rule} characters.`),
  label,
});

/** The key of a new theme: its label as a slug ("Oat milk" -> "oat-milk"), made unique against `taken`. */
export function themeKeyFor(label: string, taken: ReadonlySet<string>): string {
  const base = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'theme';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}
