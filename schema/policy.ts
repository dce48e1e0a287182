/** The tenant's recognition and budget policy: allowance, cap, company values, overspend policy. */
import type { OverspendPolicy } from '../features/budgets/tables.ts';
import { parseInput } from '../domain/errors.ts';
import { loadPolicy, updatePolicy } from '../features/recognition/service.ts';
import { policySchema, type RecognitionPolicy } from '../features/recognition/rules.ts';
import { builder } from './builder.ts';
import { runMutation } from './mutations.ts';
import { UserErrorInterface } from './errors.ts';
import type { UserErrorData } from '../domain/errors.ts';

export const OverspendPolicyEnum = builder.enumType('OverspendPolicy', {
  description: 'What happens to an empowerment spend over the remaining budget.',
  values: {
    REFUSE: { value: 'refuse', description: 'Refused with a LIMIT_REACHED error.' },
    FLAG: { value: 'flag', description: 'Accepted and flagged for a manager to review.' },
  } as const satisfies Record<string, { value: OverspendPolicy; description: string }>,
});

export const RecognitionPolicyType = builder.objectRef<RecognitionPolicy>('RecognitionPolicy').implement({
  description: "The organisation's rules for recognition and empowerment budgets.",
  fields: (t) => ({
    monthlyGivingAllowance: t.exposeInt('monthlyGivingAllowance', { description: 'Points each employee may give per calendar month (UTC).' }),
    recipientMonthlyCap: t.exposeInt('recipientMonthlyCap', { description: 'Most recognition points one employee may receive per month.' }),
    companyValues: t.exposeStringList('companyValues', { description: 'The values a recognition names.' }),
    overspendPolicy: t.field({ type: OverspendPolicyEnum, resolve: (policy) => policy.overspendPolicy }),
  }),
});

builder.queryFields((t) => ({
  recognitionPolicy: t.withAuth({ permission: 'read', tenant: true }).field({
    type: RecognitionPolicyType,
    description: "Your organisation's recognition and budget policy (defaults until an admin changes it).",
    resolve: (_root, _args, ctx) => loadPolicy(ctx.tenant),
  }),
}));

const UpdateRecognitionPolicyInput = builder.inputType('UpdateRecognitionPolicyInput', {
  fields: (t) => ({
    monthlyGivingAllowance: t.int(),
    recipientMonthlyCap: t.int(),
    companyValues: t.stringList(),
    overspendPolicy: t.field({ type: OverspendPolicyEnum }),
  }),
});

const RecognitionPolicyPayload = builder.objectRef<{ policy: RecognitionPolicy | null; errors: UserErrorData[] }>('RecognitionPolicyPayload').implement({
  fields: (t) => ({
    policy: t.field({ type: RecognitionPolicyType, nullable: true, resolve: (payload) => payload.policy }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

builder.mutationFields((t) => ({
  updateRecognitionPolicy: t.withAuth({ permission: 'policy:manage', tenant: true }).field({
    type: RecognitionPolicyPayload,
    description: 'Changes the recognition and budget policy. Omitted fields stay as they are. Needs an admin key.',
    args: { input: t.arg({ type: UpdateRecognitionPolicyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const changes = parseInput(policySchema, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)));
        return { policy: await updatePolicy(tenant, changes, ctx.now) };
      }, { policy: null }),
  }),
}));
