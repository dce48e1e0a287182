/**
 * The suggestion box's reads and writes through TenantScope, GraphQL-free: used by
 * schema/suggestions.ts, schema/suggestion-mutations.ts, schema/experiments.ts,
 * schema/friction-trends.ts, and by other features (meetings rank complaint trends like friction trends).
 */
export { finishTrends, suggestionCategoryTrends, suggestionThemeTrends, type TrendRow } from './trends.ts';
export { OPEN_STATUSES } from './rules.ts';
