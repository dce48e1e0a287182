import { describe, expect, it } from 'vitest';
import { UserErrors } from './errors.ts';
import {
  assertNoSelfDealing,
  deciderEmployeeIds,
  recordedActor,
  selfDealingProblem,
  splitBeneficiaries,
  type DutyActor,
} from './separation-of-duties.ts';

const mia: DutyActor = { kind: 'employee', employeeId: 'emp_mia' };
const noah: DutyActor = { kind: 'employee', employeeId: 'emp_noah' };
const key: DutyActor = { kind: 'organisation', keyId: 'key_ops' };

describe('separation of duties', () => {
  it('refuses an employee deciding value for themselves, with a typed error at the path', () => {
    expect(selfDealingProblem('adjustPoints', [mia], ['emp_mia'], ['input', 'employeeId'])).toEqual({
      code: 'SELF_DEALING',
      path: ['input', 'employeeId'],
      message: 'You cannot adjust your own points: another manager or an API key must do it.',
    });
    expect(() => assertNoSelfDealing('fulfillRedemption', [mia], ['emp_mia'], ['input'])).toThrow(UserErrors);
  });

  it('allows another employee, and a key acting for the organisation, to serve anyone', () => {
    expect(selfDealingProblem('adjustPoints', [noah], ['emp_mia'], [])).toBeNull();
    expect(selfDealingProblem('setBudget', [key], ['emp_mia'], [])).toBeNull();
    expect(() => assertNoSelfDealing('approveReward', [key], ['emp_mia'], [])).not.toThrow();
  });

  it('counts every decider of a decision: an earlier creator as well as whoever acts now', () => {
    expect(selfDealingProblem('awardPoints', [key, mia], ['emp_noah', 'emp_mia'], [])?.code).toBe('SELF_DEALING');
    expect(selfDealingProblem('awardPoints', [null, noah], ['emp_mia'], [])).toBeNull();
    expect(deciderEmployeeIds([mia, key, null, mia, noah])).toEqual(['emp_mia', 'emp_noah']);
  });

  it('splits many beneficiaries into those served and the deciders excluded', () => {
    expect(splitBeneficiaries([mia], ['emp_ana', 'emp_mia', 'emp_ben'])).toEqual({ allowed: ['emp_ana', 'emp_ben'], excluded: ['emp_mia'] });
    expect(splitBeneficiaries([key], ['emp_ana', 'emp_mia'])).toEqual({ allowed: ['emp_ana', 'emp_mia'], excluded: [] });
  });

  it('reads recorded actors: employees, keys, and unknown (older rows)', () => {
    expect(recordedActor('emp_mia')).toEqual(mia);
    expect(recordedActor('key_ops')).toEqual(key);
    expect(recordedActor(null)).toBeNull();
  });
});
