/**
 * The GraphQL side of separation of duties (domain/separation-of-duties.ts): who the caller is as
 * a decider, the one call resolvers make before moving value, and how a recorded actor is shown.
 */
import type { GraphQLContext } from '../worker/context.ts';
import { assertNoSelfDealing, type DutyActor, type ValueAction } from '../domain/separation-of-duties.ts';
import { encodeId } from './global-ids.ts';

/** The caller as a decider: a key acts for the organisation, an employee token as its employee. */
export function dutyActorOf(ctx: GraphQLContext): DutyActor | null {
  switch (ctx.principal.kind) {
    case 'employee':
      return { kind: 'employee', employeeId: ctx.principal.employeeId };
    case 'secretKey':
      return { kind: 'organisation', keyId: ctx.principal.keyId };
    case 'platform':
    case 'publishable':
      return null;
  }
}

/**
 * Throws SELF_DEALING when the caller (or an earlier decider of the same thing, such as a
 * program's creator) is among `beneficiaries`.
 */
export function refuseSelfDealing(
  ctx: GraphQLContext,
  action: ValueAction,
  beneficiaries: readonly (string | null | undefined)[],
  path: readonly string[],
  earlierDeciders: readonly (DutyActor | null)[] = [],
): void {
  assertNoSelfDealing(action, [dutyActorOf(ctx), ...earlierDeciders], beneficiaries, path);
}

/** A recorded actor (employee id or API key id) as a global id: `Employee:…` or `ApiKey:…`. */
export function actorGlobalId(stored: string | null | undefined): string | null {
  if (!stored) return null;
  return encodeId(stored.startsWith('emp_') ? 'Employee' : 'ApiKey', stored);
}
