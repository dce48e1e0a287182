import { describe, expect, it } from 'vitest';
import { assignProblem, complaintTimes, nearestRank, revealBasis, takeProblem, type ComplaintFacts, type Person } from './rules.ts';

const open: ComplaintFacts = { kind: 'complaint', status: 'open', ownerId: 'emp_ben', teamId: 'team_h' };
const person = (id: string, teamId: string | null, role: Person['role'] = 'agent', status: Person['status'] = 'active'): Person => ({ id, teamId, role, status });

describe('complaint rules', () => {
  it('anyone takes an unowned complaint; own-team colleagues take an owned one; other teams ask a lead', () => {
    expect(takeProblem({ ...open, ownerId: null }, person('emp_cleo', 'team_d'))).toBeNull();
    expect(takeProblem(open, person('emp_ana', 'team_h'))).toBeNull();
    expect(takeProblem(open, person('emp_cleo', 'team_d'))).toMatch(/assign it to you/);
    expect(takeProblem(open, person('emp_ben', 'team_h'))).toMatch(/already own/);
    expect(takeProblem({ ...open, status: 'resolved' }, person('emp_ana', 'team_h'))).toMatch(/resolved/);
    expect(takeProblem({ ...open, kind: 'praise' }, person('emp_ana', 'team_h'))).toMatch(/not a complaint/);
  });

  it("leads assign their own team's complaints, managers and keys any, only to active people", () => {
    const ana = person('emp_ana', 'team_h');
    expect(assignProblem(open, person('emp_lena', 'team_h', 'lead'), ana)).toBeNull();
    expect(assignProblem(open, person('emp_max', 'team_d', 'lead'), ana)).toMatchObject({ field: 'id' });
    expect(assignProblem(open, person('emp_maria', 'team_d', 'manager'), ana)).toBeNull();
    expect(assignProblem(open, null, ana)).toBeNull();
    expect(assignProblem(open, null, person('emp_old', 'team_h', 'agent', 'inactive'))).toMatchObject({ field: 'employeeId' });
    expect(assignProblem(open, null, person('emp_ben', 'team_h'))).toMatchObject({ field: 'employeeId', message: expect.stringMatching(/already owns/) });
  });

  it('the customer is for the owner and the contact permission only', () => {
    expect(revealBasis(open, { employeeId: 'emp_ben', hasContactPermission: false })).toBe('owner');
    expect(revealBasis(open, { employeeId: 'emp_ben', hasContactPermission: true })).toBe('owner');
    expect(revealBasis(open, { employeeId: 'emp_maria', hasContactPermission: true })).toBe('contact_permission');
    expect(revealBasis(open, { employeeId: null, hasContactPermission: true })).toBe('contact_permission');
    expect(revealBasis(open, { employeeId: 'emp_ana', hasContactPermission: false })).toBeNull();
    expect(revealBasis({ ownerId: null }, { employeeId: null, hasContactPermission: false })).toBeNull();
  });

  it('times run from receipt to the first action (or the resolution) and to the resolution', () => {
    const receivedAt = new Date('2026-11-01T08:00:00Z');
    expect(complaintTimes({ receivedAt, firstActionAt: null, resolvedAt: null })).toEqual({ firstActionAt: null, toFirstActionMs: null, toResolutionMs: null });
    expect(complaintTimes({ receivedAt, firstActionAt: new Date('2026-11-01T09:00:00Z'), resolvedAt: new Date('2026-11-01T12:00:00Z') })).toMatchObject({ toFirstActionMs: 3_600_000, toResolutionMs: 4 * 3_600_000 });
    expect(complaintTimes({ receivedAt, firstActionAt: null, resolvedAt: new Date('2026-11-01T10:00:00Z') })).toMatchObject({ toFirstActionMs: 2 * 3_600_000 });
  });

  it('nearest-rank percentiles', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([1, 2, 3, 4, 10], 50)).toBe(3);
    expect(nearestRank([1, 2, 3, 4, 10], 90)).toBe(10);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([7], 90)).toBe(7);
  });
});
