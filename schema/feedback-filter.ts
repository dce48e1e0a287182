/** The feedback filter, shared by `Query.feedback` and its totalCount, as one SQL condition. */
import { feedbackWhere } from '../features/voice/service.ts';
import type { feedback, FeedbackKind, FeedbackSource } from '../features/voice/tables.ts';
import { builder } from './builder.ts';
import { localIdFilter, tryDecodeId } from './global-ids.ts';
import { FeedbackKindEnum, FeedbackSourceEnum, FeedbackStatusEnum } from './voice-enums.ts';

export interface FeedbackFilterValues {
  employeeId?: string | null;
  teamId?: string | null;
  ownerId?: string | null;
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
    ownerId: t.id({ description: 'Only complaints this employee owns (pass your own id for "my complaints").' }),
    kind: t.field({ type: FeedbackKindEnum }),
    source: t.field({ type: FeedbackSourceEnum }),
    status: t.field({ type: FeedbackStatusEnum }),
    theme: t.string({ description: 'A theme\'s id, key (`waiting-time`) or label ("Waiting time"), as `themes` or complaint trends show it.' }),
    from: t.field({ type: 'DateTime', description: 'Received at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Received before.' }),
  }),
});

export function feedbackFilterSql(table: typeof feedback, filter: FeedbackFilterValues | null | undefined) {
  if (!filter) return undefined;
  return feedbackWhere(table, {
    employee: filter.employeeId ? localIdFilter(filter.employeeId, 'Employee') : undefined,
    team: filter.teamId ? localIdFilter(filter.teamId, 'Team') : undefined,
    owner: filter.ownerId ? localIdFilter(filter.ownerId, 'Employee') : undefined,
    kind: filter.kind,
    source: filter.source,
    status: filter.status,
    ...themeCondition(filter.theme),
    from: filter.from,
    to: filter.to,
  });
}

/** A theme filter is a Theme's global id, or else a key or label. */
function themeCondition(theme: string | null | undefined): { theme?: string; themeId?: string | null } {
  if (!theme) return {};
  const decoded = tryDecodeId(theme);
  if (decoded?.typename === 'Theme') return { themeId: decoded.id };
  return { theme };
}
