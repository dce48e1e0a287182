/**
 * Who may own a complaint, see its customer, and what its times are. Pure functions over plain
 * data: the service reads the rows, these decide, the service writes.
 */
import * as v from 'valibot';
import { requiredText } from '../../domain/text.ts';
import type { RevealBasis } from './tables.ts';

/** What the rules need to know about a complaint. */
export interface ComplaintFacts {
  kind: 'praise' | 'complaint' | 'idea';
  status: 'open' | 'resolved';
  ownerId: string | null;
  teamId: string | null;
}

/** An employee as the rules see them. */
export interface Person {
  id: string;
  teamId: string | null;
  role: 'agent' | 'lead' | 'manager' | 'director';
  status: 'active' | 'inactive';
}

export const COMPLAINT_LIMITS = { note: 2000 } as const;

export const actionRules = v.object({
  note: requiredText(COMPLAINT_LIMITS.note, 'Say what you did for the customer.', `Notes are at most ${COMPLAINT_LIMITS.note} characters.`),
});

/** Why a complaint cannot change hands (or get an action) now, or null. */
export function notOpenProblem(complaint: ComplaintFacts): string | null {
  if (complaint.kind !== 'complaint') return `This feedback is ${complaint.kind === 'idea' ? 'an idea' : 'praise'}, not a complaint: only complaints have an owner.`;
  if (complaint.status !== 'open') return 'This complaint is already resolved.';
  return null;
}

/**
 * Whether `taker` may take `complaint` themselves: whoever hears a complaint can own it, when it
 * has no owner yet or it concerns the taker's own team. Taking a complaint from someone in another
 * team is a lead's decision (assignComplaint), because the owner sees the customer's contact.
 */
export function takeProblem(complaint: ComplaintFacts, taker: Person): string | null {
  const notOpen = notOpenProblem(complaint);
  if (notOpen) return notOpen;
  if (complaint.ownerId === taker.id) return 'You already own this complaint.';
  if (complaint.ownerId === null) return null;
  if (taker.teamId !== null && taker.teamId === complaint.teamId) return null;
  return "This complaint belongs to another team's colleague: ask a lead or manager to assign it to you.";
}

/**
 * Whether `assigner` (an employee token; keys act for the organisation and may assign any
 * complaint) may hand `complaint` to `assignee`. Leads assign their own team's complaints;
 * managers and directors any. The assignee must be active and not already the owner.
 */
export function assignProblem(complaint: ComplaintFacts, assigner: Person | null, assignee: Person): { field: 'id' | 'employeeId'; message: string } | null {
  const notOpen = notOpenProblem(complaint);
  if (notOpen) return { field: 'id', message: notOpen };
  if (assigner && assigner.role === 'lead' && (assigner.teamId === null || assigner.teamId !== complaint.teamId)) {
    return { field: 'id', message: "Leads assign their own team's complaints; ask a manager to assign this one." };
  }
  if (assignee.status !== 'active') return { field: 'employeeId', message: 'This employee is inactive: assign the complaint to someone who can act on it.' };
  if (complaint.ownerId === assignee.id) return { field: 'employeeId', message: 'This employee already owns the complaint.' };
  return null;
}

/**
 * On what basis the caller may see a complaint's customer (name and contact), or null: need to
 * know. Its owner may; so may whoever holds the contact permission (managers, admin keys). Nobody
 * else: not a colleague, not a lead, not a reader key, not a widget.
 */
export function revealBasis(complaint: { ownerId: string | null }, caller: { employeeId: string | null; hasContactPermission: boolean }): RevealBasis | null {
  if (caller.employeeId !== null && complaint.ownerId === caller.employeeId) return 'owner';
  if (caller.hasContactPermission) return 'contact_permission';
  return null;
}

/**
 * A complaint's times in milliseconds: to the first thing its owner did (an action, or the
 * resolution when nothing came before), and to its resolution. Null while it has not happened.
 */
export function complaintTimes(row: { receivedAt: Date; firstActionAt: Date | null; resolvedAt: Date | null }) {
  const firstAction = row.firstActionAt ?? row.resolvedAt;
  return {
    firstActionAt: firstAction,
    toFirstActionMs: firstAction ? Math.max(0, firstAction.getTime() - row.receivedAt.getTime()) : null,
    toResolutionMs: row.resolvedAt ? Math.max(0, row.resolvedAt.getTime() - row.receivedAt.getTime()) : null,
  };
}

/**
 * The nearest-rank percentile (p in 0..100) of sorted values: the value at rank ceil(p/100 * n).
 * The SQL aggregates use the same definition (rank = (n * p + 99) / 100 in integer arithmetic);
 * this is the reference the tests compare them with.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.floor((sorted.length * p + 99) / 100);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}
