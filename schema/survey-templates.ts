/**
 * SurveyTemplate: the ordered open-ended questions managers ask on survey calls, so calls are
 * comparable over time. Questions are fixed once a template exists (calls refer to them); to ask
 * different questions, create a new template and archive the old one.
 */
import { parseInput } from '../domain/errors.ts';
import { templateRules } from '../features/voice/rules/validation.ts';
import { archiveTemplate, createTemplate, surveyTemplateWhere } from '../features/voice/service.ts';
import { surveyTemplates } from '../features/voice/tables.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';

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
  surveyTemplates: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'surveyTemplates',
    description: 'Survey templates, by name.',
    args: { filter: t.arg({ type: TemplateFilter }) },
    ...tenantConnection({
      name: 'surveyTemplates', table: surveyTemplates, orderBy: { name: 'asc' },
      where: (table, args: { filter?: { status?: (typeof surveyTemplates.$inferSelect)['status'] | null } | null }) => surveyTemplateWhere(table, args.filter),
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

builder.mutationFields((t) => ({
  createSurveyTemplate: t.withAuth({ permission: 'voice:templates', tenant: true }).field({
    type: SurveyTemplatePayload,
    description: 'Creates a template with its questions. Needs a manager or admin.',
    args: { input: t.arg({ type: CreateSurveyTemplateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(templateRules, input);
        return { surveyTemplate: await createTemplate(tenant, values) };
      }, { surveyTemplate: null }),
  }),
  archiveSurveyTemplate: t.withAuth({ permission: 'voice:templates', tenant: true }).field({
    type: SurveyTemplatePayload,
    description: 'Archives a template: past calls keep it, new calls cannot use it.',
    args: { input: t.arg({ type: ArchiveSurveyTemplateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('SurveyTemplate', input.id, ['input', 'id']);
        return { surveyTemplate: await archiveTemplate(tenant, id) };
      }, { surveyTemplate: null }),
  }),
}));
