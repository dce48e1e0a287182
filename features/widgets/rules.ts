/**
 * The widgets' rules as pure functions: which origins a key may name and which request origins it
 * accepts, the publishable key format, what a feedback tap may contain, when a second tap replaces
 * the first, and what counts as a duplicate. No I/O and no clock: `now` is passed in.
 */
import { WIDGET_KINDS, type WidgetKind } from './tables.ts';

export const PUBLISHABLE_KEY_PREFIX = 'fl_pk_';
/** Characters after the prefix: 32 base62 characters, about 190 bits. */
export const PUBLISHABLE_KEY_RANDOM_LENGTH = 32;

export const WIDGET_LIMITS = {
  /** Allowed origins per key: a key is for a few sites, not a wildcard in disguise. */
  originsPerKey: 20,
  keyName: 100,
  comment: 1000,
  /** A second tap with the same tap id within this window replaces the first. */
  replaceWindowMs: 15 * 60_000,
  /** The same comment about the same employee within this window is a duplicate. */
  duplicateWindowMs: 15 * 60_000,
  kudosItems: 20,
} as const;

/** Whether `value` looks like a publishable key (a cheap check before any hashing or SQL). */
export function isPublishableKey(value: string): boolean {
  return new RegExp(`^${PUBLISHABLE_KEY_PREFIX}[0-9A-Za-z]{${PUBLISHABLE_KEY_RANDOM_LENGTH}}$`).test(value);
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * An allowed origin as an admin typed it, normalised to `scheme://host[:port]` (lower case, no
 * default port). Only https, except http for localhost during development. No paths, no
 * wildcards: an origin is exactly one site, which is what the browser's `Origin` header names.
 */
export function normalizeOrigin(input: string): OriginCheck {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${input}" is not an origin: write it like https://shop.example.com.` };
  }
  if (text.includes('*')) return { ok: false, message: `"${input}": wildcards are not allowed; list each origin.` };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return { ok: false, message: `"${input}": origins must use https (http only for localhost).` };
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { ok: false, message: `"${input}": an origin is scheme, host and port only, without a path, query or fragment.` };
  }
  return { ok: true, origin: url.origin };
}

/**
 * Whether a request's `Origin` header is one of the key's allowed origins. Exact match after
 * normalisation; a missing or opaque ("null") origin is never allowed.
 */
export function originAllowed(requestOrigin: string | null, allowed: readonly string[]): requestOrigin is string {
  if (!requestOrigin || requestOrigin === 'null') return false;
  const check = normalizeOrigin(requestOrigin);
  // A browser sends the serialised origin, so anything that normalises differently is not one.
  return check.ok && check.origin === requestOrigin && allowed.includes(check.origin);
}

export function isWidgetKind(value: string): value is WidgetKind {
  return (WIDGET_KINDS as readonly string[]).includes(value);
}

/** Tap ids are made by the widget with crypto.getRandomValues: 16 to 64 URL-safe characters. */
export function isTapId(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(value);
}

/**
 * One-tap ratings are 1 to 5; 4 and 5 are praise, 1 to 3 something to improve. Two of the voice
 * feature's feedback kinds, named here because pure rules do not import another feature.
 */
export function feedbackKindFor(rating: number): 'praise' | 'complaint' {
  return rating >= 4 ? 'praise' : 'complaint';
}

/** Customers see first names only. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** A photo URL for widgets: https only (it is loaded on partners' pages), at most 500 characters. */
export function photoUrlProblem(value: string): string | null {
  if (value.length > 500) return 'Photo URLs are at most 500 characters.';
  try {
    if (new URL(value).protocol === 'https:') return null;
  } catch {
    // fall through
  }
  return 'The photo URL must be an https:// address.';
}

export interface TapRecord {
  employeeId: string;
  feedbackId: string;
  recordedAt: Date;
}

/**
 * What a tap does: the first tap of a tap id records new feedback; a later tap with the same id,
 * for the same employee, within the window replaces it; after the window (or for another employee)
 * it records new feedback again.
 */
export function tapAction(previous: TapRecord | null, employeeId: string, now: Date): 'record' | 'replace' {
  if (!previous || previous.employeeId !== employeeId) return 'record';
  return now.getTime() - previous.recordedAt.getTime() < WIDGET_LIMITS.replaceWindowMs ? 'replace' : 'record';
}

/** Comments compared for duplicates: case, spacing and trailing punctuation do not make a new comment. */
export function commentFingerprint(comment: string): string {
  return comment.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?]+$/, '').trim();
}

/** A honeypot field is invisible to people; anything in it means a bot filled the form. */
export function isBot(honeypot: string | null | undefined): boolean {
  return Boolean(honeypot && honeypot.trim() !== '');
}
