/**
 * The compile step: plain facts in, structured summary items out. No SQL, no clock: every number
 * is a figure SQL computed (facts.ts), every quote an exact substring of a stored answer or
 * feedback, and every item names the records it rests on, so nothing in a summary is invented.
 *
 * Tone (DESIGN.md): specific praise first, in customers' own words, attributed to the call (date
 * and channel, never the customer); then at most two focus areas framed as next steps; then
 * progress.
 */
import { localDayLabel, type SummaryPeriod } from './schedule.ts';

export type SourceType = 'feedback' | 'survey_call' | 'recognition' | 'points_entry' | 'budget_spend' | 'suggestion' | 'experiment' | 'employee' | 'team';
export interface SourceRef {
  type: SourceType;
  id: string;
}

export type ItemSection = 'praise' | 'focus' | 'progress' | 'figures' | 'note';

export interface SummaryItem {
  section: ItemSection;
  /** The sentence shown to the reader. */
  text: string;
  /** A customer's words, verbatim (an exact substring of `sources[0]`'s stored text). */
  quote: string | null;
  /** A number as SQL computed it, and the previous period's where there is a comparison. */
  figure: { name: string; value: number; previous: number | null } | null;
  /** The records it rests on (at most MAX_SOURCES ids; `sourceCount` says how many in all). */
  sources: SourceRef[];
  sourceCount: number;
}

export const MAX_SOURCES = 50;
export const MAX_QUOTES = 3;
export const MAX_FOCUS = 2;
/** Longest quote; a longer record is cut at a sentence end (still a verbatim substring). */
export const QUOTE_MAX_CHARS = 220;

// ---- facts (plain data, produced by facts.ts) -----------------------------------------------

export interface PersonFact {
  id: string;
  name: string;
  role: 'agent' | 'lead' | 'manager' | 'director';
  teamId: string | null;
}
export interface TeamFact {
  id: string;
  name: string;
}
/** Praise or a complaint in the period, about an employee and/or a team. */
export interface FeedbackFact {
  id: string;
  kind: 'praise' | 'complaint';
  employeeId: string | null;
  teamId: string | null;
  body: string;
  source: string;
  callId: string | null;
  /** ms since epoch: the call's time for survey calls, else when it was received. */
  saidAt: number;
  channel: string | null;
  themes: string[];
}
/** Survey calls in which the customer mentioned an employee. */
export interface EmployeeCallFigure {
  employeeId: string;
  calls: number;
  averageSatisfaction: number;
  callIds: string[];
}
/** Survey calls a team logged, this period and the one before. */
export interface TeamCallFigure {
  teamId: string | null;
  calls: number;
  averageSatisfaction: number | null;
  previousCalls: number;
  previousAverageSatisfaction: number | null;
}
export interface RecognitionFact {
  recognitionId: string;
  employeeId: string;
  value: string;
  points: number;
}
export interface PointsFact {
  entryId: string;
  employeeId: string;
  kind: string;
  delta: number;
  reason: string | null;
}
export interface SpendFact {
  spendId: string;
  employeeId: string;
  kind: string;
}
/** A signed suggestion adopted in the period (anonymous ones never reach here with an author). */
export interface AdoptedSuggestionFact {
  suggestionId: string;
  authorId: string | null;
  teamId: string | null;
  title: string;
}
/** An experiment concluded in the period, with its suggestion (an anonymous one's author is never read). */
export interface ExperimentFact {
  experimentId: string;
  suggestionId: string;
  title: string;
  teamId: string | null;
  ownerId: string;
  authorId: string | null;
  outcome: 'succeeded' | 'failed' | 'inconclusive';
}
/** Complaint counts per theme and team, this period and the one before. */
export interface ThemeFact {
  teamId: string | null;
  label: string;
  count: number;
  previousCount: number;
  feedbackIds: string[];
}

export interface PeriodFacts {
  period: SummaryPeriod;
  tenantName: string;
  people: PersonFact[];
  teams: TeamFact[];
  feedback: FeedbackFact[];
  /** Praise and complaint counts in the period before, per team (for the comparisons). */
  previousFeedback: { teamId: string | null; praise: number; complaints: number }[];
  employeeCalls: EmployeeCallFigure[];
  teamCalls: TeamCallFigure[];
  recognition: RecognitionFact[];
  points: PointsFact[];
  resolvedSpends: SpendFact[];
  adoptedSuggestions: AdoptedSuggestionFact[];
  concludedExperiments: ExperimentFact[];
  themes: ThemeFact[];
}

export interface CompiledSummary {
  level: 'employee' | 'team' | 'tenant';
  /** Employee id, team id, or "tenant". */
  subjectKey: string;
  employeeId: string | null;
  teamId: string | null;
  items: SummaryItem[];
  /** Nothing was said about the subject in the period. */
  empty: boolean;
}

// ---- helpers ---------------------------------------------------------------------------------

function item(section: ItemSection, text: string, sources: SourceRef[], extra: Partial<Pick<SummaryItem, 'quote' | 'figure'>> = {}): SummaryItem {
  return { section, text, quote: extra.quote ?? null, figure: extra.figure ?? null, sources: sources.slice(0, MAX_SOURCES), sourceCount: sources.length };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
// Each label carries its own article ("an in-person conversation", not "a in-person ...").
const CHANNELS: Record<string, string> = { phone: 'a phone call', video: 'a video call', in_person: 'an in-person conversation' };
const SOURCES: Record<string, string> = {
  complaint_record: 'a complaint record', widget: 'a feedback form', peer: 'a colleague', manager: 'a manager', import: 'imported feedback',
};

/**
 * The part of `body` to quote: all of it when short, else up to the last sentence end within
 * QUOTE_MAX_CHARS (or the first QUOTE_MAX_CHARS characters cut at a word). Always a verbatim
 * substring of `body`, trimmed.
 */
export function quoteOf(body: string): string {
  const text = body.trim();
  if (text.length <= QUOTE_MAX_CHARS) return text;
  const head = text.slice(0, QUOTE_MAX_CHARS);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentenceEnd > 40) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return (wordEnd > 40 ? head.slice(0, wordEnd) : head).trim();
}

/** "a phone call on Mon 16 Nov": where a quote came from, never who said it. */
export function attribution(fact: FeedbackFact, timeZone: string): string {
  const when = localDayLabel(new Date(fact.saidAt), timeZone);
  if (fact.source === 'survey_call') return `${CHANNELS[fact.channel ?? ''] ?? 'a survey call'} on ${when}`;
  return `${SOURCES[fact.source] ?? 'a customer'} on ${when}`;
}

/** Newest first, survey calls before other channels (the customer's own words on a call). */
function byQuoteOrder(a: FeedbackFact, b: FeedbackFact): number {
  const call = Number(b.source === 'survey_call') - Number(a.source === 'survey_call');
  return call || b.saidAt - a.saidAt || a.id.localeCompare(b.id);
}

/** Praise with words to quote (a star-only widget rating has an empty body: nothing to quote). */
const hasWords = (fact: FeedbackFact) => quoteOf(fact.body) !== '';

/**
 * The quotes (customers' own words) first, then one figure for star-only widget ratings, so a
 * rating without a comment counts as praise without ever becoming an empty quote.
 */
function praiseItems(praise: FeedbackFact[], timeZone: string, about: (fact: FeedbackFact) => string | null, whom: string): SummaryItem[] {
  const items = quoteItems(praise.filter(hasWords), timeZone, about);
  const stars = praise.filter((fact) => !hasWords(fact) && fact.source === 'widget');
  if (stars.length > 0) {
    const who = stars.length === 1 ? 'customer' : 'customers';
    items.push(item('praise', `${stars.length} ${who} rated ${whom} 4–5 stars on the feedback widget.`, stars.map((fact) => ({ type: 'feedback' as const, id: fact.id })), {
      figure: { name: 'starRatings', value: stars.length, previous: null },
    }));
  }
  return items;
}

function quoteItems(praise: FeedbackFact[], timeZone: string, about: (fact: FeedbackFact) => string | null): SummaryItem[] {
  return [...praise]
    .sort(byQuoteOrder)
    .slice(0, MAX_QUOTES)
    .map((fact) => {
      const quote = quoteOf(fact.body);
      const sources: SourceRef[] = [{ type: 'feedback', id: fact.id }];
      if (fact.callId) sources.push({ type: 'survey_call', id: fact.callId });
      const who = about(fact);
      return item('praise', `“${quote}” (${who ? `about ${who}, ` : ''}${attribution(fact, timeZone)})`, sources, { quote });
    });
}

/** Complaint themes (or, without themes, the complaints themselves) grouped, most frequent first. */
function focusGroups(complaints: FeedbackFact[]): { label: string; facts: FeedbackFact[] }[] {
  const groups = new Map<string, FeedbackFact[]>();
  for (const fact of complaints) {
    const label = fact.themes[0] ?? '';
    groups.set(label, [...(groups.get(label) ?? []), fact]);
  }
  return [...groups.entries()]
    .map(([label, facts]) => ({ label, facts }))
    .sort((a, b) => b.facts.length - a.facts.length || a.label.localeCompare(b.label));
}

function focusItems(complaints: FeedbackFact[], subject: 'you' | 'the team' | 'the company'): SummaryItem[] {
  return focusGroups(complaints)
    .slice(0, MAX_FOCUS)
    .map(({ label, facts }) => {
      const times = plural(facts.length, 'time');
      const topic = label ? `“${label}”` : 'something that went wrong';
      const text = `Next step: customers mentioned ${topic} ${times}. Pick one of these conversations and ask what would have made it right; that is where ${subject} can grow fastest.`;
      return item('focus', text, facts.map((fact) => ({ type: 'feedback' as const, id: fact.id })), { figure: { name: 'complaintsOnTheme', value: facts.length, previous: null } });
    });
}

/** The employee's name; someone who has left since is "a former colleague" (their praise still counts). */
const nameIn = (people: PersonFact[], employeeId: string | null) =>
  employeeId === null ? null : (people.find((p) => p.id === employeeId)?.name ?? 'a former colleague');

const sumBy = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);

// ---- employee level ----------------------------------------------------------------------------

/** What customers said about one employee this week, then next steps, then progress. */
export function compileEmployee(person: PersonFact, facts: PeriodFacts): CompiledSummary {
  const tz = facts.period.timeZone;
  const mine = facts.feedback.filter((fact) => fact.employeeId === person.id);
  const praise = mine.filter((fact) => fact.kind === 'praise');
  const complaints = mine.filter((fact) => fact.kind === 'complaint');
  const calls = facts.employeeCalls.find((figure) => figure.employeeId === person.id);
  const items: SummaryItem[] = praiseItems(praise, tz, () => null, 'you');

  if (praise.filter(hasWords).length > MAX_QUOTES) {
    items.push(item('praise', `Customers praised you ${plural(praise.length, 'time')} this week in all.`, praise.map((fact) => ({ type: 'feedback', id: fact.id })), {
      figure: { name: 'praise', value: praise.length, previous: null },
    }));
  }
  if (calls && calls.calls > 0) {
    const callSources = calls.callIds.map((id) => ({ type: 'survey_call' as const, id }));
    items.push(item('figures', `${plural(calls.calls, 'survey call')} mentioned you; those customers rated their visit ${oneDecimal(calls.averageSatisfaction)} out of 5 on average.`, callSources, {
      figure: { name: 'averageSatisfaction', value: calls.averageSatisfaction, previous: null },
    }));
  }
  items.push(...focusItems(complaints, 'you'));
  items.push(...progressItems(person, facts));

  const empty = mine.length === 0 && !calls;
  if (empty) items.unshift(item('note', 'No customer mentioned you by name this week. That happens; next week is a new chance to be the name they remember.', []));
  return { level: 'employee', subjectKey: person.id, employeeId: person.id, teamId: null, items, empty };
}

function progressItems(person: PersonFact, facts: PeriodFacts): SummaryItem[] {
  const items: SummaryItem[] = [];
  const recognition = facts.recognition.filter((fact) => fact.employeeId === person.id);
  if (recognition.length > 0) {
    const values = [...new Set(recognition.map((fact) => fact.value))].sort().join(', ');
    items.push(item('progress', `Colleagues recognised you ${plural(recognition.length, 'time')} (${values}).`, recognition.map((fact) => ({ type: 'recognition', id: fact.recognitionId })), {
      figure: { name: 'recognitions', value: recognition.length, previous: null },
    }));
  }
  const earned = facts.points.filter((fact) => fact.employeeId === person.id && fact.delta > 0);
  if (earned.length > 0) {
    const total = sumBy(earned, (fact) => fact.delta);
    items.push(item('progress', `You earned ${plural(total, 'point')} this week.`, earned.map((fact) => ({ type: 'points_entry', id: fact.entryId })), {
      figure: { name: 'pointsEarned', value: total, previous: null },
    }));
  }
  for (const goal of earned.filter((fact) => fact.kind === 'achievement' && fact.reason)) {
    items.push(item('progress', `${goal.reason} (+${goal.delta} points).`, [{ type: 'points_entry', id: goal.entryId }]));
  }
  const spends = facts.resolvedSpends.filter((fact) => fact.employeeId === person.id);
  if (spends.length > 0) {
    items.push(item('progress', `${plural(spends.length, 'make-it-right or kindness spend')} of yours ended with the customer's problem resolved.`, spends.map((fact) => ({ type: 'budget_spend', id: fact.spendId })), {
      figure: { name: 'resolvedSpends', value: spends.length, previous: null },
    }));
  }
  for (const suggestion of facts.adoptedSuggestions.filter((fact) => fact.authorId === person.id)) {
    items.push(item('progress', `Your suggestion “${suggestion.title}” was adopted.`, [{ type: 'suggestion', id: suggestion.suggestionId }]));
  }
  for (const experiment of facts.concludedExperiments) {
    const whose = experiment.ownerId === person.id ? 'The experiment you ran on' : experiment.authorId === person.id ? 'The experiment on your suggestion' : null;
    if (whose) items.push(item('progress', `${whose} “${experiment.title}” ${OUTCOMES[experiment.outcome]}.`, experimentSources(experiment)));
  }
  return items;
}

// A failed experiment is progress too (DESIGN.md: learn from what fails), so it is worded as such.
const OUTCOMES: Record<ExperimentFact['outcome'], string> = {
  succeeded: 'concluded: it worked',
  failed: 'concluded: it did not work out, and what it taught is on record',
  inconclusive: 'concluded without a clear answer yet',
};
const SHORT_OUTCOMES: Record<ExperimentFact['outcome'], string> = { succeeded: 'worked', failed: 'did not work out', inconclusive: 'inconclusive' };
const experimentSources = (experiment: ExperimentFact): SourceRef[] => [{ type: 'experiment', id: experiment.experimentId }, { type: 'suggestion', id: experiment.suggestionId }];

// ---- team and tenant levels --------------------------------------------------------------------

function comparison(value: number, previous: number | null): string {
  if (previous === null) return '';
  if (value === previous) return ' (the same as the week before)';
  return ` (${value > previous ? 'up' : 'down'} from ${previous} the week before)`;
}

function voiceFigures(calls: TeamCallFigure[], praise: FeedbackFact[], previousPraise: number, subject: string): SummaryItem[] {
  const items: SummaryItem[] = [];
  const callCount = sumBy(calls, (figure) => figure.calls);
  const previousCalls = sumBy(calls, (figure) => figure.previousCalls);
  const weighted = (pick: (f: TeamCallFigure) => [number, number | null]) => {
    const rows = calls.map(pick).filter((pair): pair is [number, number] => pair[1] !== null && pair[0] > 0);
    const n = sumBy(rows, ([count]) => count);
    return n === 0 ? null : sumBy(rows, ([count, average]) => count * average) / n;
  };
  const average = weighted((f) => [f.calls, f.averageSatisfaction]);
  const previousAverage = weighted((f) => [f.previousCalls, f.previousAverageSatisfaction]);
  const teamSources = calls.filter((f) => f.teamId).map((f) => ({ type: 'team' as const, id: f.teamId! }));
  items.push(item('figures', `${subject} logged ${plural(callCount, 'survey call')}${comparison(callCount, previousCalls)}.`, teamSources, {
    figure: { name: 'surveyCalls', value: callCount, previous: previousCalls },
  }));
  if (average !== null) {
    const before = previousAverage === null ? '' : ` (${oneDecimal(previousAverage)} the week before)`;
    items.push(item('figures', `Average satisfaction on those calls: ${oneDecimal(average)} out of 5${before}.`, teamSources, {
      figure: { name: 'averageSatisfaction', value: average, previous: previousAverage },
    }));
  }
  items.push(item('figures', `Customers praised ${subject === 'The team' ? 'the team' : 'your people'} ${plural(praise.length, 'time')}${comparison(praise.length, previousPraise)}.`, praise.map((fact) => ({ type: 'feedback', id: fact.id })), {
    figure: { name: 'praise', value: praise.length, previous: previousPraise },
  }));
  return items;
}

function praisedPeople(praise: FeedbackFact[], people: PersonFact[]): SummaryItem | null {
  const counts = new Map<string, FeedbackFact[]>();
  for (const fact of praise) if (fact.employeeId) counts.set(fact.employeeId, [...(counts.get(fact.employeeId) ?? []), fact]);
  if (counts.size === 0) return null;
  const names = [...counts.entries()]
    .map(([id, facts]) => ({ name: nameIn(people, id)!, facts }))
    .sort((a, b) => b.facts.length - a.facts.length || a.name.localeCompare(b.name));
  const text = `Praised by name: ${names.map(({ name, facts }) => `${name} (${facts.length})`).join(', ')}. A word from you this week will make it land.`;
  return item('praise', text, names.flatMap(({ facts }) => facts.map((fact) => ({ type: 'feedback' as const, id: fact.id }))));
}

function risingThemes(themes: ThemeFact[]): SummaryItem[] {
  const merged = new Map<string, ThemeFact>();
  for (const theme of themes) {
    const seen = merged.get(theme.label);
    merged.set(theme.label, seen
      ? { ...seen, count: seen.count + theme.count, previousCount: seen.previousCount + theme.previousCount, feedbackIds: [...seen.feedbackIds, ...theme.feedbackIds] }
      : { ...theme, feedbackIds: [...theme.feedbackIds] });
  }
  return [...merged.values()]
    .filter((theme) => theme.count > theme.previousCount && theme.count >= 2)
    .sort((a, b) => b.count - b.previousCount - (a.count - a.previousCount) || a.label.localeCompare(b.label))
    .slice(0, MAX_FOCUS)
    .map((theme) =>
      item('focus', `Rising: complaints about “${theme.label}” went from ${theme.previousCount} to ${theme.count}. Worth a few minutes at the next team meeting: what would fix it at the source?`,
        theme.feedbackIds.map((id) => ({ type: 'feedback' as const, id })), { figure: { name: 'complaintsOnTheme', value: theme.count, previous: theme.previousCount } }),
    );
}

/** The team's picture for its lead: voice against the week before, who was praised, rising themes. */
export function compileTeam(team: TeamFact, facts: PeriodFacts): CompiledSummary {
  const tz = facts.period.timeZone;
  const members = new Set(facts.people.filter((p) => p.teamId === team.id).map((p) => p.id));
  const about = (fact: FeedbackFact) => fact.teamId === team.id || (fact.employeeId !== null && members.has(fact.employeeId));
  const mine = facts.feedback.filter(about);
  const praise = mine.filter((fact) => fact.kind === 'praise');
  const previous = facts.previousFeedback.find((row) => row.teamId === team.id);
  const calls = facts.teamCalls.filter((figure) => figure.teamId === team.id);
  const nameOf = (fact: FeedbackFact) => nameIn(facts.people, fact.employeeId);

  const items = [...praiseItems(praise, tz, nameOf, 'the team')];
  const praised = praisedPeople(praise, facts.people);
  if (praised) items.push(praised);
  items.push(...voiceFigures(calls, praise, previous?.praise ?? 0, 'The team'));
  items.push(...risingThemes(facts.themes.filter((theme) => theme.teamId === team.id)));
  for (const suggestion of facts.adoptedSuggestions.filter((fact) => fact.teamId === team.id)) {
    items.push(item('progress', `The team's suggestion “${suggestion.title}” was adopted.`, [{ type: 'suggestion', id: suggestion.suggestionId }]));
  }
  for (const experiment of facts.concludedExperiments.filter((fact) => fact.teamId === team.id)) {
    items.push(item('progress', `The team's experiment on “${experiment.title}” ${OUTCOMES[experiment.outcome]}.`, experimentSources(experiment)));
  }
  const empty = mine.length === 0 && sumBy(calls, (f) => f.calls) === 0;
  if (empty) items.unshift(item('note', 'No survey calls or feedback reached the team this week.', []));
  return { level: 'team', subjectKey: team.id, employeeId: null, teamId: team.id, items, empty };
}

/** The whole picture for directors: totals against the week before, teams by praise, rising themes. */
export function compileTenant(facts: PeriodFacts): CompiledSummary {
  const tz = facts.period.timeZone;
  const praise = facts.feedback.filter((fact) => fact.kind === 'praise');
  const nameOf = (fact: FeedbackFact) => nameIn(facts.people, fact.employeeId);
  const items = [...praiseItems(praise, tz, nameOf, 'your people')];
  items.push(...voiceFigures(facts.teamCalls, praise, sumBy(facts.previousFeedback, (row) => row.praise), 'Your teams'));
  const complaints = facts.feedback.filter((fact) => fact.kind === 'complaint');
  const previousComplaints = sumBy(facts.previousFeedback, (row) => row.complaints);
  items.push(item('figures', `Complaints: ${complaints.length}${comparison(complaints.length, previousComplaints)}.`, complaints.map((fact) => ({ type: 'feedback', id: fact.id })), {
    figure: { name: 'complaints', value: complaints.length, previous: previousComplaints },
  }));
  const byTeam = facts.teams
    .map((team) => ({ team, praise: praise.filter((fact) => fact.teamId === team.id) }))
    .filter((row) => row.praise.length > 0)
    .sort((a, b) => b.praise.length - a.praise.length || a.team.name.localeCompare(b.team.name));
  if (byTeam.length > 0) {
    items.push(item('praise', `Praise by team: ${byTeam.map((row) => `${row.team.name} (${row.praise.length})`).join(', ')}.`,
      byTeam.flatMap((row) => row.praise.map((fact) => ({ type: 'feedback' as const, id: fact.id })))));
  }
  items.push(...risingThemes(facts.themes));
  const adopted = facts.adoptedSuggestions;
  if (adopted.length > 0) {
    items.push(item('progress', `${plural(adopted.length, 'suggestion')} adopted: ${adopted.map((s) => `“${s.title}”`).join(', ')}.`, adopted.map((s) => ({ type: 'suggestion', id: s.suggestionId }))));
  }
  const concluded = facts.concludedExperiments;
  if (concluded.length > 0) {
    const list = concluded.map((x) => `“${x.title}” (${SHORT_OUTCOMES[x.outcome]})`).join(', ');
    items.push(item('progress', `${plural(concluded.length, 'experiment')} concluded: ${list}.`, concluded.flatMap(experimentSources), {
      figure: { name: 'experimentsConcluded', value: concluded.length, previous: null },
    }));
  }
  const empty = facts.feedback.length === 0 && sumBy(facts.teamCalls, (f) => f.calls) === 0;
  return { level: 'tenant', subjectKey: 'tenant', employeeId: null, teamId: null, items, empty };
}

/** Facts narrowed to one employee's own rows (so a tenant-wide compile is linear, not people x facts). */
function groupByEmployee(facts: PeriodFacts): Map<string, PeriodFacts> {
  const groups = new Map<string, PeriodFacts>();
  const groupOf = (employeeId: string | null) => {
    if (employeeId === null) return null;
    let group = groups.get(employeeId);
    if (!group) {
      group = { ...facts, feedback: [], employeeCalls: [], recognition: [], points: [], resolvedSpends: [], adoptedSuggestions: [], concludedExperiments: [] };
      groups.set(employeeId, group);
    }
    return group;
  };
  for (const row of facts.feedback) groupOf(row.employeeId)?.feedback.push(row);
  for (const row of facts.employeeCalls) groupOf(row.employeeId)?.employeeCalls.push(row);
  for (const row of facts.recognition) groupOf(row.employeeId)?.recognition.push(row);
  for (const row of facts.points) groupOf(row.employeeId)?.points.push(row);
  for (const row of facts.resolvedSpends) groupOf(row.employeeId)?.resolvedSpends.push(row);
  for (const row of facts.adoptedSuggestions) groupOf(row.authorId)?.adoptedSuggestions.push(row);
  // Owner and author (when signed, and someone else) both hear how the experiment ended.
  for (const row of facts.concludedExperiments) {
    groupOf(row.ownerId)?.concludedExperiments.push(row);
    if (row.authorId !== row.ownerId) groupOf(row.authorId)?.concludedExperiments.push(row);
  }
  return groups;
}

/** Every summary of the period for the enabled levels. */
export function compileAll(facts: PeriodFacts, levels: readonly ('employee' | 'team' | 'tenant')[]): CompiledSummary[] {
  const compiled: CompiledSummary[] = [];
  if (levels.includes('employee')) {
    const groups = groupByEmployee(facts);
    const nothing: PeriodFacts = { ...facts, feedback: [], employeeCalls: [], recognition: [], points: [], resolvedSpends: [], adoptedSuggestions: [], concludedExperiments: [] };
    for (const person of facts.people) compiled.push(compileEmployee(person, groups.get(person.id) ?? nothing));
  }
  if (levels.includes('team')) for (const team of facts.teams) compiled.push(compileTeam(team, facts));
  if (levels.includes('tenant')) compiled.push(compileTenant(facts));
  return compiled;
}
