/**
 * SurveyTemplate: the ordered open-ended questions managers ask on survey calls, so calls are
 * comparable over time. Questions are fixed once a template exists (calls refer to them); to ask
 * different questions, create a new template and archive the old one.
 */
import { eq, sql } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import { surveyQuestions, surveyTemplates } from '../db/voice.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { conflictError, notFoundError, parseInput } from '../domain/errors.ts';
import { templateRules } from '../domain/voice-rules.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { tenantFor } from './tenancy.ts';

export const TemplateStatusEnum = builder.enumType('SurveyTemplateStatus', {
  values: {
    ACTIVE: { value: 'active', description: 'Calls can be logged with it.' },
    ARCHIVED: { value: 'archived', description: 'Kept for the calls that used it; no new calls.' },
  } as const,
});

export const SurveyQuestion = builder.drizzleNode('surveyQuestions', {
  name: 'SurveyQuestion',
  id: { column: (question) => question.id },
  fields: (t) => ({
    position: t.exposeInt('position', { description: '1 for the first question.' }),
    prompt: t.exposeString('prompt'),
  }),
});

export const SurveyTemplate = builder.drizzleNode('surveyTemplates', {
  name: 'SurveyTemplate',
  id: { column: (template) => template.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: TemplateStatusEnum }),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const TemplateFilter = builder.inputType('SurveyTemplateFilter', {
  fields: (t) => ({ status: t.field({ type: TemplateStatusEnum }) }),
});

builder.queryFields((t) => ({
  surveyTemplates: t.drizzleConnection({
    type: 'surveyTemplates',
    description: 'Survey templates, by name.',
    args: { filter: t.arg({ type: TemplateFilter }) },
    ...tenantConnection({
      name: 'surveyTemplates', table: surveyTemplates, permission: 'read', orderBy: { name: 'asc' },
      where: (table, args: { filter?: { status?: (typeof surveyTemplates.$inferSelect)['status'] | null } | null }) => (args.filter?.status ? eq(table.status, args.filter.status) : undefined),
    }),
  }),
}));

const SurveyTemplatePayload = payloadType('SurveyTemplatePayload', 'surveyTemplate', SurveyTemplate);

const CreateSurveyTemplateInput = builder.inputType('CreateSurveyTemplateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
    questions: t.stringList({ required: true, description: 'Open-ended questions, in the order they are asked.' }),
  }),
});

const ArchiveSurveyTemplateInput = builder.inputType('ArchiveSurveyTemplateInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

/** One template of the tenant with its questions, or NOT_FOUND at `path`. */
export async function findTemplate(tenant: TenantScope, id: string, path: string[]) {
  const template = await tenant.db.query.surveyTemplates.findFirst({ where: { id }, with: { questions: true } });
  if (!template) throw notFoundError(path, missingMessage('SurveyTemplate'));
  return template;
}

builder.mutationFields((t) => ({
  createSurveyTemplate: t.field({
    type: SurveyTemplatePayload,
    description: 'Creates a template with its questions. Needs a manager or admin.',
    args: { input: t.arg({ type: CreateSurveyTemplateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'voice:templates', async () => {
        const tenant = tenantFor(ctx, 'voice:templates');
        const values = parseInput(templateRules, input);
        const clash = await tenant.count(surveyTemplates, sql`lower(${surveyTemplates.name}) = lower(${values.name})`);
        if (clash > 0) throw conflictError(['input', 'name'], `A template named "${values.name}" already exists.`);
        const id = newId('tpl');
        const [created] = await tenant.batch([
          tenant.insert(surveyTemplates, { id, name: values.name, description: values.description ?? null }).returning(),
          tenant.insert(surveyQuestions, { id: newId('q'), templateId: id, position: 1, prompt: values.questions[0]! }),
          ...values.questions.slice(1).map((prompt, index) =>
            tenant.insert(surveyQuestions, { id: newId('q'), templateId: id, position: index + 2, prompt }),
          ),
        ]);
        return { surveyTemplate: created[0] ?? null };
      }, { surveyTemplate: null }),
  }),
  archiveSurveyTemplate: t.field({
    type: SurveyTemplatePayload,
    description: 'Archives a template: past calls keep it, new calls cannot use it.',
    args: { input: t.arg({ type: ArchiveSurveyTemplateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'voice:templates', async () => {
        const tenant = tenantFor(ctx, 'voice:templates');
        const id = localIdFor('SurveyTemplate', input.id, ['input', 'id']);
        await findTemplate(tenant, id, ['input', 'id']);
        const [template] = await tenant.updateById(surveyTemplates, id, { status: 'archived' }).returning();
        return { surveyTemplate: template ?? null };
      }, { surveyTemplate: null }),
  }),
}));
