/**
 * Expected failures, as plain data. Domain functions throw `UserErrors`; the GraphQL layer reports
 * them in mutation payloads (schema/errors.ts). Anything else thrown is a bug and is masked.
 */
import type { z } from 'zod';

export const USER_ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'LIMIT_REACHED'] as const;
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

export const validationError = (path: string[], message: string) => new UserErrors([{ code: 'VALIDATION', path, message }]);
export const notFoundError = (path: string[], message: string) => new UserErrors([{ code: 'NOT_FOUND', path, message }]);
export const conflictError = (path: string[], message: string) => new UserErrors([{ code: 'CONFLICT', path, message }]);

/**
 * Parses `value` with a zod schema; on failure throws one VALIDATION error per issue, with the
 * issue's path under `basePath` (["input"] for a mutation's input).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, basePath: string[] = ['input']): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserErrors(
    result.error.issues.map((issue) => ({
      code: 'VALIDATION' as const,
      path: [...basePath, ...issue.path.map(String)],
      message: issue.message,
    })),
  );
}
