/**
 * Theme proposals from Workers AI (issue 12, optional): where an AI binding is configured, a model
 * reads a sample of the tenant's feedback that matched no theme and proposes new themes; what it
 * says is checked (rules/proposals.ts) and scored with the project's own matcher, and nothing is
 * written: a manager applies a proposal with addTheme. The deterministic path stays the default;
 * no other code depends on the binding. Reads go through TenantScope; nothing here knows GraphQL.
 */
import { desc, gte, isNull, lt, sql } from 'drizzle-orm';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { ServiceError, validationError } from '../../domain/errors.ts';
import type { DateRange } from '../../domain/periods.ts';
import { feedback } from '../voice/service.ts';
import type { ThemeDefinition } from './rules/definition.ts';
import { classifyThemes } from './rules/matcher.ts';
import { PROPOSAL_JSON_SCHEMA, PROPOSAL_LIMITS, parseProposalAnswer, proposalMessages, type ProposedTheme } from './rules/proposals.ts';
import { tenantThemes } from './service.ts';

/**
 * A current instruct model of the Workers AI catalogue that supports JSON mode (`response_format`
 * with a JSON schema): Llama 3.3 70B, fp8, the "fast" variant.
 */
export const PROPOSAL_MODEL = '@cf/meta/llama-3.3-70b-instruct-fp8-fast';
/** Room for ten proposals of five phrases each, with some to spare. */
const MAX_TOKENS = 1024;
/** How long to wait for the model before answering AI_UNAVAILABLE. */
export const PROPOSAL_TIMEOUT_MS = 20_000;
/** Example records per proposal. */
const EXAMPLES = 3;

/** The README section that says how to turn theme proposals on. */
const HOW_TO_TURN_ON = 'README, "Theme proposals with Workers AI"';

export interface ThemeProposal extends ProposedTheme {
  /** Sample texts the proposal's rules match, with the project's matcher. */
  readonly matches: number;
  /** Up to three of those records, newest first. */
  readonly exampleIds: readonly string[];
}

/** The model's client: the Workers AI binding (`env.AI`), or a fake in tests. */
export type ProposalModel = Pick<Ai, 'run'>;

interface SampleRow {
  id: string;
  body: string;
}

/**
 * The tenant's feedback in `range` that has no primary theme, newest first, at most
 * PROPOSAL_LIMITS.texts, each cut to PROPOSAL_LIMITS.textChars characters. Only the id and the
 * customer's words are read: never the customer's name or contact, the employee or the team.
 */
async function unthemedSample(tenant: TenantScope, range: DateRange): Promise<SampleRow[]> {
  return tenant
    .select({ id: feedback.id, body: sql<string>`substr(${feedback.body}, 1, ${PROPOSAL_LIMITS.textChars})` })
    .from(feedback, isNull(feedback.primaryThemeId), gte(feedback.receivedAt, range.from), lt(feedback.receivedAt, range.to))
    .orderBy(desc(feedback.receivedAt), desc(feedback.id))
    .limit(PROPOSAL_LIMITS.texts);
}

const unavailable = (message: string) => new ServiceError('AI_UNAVAILABLE', `${message} Nothing was changed; try again in a minute, or use emergingThemes.`);

/** One call to the model, bounded by `timeoutMs`; its answer (`response`), or AI_UNAVAILABLE. */
async function askModel(ai: ProposalModel, texts: readonly string[], activeLabels: readonly string[], timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  // The binding honours the signal; the race also bounds a client that does not.
  const timedOut = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true }));
  try {
    const output: unknown = await Promise.race([
      ai.run(PROPOSAL_MODEL, {
        messages: proposalMessages(activeLabels, texts).map((message) => ({ ...message })),
        max_tokens: MAX_TOKENS,
        temperature: 0.2,
        response_format: { type: 'json_schema', json_schema: PROPOSAL_JSON_SCHEMA },
      }, { signal }),
      timedOut,
    ]);
    // Text generation answers { response }: a string, or with JSON mode the parsed object.
    return typeof output === 'object' && output !== null && 'response' in output ? output.response : output;
  } catch (error) {
    // The error's name only: a binding's message may quote the model's output.
    console.error(JSON.stringify({ type: 'ai', operation: 'themeProposals', problem: signal.aborted ? 'timeout' : 'error', error: error instanceof Error ? error.name : typeof error }));
    throw unavailable(signal.aborted ? 'The AI model did not answer in time.' : 'The AI model could not be reached or failed.');
  }
}

/**
 * How many sample texts each proposal's rules match, run through the project's matcher with a
 * taxonomy of that proposal alone (its key is one the learned words do not know, so its rules alone
 * decide); proposals that match none are dropped. Most matches first (ties: the model's order).
 */
function scored(proposals: readonly ProposedTheme[], sample: readonly SampleRow[]): ThemeProposal[] {
  return proposals
    .map((proposal, order) => {
      const taxonomy: ThemeDefinition[] = [{ key: `proposal-${order}`, label: proposal.label, terms: proposal.terms, phrases: proposal.phrases, excludes: [] }];
      const matched = sample.filter((row) => classifyThemes(row.body, taxonomy).primary !== null);
      return { proposal: { ...proposal, matches: matched.length, exampleIds: matched.slice(0, EXAMPLES).map((row) => row.id) }, order };
    })
    .filter(({ proposal }) => proposal.matches > 0)
    .sort((a, b) => b.proposal.matches - a.proposal.matches || a.order - b.order)
    .map(({ proposal }) => proposal);
}

export interface ProposeOptions {
  /** @default PROPOSAL_TIMEOUT_MS */
  readonly timeoutMs?: number;
}

/**
 * Up to `first` (1 to PROPOSAL_LIMITS.proposals) themes a model proposes for the tenant's feedback
 * in `range` that matched no theme, checked and scored. `first` out of range: a VALIDATION error;
 * no binding: AI_NOT_CONFIGURED (both before any SQL). No unthemed feedback: [] without calling the model. The model failing, timing out or
 * answering something unusable: AI_UNAVAILABLE. Reads two statements (the taxonomy and the sample)
 * and applies nothing (the taxonomy read seeds the default taxonomy for an organisation that has
 * none, as every themes read does).
 */
export async function proposeThemes(
  tenant: TenantScope,
  ai: ProposalModel | undefined,
  range: DateRange,
  first: number,
  options: ProposeOptions = {},
): Promise<ThemeProposal[]> {
  if (!Number.isInteger(first) || first < 1 || first > PROPOSAL_LIMITS.proposals) {
    throw validationError(['first'], `Ask for 1 to ${PROPOSAL_LIMITS.proposals} proposals; first was ${first}.`);
  }
  if (!ai) {
    throw new ServiceError(
      'AI_NOT_CONFIGURED',
      `Theme proposals need a Workers AI binding, and this deployment has none: uncomment the [ai] block in wrangler.toml, run \`npx wrangler login\` and deploy again (${HOW_TO_TURN_ON}). emergingThemes works without it.`,
    );
  }
  const [sample, all] = await Promise.all([unthemedSample(tenant, range), tenantThemes(tenant)]);
  if (sample.length === 0) return [];
  const texts = sample.map((row) => row.body);
  const activeLabels = all.filter((theme) => theme.status === 'active').map((theme) => theme.label);
  const answer = await askModel(ai, texts, activeLabels, options.timeoutMs ?? PROPOSAL_TIMEOUT_MS);
  // Any label of the taxonomy, retired ones too: addTheme refuses them all (CONFLICT).
  const parsed = parseProposalAnswer(answer, { takenLabels: all.map((theme) => theme.label), texts });
  if (!parsed.ok) {
    console.error(JSON.stringify({ type: 'ai', operation: 'themeProposals', problem: parsed.reason }));
    throw unavailable('The AI model\'s answer was not the JSON asked for.');
  }
  return scored(parsed.proposals, sample).slice(0, first);
}
