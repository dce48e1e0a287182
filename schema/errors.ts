/**
 * Expected failures of mutations are data, not exceptions: each payload has `errors: [UserError!]!`,
 * each error with a stable `code`, the `path` of the input field to fix, and a sentence for a person.
 *
 * Logic throws `UserErrors` (domain/errors.ts); `runMutation` (schema/mutations.ts) turns them
 * into the payload. Anything else thrown is unexpected and masked by Yoga.
 */
import { type UserErrorCode, type UserErrorData } from '../domain/errors.ts';
import { builder } from './builder.ts';

const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Stable codes of the expected failures a mutation reports in its payload.',
  values: {
    VALIDATION: { description: 'An input value is not acceptable; `path` names it and `message` says what to fix.' },
    NOT_FOUND: { description: 'A referenced record does not exist (in your tenant).' },
    CONFLICT: { description: 'The change clashes with existing data, for example a duplicate email.' },
    LIMIT_REACHED: { description: 'A limit or allowance would be exceeded.' },
    INVALID_TRANSITION: { description: 'A workflow does not allow this change from the current status; the message names both.' },
    SELF_DEALING: {
      description: 'Separation of duties: you may not approve, fulfil, fund or award value to yourself; the message names who must do it.',
    },
  } as const,
});

export const UserErrorInterface = builder.interfaceRef<UserErrorData>('UserError').implement({
  description: 'An expected failure of a mutation, reported in its payload.',
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, resolve: (error) => error.code }),
    path: t.exposeStringList('path', { description: 'Path of the input field to fix, e.g. ["input", "email"].' }),
    message: t.exposeString('message', { description: 'What went wrong and how to fix it, for a person.' }),
  }),
  resolveType: (error) => TYPE_BY_CODE[error.code],
});

const TYPE_BY_CODE: Record<UserErrorCode, string> = {
  VALIDATION: 'ValidationError',
  NOT_FOUND: 'NotFoundError',
  CONFLICT: 'ConflictError',
  LIMIT_REACHED: 'LimitReachedError',
  INVALID_TRANSITION: 'InvalidTransitionError',
  SELF_DEALING: 'SelfDealingError',
};

for (const [code, name] of Object.entries(TYPE_BY_CODE)) {
  builder.objectRef<UserErrorData>(name).implement({
    description: `An expected failure with code ${code}.`,
    interfaces: [UserErrorInterface],
    isTypeOf: (value) => (value as UserErrorData).code === code,
  });
}
