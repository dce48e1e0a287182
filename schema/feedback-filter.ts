/** The feedback filter, shared by `Query.feedback` and its totalCount, as one SQL condition. */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { feedback } from '../db/voice.ts';
import type { FeedbackKind, FeedbackSource } from '../db/voice.ts';
import { themeKey } from '../domain/themes.ts';
import { builder } from './builder.ts';
import { idEquals } from './global-ids.ts';
import { FeedbackKindEnum, FeedbackSourceEnum, FeedbackStatusEnum } from './voice-enums.ts';

export interface FeedbackFilterValues {
  employeeId?: string | null;
  teamId?: string | null;
  kind?: FeedbackKind | null;
  source?: FeedbackSource | null;
  status?: 'open' | 'resolved' | null;
  theme?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export const FeedbackFilter = builder.inputType('FeedbackFilter', {
  fields: (t) => ({
    employeeId: t.id({ description: 'Only feedback about this employee.' }),
    teamId: t.id({ description: 'Only feedback about this team (or its people).' }),
    kind: t.field({ type: FeedbackKindEnum }),
    source: t.field({ type: FeedbackSourceEnum }),
    status: t.field({ type: FeedbackStatusEnum }),
    theme: t.string({ description: 'A theme as shown in `themes` or in complaint trends, e.g. "waiting times".' }),
    from: t.field({ type: 'DateTime', description: 'Received at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Received before.' }),
  }),
});

export function feedbackFilterSql(table: typeof feedback, filter: FeedbackFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.employeeId) conditions.push(idEquals(table.employeeId, filter.employeeId, 'Employee'));
  if (filter.teamId) conditions.push(idEquals(table.teamId, filter.teamId, 'Team'));
  if (filter.kind) conditions.push(eq(table.kind, filter.kind));
  if (filter.source) conditions.push(eq(table.source, filter.source));
  if (filter.status) conditions.push(eq(table.status, filter.status));
  if (filter.from) conditions.push(gte(table.receivedAt, filter.from));
  if (filter.to) conditions.push(lt(table.receivedAt, filter.to));
  if (filter.theme) {
    const key = themeKey(filter.theme.slice(0, 200));
    conditions.push(
      sql`EXISTS (SELECT 1 FROM feedback_themes ft WHERE ft.tenant_id = ${table.tenantId} AND ft.feedback_id = ${table.id} AND ft.theme = ${key})`,
    );
  }
  return and(...conditions);
}
