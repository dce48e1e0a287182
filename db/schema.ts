/** Every table, for drizzle-kit and the relations. One module per domain; this file only gathers them. */
export * from './tenants.ts';
export * from '../features/people/tables.ts';
export * from '../features/platform/tables.ts';
export * from '../features/voice/tables.ts';
export * from '../features/themes/tables.ts';
export * from '../features/suggestions/tables.ts';
export * from '../features/meetings/tables.ts';
export * from '../features/recognition/tables.ts';
export * from '../features/incentives/tables.ts';
export * from '../features/rewards/tables.ts';
export * from '../features/points/tables.ts';
export * from '../features/budgets/tables.ts';
export * from '../features/complaints/tables.ts';
export * from '../features/widgets/tables.ts';
export * from '../features/summaries/tables.ts';
