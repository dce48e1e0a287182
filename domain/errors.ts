/**
 * Expected failures, as plain data. Domain functions throw `UserErrors`; the GraphQL layer reports
 * them in mutation payloads (schema/errors.ts). Anything else thrown is a bug and is masked.
 */
import * as v from 'valibot';

export const USER_ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'LIMIT_REACHED', 'INVALID_TRANSITION', 'SELF_DEALING'] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export interface UserErrorData {
  code: UserErrorCode;
  /** Input path, e.g. ["input", "email"]. Empty when the error is about the whole operation. */
  path: string[];
  message: string;
}

export class UserErrors extends Error {
  readonly errors: UserErrorData[];
  constructor(errors: UserErrorData[]) {
    super(errors.map((error) => error.message).join(' '));
    this.name = 'UserErrors';
    this.errors = errors;
  }
}

/**
 * Codes of failures of a service outside the Worker that an operation depends on (Workers AI's theme
 * proposals): neither the input nor the credential is at fault, so they are not payload errors but
 * top-level GraphQL errors with this `extensions.code` (worker/yoga.ts passes `ServiceError`s through
 * with their message; anything else stays masked).
 */
export const SERVICE_ERROR_CODES = ['AI_NOT_CONFIGURED', 'AI_UNAVAILABLE'] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/** A failure of an outside service, with a stable code and a message for a person (never the service's own text). */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  constructor(code: ServiceErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}

export const validationError = (path: string[], message: string) => new UserErrors([{ code: 'VALIDATION', path, message }]);
export const notFoundError = (path: string[], message: string) => new UserErrors([{ code: 'NOT_FOUND', path, message }]);

/**
 * The NOT_FOUND message for an id that names nothing in the caller's organisation: the same words
 * whether the id never existed, was another type, or is another tenant's (which must look alike).
 */
export const missingMessage = (typename: string): string => `No ${typename} with this id exists in your organisation.`;
export const invalidTransitionError = (path: string[], message: string) =>
  new UserErrors([{ code: 'INVALID_TRANSITION', path, message }]);
export const conflictError = (path: string[], message: string) => new UserErrors([{ code: 'CONFLICT', path, message }]);

/**
 * Parses `value` with a valibot schema; on failure throws one VALIDATION error per invalid field
 * (the first problem of each), with the field's path under `basePath` (["input"] for a mutation).
 */
export function parseInput<const T extends v.GenericSchema>(schema: T, value: unknown, basePath: string[] = ['input']): v.InferOutput<T> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw new UserErrors(
    result.issues.map((issue) => ({
      code: 'VALIDATION' as const,
      path: [...basePath, ...(issue.path ?? []).map((item) => String(item.key))],
      message: issue.message,
    })),
  );
}
