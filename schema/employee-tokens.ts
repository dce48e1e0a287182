/** Minting employee tokens: a manager or admin key hands an app a token that acts as one employee. */
import * as v from 'valibot';
import { parseInput, validationError, type UserErrorData } from '../domain/errors.ts';
import { tokenEmployee, type EmployeeRow } from '../features/people/service.ts';
import { EMPLOYEE_TOKEN_SCOPES, MAX_EMPLOYEE_TOKEN_TTL_SECONDS, mintEmployeeToken, type EmployeeTokenScope } from '../worker/auth/employee-tokens.ts';
import { upperEnum } from './enums.ts';
import { builder } from './builder.ts';
import { Employee } from './employees.ts';
import { UserErrorInterface } from './errors.ts';
import { localIdFor } from './global-ids.ts';
import { runMutation } from './mutations.ts';

const DEFAULT_TTL_SECONDS = 900;
const MIN_TTL_SECONDS = 60;

const EmployeeTokenScopeEnum = upperEnum<EmployeeTokenScope>('EmployeeTokenScope', EMPLOYEE_TOKEN_SCOPES);

const CreateEmployeeTokenInput = builder.inputType('CreateEmployeeTokenInput', {
  fields: (t) => ({
    scopes: t.field({
      type: [EmployeeTokenScopeEnum],
      description: 'Narrows the token to these scopes (SUGGESTIONS: read and take part in suggestions; KUDOS: give recognition). Leave out for a full employee token; an empty list is refused. Widgets take scoped tokens.',
    }),
    employeeId: t.id({ required: true }),
    ttlSeconds: t.int({
      defaultValue: DEFAULT_TTL_SECONDS,
      description: `Lifetime in seconds, ${MIN_TTL_SECONDS} to ${MAX_EMPLOYEE_TOKEN_TTL_SECONDS}. Default ${DEFAULT_TTL_SECONDS}.`,
    }),
  }),
});

const CreateEmployeeTokenPayload = builder
  .objectRef<{ token: string | null; expiresAt: Date | null; employee: EmployeeRow | null; errors: UserErrorData[] }>(
    'CreateEmployeeTokenPayload',
  )
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        nullable: true,
        description: 'Send as `Authorization: Bearer <token>` to act as the employee until expiresAt.',
      }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
      employee: t.field({ type: Employee, nullable: true, resolve: (payload) => payload.employee }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

const ttl = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(MIN_TTL_SECONDS, `ttlSeconds must be at least ${MIN_TTL_SECONDS}.`),
  v.maxValue(MAX_EMPLOYEE_TOKEN_TTL_SECONDS, `ttlSeconds must be at most ${MAX_EMPLOYEE_TOKEN_TTL_SECONDS} (one hour).`),
);

builder.mutationField('createEmployeeToken', (t) =>
  t.withAuth({ permission: 'employeeTokens:create', tenant: true }).field({
    type: CreateEmployeeTokenPayload,
    description: 'Mints a short-lived token that acts as one active employee. Needs a manager or admin key.',
    args: { input: t.arg({ type: CreateEmployeeTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const path = ['input', 'employeeId'];
        const ttlSeconds = parseInput(ttl, input.ttlSeconds ?? DEFAULT_TTL_SECONDS, ['input', 'ttlSeconds']);
        // An empty list is not "no narrowing": minting a full token for it would hand a widget
        // everything its caller meant to withhold.
        if (input.scopes && input.scopes.length === 0) {
          throw validationError(['input', 'scopes'], 'scopes is empty: name at least one scope, or leave out scopes for a full employee token.');
        }
        const employee = await tokenEmployee(tenant, localIdFor('Employee', input.employeeId, path), path);
        // Only secret keys hold this permission (checked by runMutation); the token names the key,
        // so revoking or expiring that key ends the token too.
        if (ctx.principal.kind !== 'secretKey') throw new Error('employeeTokens:create was granted to a caller that is not a key');
        const { token, expiresAt } = await mintEmployeeToken(
          { tenantId: tenant.tenantId, employeeId: employee.id, mintedByKeyId: ctx.principal.keyId, ttlSeconds, ...(input.scopes ? { scopes: input.scopes } : {}) },
          ctx.env.EMPLOYEE_TOKEN_SECRET,
          ctx.now,
        );
        return { token, expiresAt, employee };
      }, { token: null, expiresAt: null, employee: null }),
  }),
);
