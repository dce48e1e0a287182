/**
 * Separation of duties, as any finance system has it: nobody approves, fulfils, funds or awards
 * value to themselves, by any path. Every mutation that moves value (points, rewards, budgets,
 * recognition) asks this one module, so a new path cannot invent its own exception.
 *
 * Who decides:
 * - an API key acts for the organisation (the actor is the key, never an employee), so it may do
 *   these things for anyone, the key's holder included: keys are given to systems, not people;
 * - an employee token acts as its employee, whatever their role, and is bound by the rules below.
 *
 * The rule: an employee who decides (proposes, creates, approves, evaluates, sets) is never among
 * the beneficiaries of that decision. Where one decision benefits many people (a team or tenant
 * incentive program), the deciders are excluded from it and the others are still served; where it
 * benefits one person, the decision is refused with a SELF_DEALING error naming who must do it.
 */
import { UserErrors, type UserErrorData } from './errors.ts';

export type DutyActor =
  /** A secret API key: acts for the organisation. */
  | { kind: 'organisation'; keyId: string }
  /** An employee token: acts as this employee (a manager's token too). */
  | { kind: 'employee'; employeeId: string };

/** The value-moving actions, each with the sentence a person reads when they try it on themselves. */
export const SELF_DEALING_RULES = {
  awardPoints: 'You cannot award incentive points to yourself: another manager or an API key must set up a program that pays you.',
  adjustPoints: 'You cannot adjust your own points: another manager or an API key must do it.',
  approveReward: 'You proposed this reward, so someone else must approve it: another manager or an API key.',
  voteForReward: 'You proposed this reward: votes are for other people to give.',
  fulfillRedemption: 'This is your own redemption: another manager or an API key must fulfil it.',
  setBudget: 'You cannot set your own empowerment budget: another manager or an API key must set it.',
  spendBudget: 'You set this budget for yourself, so it cannot be spent: ask another manager to set your budget.',
  recognize: 'You cannot recognise yourself: pick a colleague.',
  reviewSpend: 'This is your own spend: another manager or an API key must review it.',
} as const;

export type ValueAction = keyof typeof SELF_DEALING_RULES;

/** The employee behind a decision, or null when the organisation (a key) decided. */
export function deciderEmployeeId(actor: DutyActor): string | null {
  return actor.kind === 'employee' ? actor.employeeId : null;
}

/**
 * The employees among `deciders` (the people who took part in a decision: its creator, its
 * approver, whoever triggers it now), without duplicates. Keys are not people and are left out.
 * An id recorded as the decider of an earlier step (e.g. a program's creator) may be a key id or
 * null (unknown); only employee ids count.
 */
export function deciderEmployeeIds(deciders: readonly (DutyActor | null)[]): string[] {
  const ids = deciders.map((actor) => (actor ? deciderEmployeeId(actor) : null)).filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** The SELF_DEALING error for `action`, at `path`. */
export function selfDealingError(action: ValueAction, path: readonly string[]): UserErrorData {
  return { code: 'SELF_DEALING', path: [...path], message: SELF_DEALING_RULES[action] };
}

/**
 * The problem with `deciders` taking `action` for `beneficiaries`, or null when it is allowed:
 * allowed unless an employee among the deciders is also a beneficiary.
 */
export function selfDealingProblem(
  action: ValueAction,
  deciders: readonly (DutyActor | null)[],
  beneficiaries: readonly (string | null | undefined)[],
  path: readonly string[],
): UserErrorData | null {
  const people = new Set(deciderEmployeeIds(deciders));
  return beneficiaries.some((id) => id != null && people.has(id)) ? selfDealingError(action, path) : null;
}

/** Throws the SELF_DEALING error when `selfDealingProblem` finds one. */
export function assertNoSelfDealing(
  action: ValueAction,
  deciders: readonly (DutyActor | null)[],
  beneficiaries: readonly (string | null | undefined)[],
  path: readonly string[],
): void {
  const problem = selfDealingProblem(action, deciders, beneficiaries, path);
  if (problem) throw new UserErrors([problem]);
}

/**
 * For decisions that serve many people at once: the beneficiaries split into those who may be
 * served and the deciders who are excluded (they stay unpaid by this decision; another person's
 * decision can still serve them).
 */
export function splitBeneficiaries(
  deciders: readonly (DutyActor | null)[],
  beneficiaries: readonly string[],
): { allowed: string[]; excluded: string[] } {
  const people = new Set(deciderEmployeeIds(deciders));
  return {
    allowed: beneficiaries.filter((id) => !people.has(id)),
    excluded: beneficiaries.filter((id) => people.has(id)),
  };
}

/**
 * How the actor of a recorded decision is stored (ledger `actor`, `created_by`, `set_by`,
 * `decided_by` columns): an employee id, an API key id, or null when unknown (rows written before
 * it was recorded). Employee ids start with "emp_" (db/ids.ts).
 */
export function recordedActor(stored: string | null | undefined): DutyActor | null {
  if (!stored) return null;
  return stored.startsWith('emp_') ? { kind: 'employee', employeeId: stored } : { kind: 'organisation', keyId: stored };
}
