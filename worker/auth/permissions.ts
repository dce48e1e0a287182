/**
 * What each kind of caller may do, in one table. GraphQL fields declare the permission they need
 * (`t.withAuth({ permission: name, ... })`, schema/auth-scopes.ts); a caller without it gets the
 * FORBIDDEN error `forbidden` builds, which names what is missing.
 */
import { GraphQLError } from 'graphql';
import type { EmployeeTokenScope } from './employee-tokens.ts';
import { actorOf, actorsOf, type Actor, type Principal } from './principal.ts';

export const PERMISSIONS = {
  /**
   * Read the tenant's directory and data: every root query not named more narrowly below. Scoped
   * employee tokens never hold it (see TOKEN_SCOPES): a widget's token in a browser must not read
   * the directory, feedback or ledgers.
   */
  read: { what: 'reading tenant data', actors: ['admin', 'manager', 'reader', 'employee'] },
  /** Read suggestions (the list and the follow-code lookup): whoever may read, and SUGGESTIONS tokens. */
  'suggestions:read': { what: 'reading suggestions', actors: ['admin', 'manager', 'reader', 'employee'] },
  /**
   * Reply in a suggestion's thread with its follow code (the anonymous author). The code is the
   * authority; the credential only names the organisation, so any that may write in it will do,
   * SUGGESTIONS tokens included. Not reader keys: those are read-only by promise.
   */
  'suggestions:followCode': { what: 'replying with a follow code', actors: ['admin', 'manager', 'employee'] },
  /** Create, update and deactivate teams and employees. */
  'people:write': { what: 'changing teams and employees', actors: ['admin', 'manager'] },
  /** Mint short-lived tokens that act as one employee. */
  'employeeTokens:create': { what: 'creating employee tokens', actors: ['admin', 'manager'] },
  /** List, create and revoke the tenant's API keys. */
  'apiKeys:manage': { what: 'managing API keys', actors: ['admin', 'platform'] },
  /** Manage survey templates (the questions managers ask customers). */
  'voice:templates': { what: 'managing survey templates', actors: ['admin', 'manager', 'employee:manager'] },
  /** Log survey calls and record or resolve feedback. */
  'voice:write': { what: 'logging survey calls and feedback', actors: ['admin', 'manager', 'employee:lead'] },
  /** Import complaint records from another system. */
  'voice:import': { what: 'importing complaint records', actors: ['admin', 'manager'] },
  /** Edit the tenant's theme taxonomy (add, rename, edit rules, merge, retire, restore, promote emerging themes). */
  'themes:manage': { what: 'managing complaint themes', actors: ['admin', 'manager'] },
  /** See customers' names and contact details on survey calls (personal data). */
  'voice:contact': { what: "seeing customers' contact details", actors: ['admin', 'manager', 'employee:manager'] },
  /**
   * Own complaints as oneself: take one, record what you did, resolve it, and see its customer's
   * name and contact, each only for a complaint you own (need to know; features/complaints/rules.ts).
   * Scoped (widget) tokens never hold it.
   */
  'complaints:own': { what: 'owning complaints', actors: ['employee'] },
  /**
   * Resolve feedback: whoever may log it (voice:write) resolves any; any other employee only a
   * complaint they own (checked on the record by resolveFeedback). Scoped tokens never hold it.
   */
  'feedback:resolve': { what: 'resolving feedback', actors: ['admin', 'manager', 'employee'] },
  /**
   * Ask to see a complaint's customer: holders of voice:contact see any complaint's, any other
   * employee only the customer of a complaint they own (checked on the record, and audited).
   */
  'complaints:reveal': { what: "seeing a complaint's customer", actors: ['admin', 'manager', 'employee'] },
  /** Assign a complaint to an owner: leads (their own team's), managers, directors, keys. */
  'complaints:assign': { what: 'assigning complaints', actors: ['admin', 'manager', 'employee:lead'] },
  /** Read the caller's private notes on survey calls (manager material, like the contact). */
  'voice:notes': { what: "reading survey calls' private notes", actors: ['admin', 'manager', 'employee:manager'] },
  /** Submit, vote on, comment on and follow suggestions; propose and vote on agenda items. As oneself. */
  'suggestions:participate': { what: 'taking part in suggestions and meeting agendas', actors: ['employee'] },
  /** Move suggestions through the workflow, reply to them, run experiments. */
  'suggestions:review': { what: 'reviewing suggestions and running experiments', actors: ['admin', 'manager', 'employee:manager'] },
  /** Schedule team meetings. */
  'meetings:schedule': { what: 'scheduling team meetings', actors: ['admin', 'manager', 'employee:manager'] },
  /** Recognise colleagues or a team as oneself (also from customer praise). KUDOS tokens hold it. */
  'recognition:give': { what: 'giving recognition', actors: ['employee'] },
  /** What an employee does as themselves with value at stake: propose and vote on rewards, redeem, spend a budget. */
  'employee:act': { what: 'acting as an employee', actors: ['employee'] },
  /** Approve and retire rewards, fulfil and cancel redemptions, adjust points. */
  'rewards:manage': { what: 'managing rewards, redemptions and points', actors: ['admin', 'manager', 'employee:manager'] },
  /** Create and run incentive programs (and award their points). */
  'incentives:manage': { what: 'managing incentive programs', actors: ['admin', 'manager', 'employee:manager'] },
  /** Set empowerment budgets and record spend outcomes. */
  'budgets:manage': { what: 'managing empowerment budgets', actors: ['admin', 'manager', 'employee:manager'] },
  /** Record how a budget spend turned out: the employee who spent it, or a manager. */
  'budgets:outcome': { what: 'recording spend outcomes', actors: ['admin', 'manager', 'employee'] },
  /** Change the tenant's recognition and budget policy. */
  'policy:manage': { what: "changing the organisation's recognition policy", actors: ['admin'] },
  /** Create, list and revoke publishable widget keys; choose which employees widgets show. */
  'widgets:manage': { what: 'managing widget keys and public profiles', actors: ['admin'] },
  /** The widget fields: public first names and photos, public praise, goal progress, widget feedback. */
  'widgets:public': { what: 'the widget fields', actors: ['publishable'] },
  /** Weekly summaries: settings, previews, runs and the email outbox. */
  'summaries:manage': { what: 'managing weekly summaries and their emails', actors: ['admin'] },
  /** Create tenants. */
  'tenants:create': { what: 'creating tenants', actors: ['platform'] },
  /** Platform settings of a tenant: its API rate-limit tier. */
  'tenants:manage': { what: "changing a tenant's platform settings", actors: ['platform'] },
} as const satisfies Record<string, { what: string; actors: readonly Actor[] }>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What a scoped employee token (one minted with `scopes`, e.g. for a widget) may still do: the
 * union of its scopes' permissions, and only those its employee has anyway. A scope grants only
 * what it names: never the general `read` (the whole tenant) nor `employee:act` (budgets, rewards,
 * redemptions), so a token leaked from a partner's page can do no more than its widget.
 */
export const TOKEN_SCOPES = {
  suggestions: ['suggestions:read', 'suggestions:participate', 'suggestions:followCode'],
  kudos: ['recognition:give'],
} as const satisfies Record<EmployeeTokenScope, readonly Permission[]>;

/**
 * The GraphQL object types a scoped token may select fields of, per scope (any other type is
 * FORBIDDEN before execution: worker/plugins/scoped-token-types.ts). Permissions guard the root
 * fields; this guards what lies behind them: `node(id)` and relations such as `Suggestion.author`
 * would otherwise lead from an allowed root to the directory (emails) or other tenant data.
 */
const SCOPED_COMMON_TYPES = [
  'Query', 'Mutation', 'Viewer', 'PageInfo',
  'UserError', 'ValidationError', 'NotFoundError', 'ConflictError', 'LimitReachedError', 'InvalidTransitionError', 'SelfDealingError',
] as const;
export const TOKEN_SCOPE_TYPES: Record<EmployeeTokenScope, readonly string[]> = {
  suggestions: [
    ...SCOPED_COMMON_TYPES,
    'Suggestion', 'QuerySuggestionsConnection', 'QuerySuggestionsConnectionEdge', 'SuggestionTheme',
    'SuggestionComment', 'SuggestionCommentsConnection', 'SuggestionCommentsConnectionEdge',
    'SubmitSuggestionPayload', 'SuggestionPayload', 'SuggestionCommentPayload', 'AgendaItem', 'AgendaItemPayload',
  ],
  kudos: [...SCOPED_COMMON_TYPES, 'Recognition', 'RecognitionPayload'],
};

export function hasPermission(principal: Principal, permission: Permission): boolean {
  const allowed: readonly Actor[] = PERMISSIONS[permission].actors;
  if (principal.kind === 'employee' && principal.scopes) {
    const scoped = principal.scopes.some((scope) => (TOKEN_SCOPES[scope] as readonly Permission[]).includes(permission));
    if (!scoped) return false;
  }
  return actorsOf(principal).some((actor) => allowed.includes(actor));
}

const DESCRIBE: Record<Actor, string> = {
  admin: 'an admin key',
  manager: 'a manager key',
  reader: 'a reader key',
  employee: 'an employee token',
  'employee:lead': "a lead's, manager's or director's employee token",
  'employee:manager': "a manager's or director's employee token",
  platform: 'the platform admin token',
  publishable: 'a publishable widget key',
};

/** A GraphQL error with `extensions.code = "FORBIDDEN"` that says what is needed and what was used. */
export function forbidden(principal: Principal, permission: Permission): GraphQLError {
  const rule = PERMISSIONS[permission];
  const needed = rule.actors.map((actor: Actor) => DESCRIBE[actor]).join(' or ');
  return new GraphQLError(
    `Forbidden: ${rule.what} needs ${needed}; this request uses ${DESCRIBE[actorOf(principal)]}.`,
    { extensions: { code: 'FORBIDDEN', permission, required: [...rule.actors] } },
  );
}
