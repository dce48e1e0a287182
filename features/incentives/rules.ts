/**
 * Incentive programs: what a metric means, whether a measured value reaches the target, and who is
 * awarded. The measuring itself is one SQL aggregate (metrics.ts, behind service.ts).
 *
 * "Suggestions adopted" counts suggestions that reached ADOPTED in the period. For an employee only
 * suggestions they signed count: an anonymous suggestion has no author on record, and counting it
 * for anyone would reveal who wrote it.
 */
import type { IncentiveMetric, ProgramScope } from './tables.ts';
import { validationError } from '../../domain/errors.ts';

export interface ProgramShape {
  metric: IncentiveMetric;
  scope: ProgramScope;
  target: number;
  withinHours: number | null;
  employeeId: string | null;
  teamId: string | null;
}

export interface Progress {
  /** The measured value; null when there is nothing to measure yet (an average of no calls). */
  value: number | null;
  target: number;
  /** value / target, between 0 and 1. */
  ratio: number;
  achieved: boolean;
}

/** Every metric is "at least the target". */
export function progressOf(value: number | null, target: number): Progress {
  const achieved = value !== null && value >= target;
  const ratio = value === null || target <= 0 ? (achieved ? 1 : 0) : Math.min(1, Math.max(0, value / target));
  return { value, target, ratio, achieved };
}

/** Checks that a program's fields fit together; throws a VALIDATION error naming the field. */
export function assertProgramShape(program: ProgramShape): void {
  if (program.metric === 'average_satisfaction' && (program.target < 1 || program.target > 5)) {
    throw validationError(['input', 'target'], 'Average satisfaction is measured 1 to 5: pick a target in that range.');
  }
  if (program.metric !== 'average_satisfaction' && (!Number.isInteger(program.target) || program.target < 1)) {
    throw validationError(['input', 'target'], 'This metric counts things: the target is a whole number of at least 1.');
  }
  if (program.metric === 'complaints_resolved_within' && (program.withinHours === null || program.withinHours < 1 || program.withinHours > 24 * 30)) {
    throw validationError(['input', 'withinHours'], 'Say within how many hours (1 to 720) a complaint must be resolved to count.');
  }
  if (program.scope === 'employee' && !program.employeeId) {
    throw validationError(['input', 'employeeId'], 'An employee program needs the employee it is for.');
  }
  if (program.scope === 'team' && !program.teamId) {
    throw validationError(['input', 'teamId'], 'A team program needs the team it is for.');
  }
}
