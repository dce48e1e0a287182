/**
 * Theme proposals (issue 12, optional): themes a Workers AI model proposes for feedback that
 * matched no theme, checked and scored by features/themes/proposals.ts. Parse, authorise, call.
 * Two reads and one model call, whatever is selected: every proposal's examples come in one
 * statement (the examples' nested selection planned from the query).
 */
import { resolveRange } from '../domain/periods.ts';
import { proposeThemes, type ThemeProposal } from '../features/themes/proposals.ts';
import { PROPOSAL_LIMITS } from '../features/themes/rules/proposals.ts';
import type { FeedbackRow } from '../features/voice/service.ts';
import { builder } from './builder.ts';
import { Feedback } from './feedback.ts';
import { loadPlannedRows } from './planned-rows.ts';
import { rangeArgs } from './voice.ts';

const DEFAULT_FIRST = 5;

const ThemeProposalType = builder.objectRef<ThemeProposal>('ThemeProposal').implement({
  description: 'A theme a Workers AI model proposes for feedback that matched no theme, checked and scored with the project\'s own matcher. Nothing is applied: pass label, terms and phrases to addTheme to adopt it.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'The proposed label: 2-60 characters, not the label of any theme of the taxonomy (active or retired).' }),
    terms: t.exposeStringList('terms', { description: 'One-word rules, as lemmas (like emergingThemes\' phrases), each said in the feedback the model read: addTheme\'s `terms`.' }),
    phrases: t.exposeStringList('phrases', { description: 'Rules of several words, as lemmas, each said in the feedback the model read: addTheme\'s `phrases`.' }),
    matches: t.exposeInt('matches', { description: `How many of the texts the model read (the period's newest ${PROPOSAL_LIMITS.texts} that matched no theme) these rules match.` }),
    examples: t.field({
      type: [Feedback],
      description: 'Up to three of the records it matches, newest first.',
      resolve: (proposal, _args, ctx, info) =>
        loadPlannedRows<FeedbackRow>(ctx, 'feedback', t.drizzleQueryFromInfo('feedback', { context: ctx, info }), proposal.exampleIds),
    }),
  }),
});

builder.queryField('themeProposals', (t) =>
  t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: [ThemeProposalType],
    description: `Themes a Workers AI model proposes for the period's feedback that matched no theme (default: the last 90 days), most matches first. The model reads the customer's words of the newest ${PROPOSAL_LIMITS.texts} such records and nothing else; nothing is applied. Needs an admin or manager key (each call is billed); an expensive operation for rate limits. Top-level errors: AI_NOT_CONFIGURED (this deployment has no AI binding), AI_UNAVAILABLE (the model failed, timed out or answered something unusable).`,
    args: {
      ...rangeArgs(t.arg),
      first: t.arg.int({ defaultValue: DEFAULT_FIRST, description: `1 to ${PROPOSAL_LIMITS.proposals}; anything else is BAD_USER_INPUT, before the model is asked.` }),
    },
    resolve: (_root, args, ctx) => {
      const range = resolveRange(args, ctx.now, ['themeProposals']);
      return proposeThemes(ctx.tenant, ctx.env.AI, range, args.first ?? DEFAULT_FIRST);
    },
  }),
);
