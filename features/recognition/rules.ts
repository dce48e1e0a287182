/**
 * Recognition rules: the tenant's policy (with defaults), input validation, and the anti-gaming
 * maths (no self-recognition, monthly giving allowance, per-recipient monthly cap). Plain functions;
 * the SQL guard in features/recognition/service.ts enforces the same limits atomically.
 */
import * as v from 'valibot';
import type { recognitionPolicies } from './tables.ts';
import { UserErrors, type UserErrorData } from '../../domain/errors.ts';
import { selfDealingProblem } from '../../domain/separation-of-duties.ts';

export interface RecognitionPolicy {
  monthlyGivingAllowance: number;
  recipientMonthlyCap: number;
  companyValues: string[];
  overspendPolicy: (typeof recognitionPolicies.$inferSelect)['overspendPolicy'];
}

export const DEFAULT_POLICY: RecognitionPolicy = {
  monthlyGivingAllowance: 100,
  recipientMonthlyCap: 150,
  companyValues: ['Care', 'Ownership', 'Craft', 'Teamwork'],
  overspendPolicy: 'refuse',
};

/** Most recipients one recognition may name (keeps every statement under D1's 100 parameters). */
export const MAX_RECIPIENTS = 50;

export const recognitionMessage = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('Say what they did: the message cannot be empty.'),
  v.maxLength(1000, 'Messages are at most 1000 characters.'),
);

export const pointsEach = v.pipe(
  v.number(),
  v.integer('Points are whole numbers.'),
  v.minValue(0, 'Points cannot be negative.'),
  v.maxValue(1000, 'At most 1000 points per recipient.'),
);

export const policySchema = v.object({
  monthlyGivingAllowance: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'The allowance cannot be negative.'), v.maxValue(100_000))),
  recipientMonthlyCap: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'The cap cannot be negative.'), v.maxValue(100_000))),
  companyValues: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('A company value cannot be empty.'), v.maxLength(40, 'Company values are at most 40 characters.'))),
      v.minLength(1, 'Name at least one company value.'),
      v.maxLength(20, 'At most 20 company values.'),
    ),
  ),
  overspendPolicy: v.optional(v.picklist(['refuse', 'flag'] as const)),
});

/** The policy's spelling of `value` (values match case-insensitively), or undefined. */
export function matchCompanyValue(policy: RecognitionPolicy, value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return policy.companyValues.find((candidate) => candidate.toLowerCase() === wanted);
}

export interface RecognitionCheck {
  giverId: string;
  recipientIds: string[];
  pointsEach: number;
  /** Points the giver already gave this month. */
  givenThisMonth: number;
  /** Points each recipient already received this month (absent = 0). */
  receivedThisMonth: Map<string, number>;
  policy: RecognitionPolicy;
}

/** Remaining giving allowance this month, never below zero. */
export const remainingAllowance = (policy: RecognitionPolicy, givenThisMonth: number) =>
  Math.max(0, policy.monthlyGivingAllowance - givenThisMonth);

/**
 * The anti-gaming rules, as errors a person understands; an empty list means it may be given. This
 * is the only self-recognition check: the service keeps a giver who names themselves among the
 * recipients (a team recognition skips the giver) so that it is refused here.
 */
export function recognitionProblems(check: RecognitionCheck, names: Map<string, string> = new Map()): UserErrorData[] {
  const problems: UserErrorData[] = [];
  const selfDealing = selfDealingProblem('recognize', [{ kind: 'employee', employeeId: check.giverId }], check.recipientIds, ['input', 'recipientIds']);
  if (selfDealing) problems.push(selfDealing);
  if (check.recipientIds.length === 0) {
    problems.push({ code: 'VALIDATION', path: ['input', 'recipientIds'], message: 'Recognise at least one colleague or a team with other members.' });
  }
  if (check.pointsEach > 0) {
    const total = check.pointsEach * check.recipientIds.length;
    const left = remainingAllowance(check.policy, check.givenThisMonth);
    if (total > left) {
      problems.push({
        code: 'LIMIT_REACHED',
        path: ['input', 'points'],
        message: `This gives ${total} points but you have ${left} of your ${check.policy.monthlyGivingAllowance} monthly giving points left.`,
      });
    }
    for (const id of check.recipientIds) {
      const received = check.receivedThisMonth.get(id) ?? 0;
      if (received + check.pointsEach > check.policy.recipientMonthlyCap) {
        problems.push({
          code: 'LIMIT_REACHED',
          path: ['input', 'points'],
          message: `${names.get(id) ?? 'A recipient'} can receive ${Math.max(0, check.policy.recipientMonthlyCap - received)} more recognition points this month (cap ${check.policy.recipientMonthlyCap}).`,
        });
      }
    }
  }
  return problems;
}

export function assertRecognitionAllowed(check: RecognitionCheck, names?: Map<string, string>): void {
  const problems = recognitionProblems(check, names);
  if (problems.length > 0) throw new UserErrors(problems);
}
