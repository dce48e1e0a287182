/** Assembles the schema: importing a module registers its types and fields on the builder. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './tenants.ts';
import './teams.ts';
import './employees.ts';
import './api-keys.ts';
import './employee-tokens.ts';
import './platform.ts';
import './survey-templates.ts';
import './feedback.ts';
import './survey-calls.ts';
import './voice.ts';
import './complaint-trends.ts';
import './themes.ts';
import './theme-proposals.ts';
import './suggestions.ts';
import './suggestion-mutations.ts';
import './experiments.ts';
import './friction-trends.ts';
import './meetings.ts';
import './policy.ts';
import './recognition.ts';
import './points.ts';
import './rewards.ts';
import './incentives.ts';
import './budgets.ts';
import './complaints.ts';
import './widgets.ts';
import './summaries.ts';

/** Sorted, so the printed SDL (schema/schema.graphql) changes only where the API changes. */
export const schema = lexicographicSortSchema(builder.toSchema());
