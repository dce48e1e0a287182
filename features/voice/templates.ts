/**
 * Survey templates: the ordered open-ended questions managers ask on survey calls. Questions are
 * fixed once a template exists (calls refer to them); to ask different questions, create a new
 * template and archive the old one.
 */
import { eq, sql } from 'drizzle-orm';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { conflictError, missingMessage, notFoundError } from '../../domain/errors.ts';
import { surveyQuestions, surveyTemplates } from './tables.ts';


export type SurveyTemplateRow = typeof surveyTemplates.$inferSelect;

/** One template of the tenant with its questions, or NOT_FOUND at `path`. */
export async function findTemplate(tenant: TenantScope, id: string, path: string[]) {
  const template = await tenant.db.query.surveyTemplates.findFirst({ where: { id }, with: { questions: true } });
  if (!template) throw notFoundError(path, missingMessage('SurveyTemplate'));
  return template;
}

/** Creates a template with its questions in one batch; CONFLICT when the name is taken (any case). */
export async function createTemplate(
  tenant: TenantScope,
  values: { name: string; description?: string | null; questions: string[] },
): Promise<SurveyTemplateRow | null> {
  const clash = await tenant.count(surveyTemplates, sql`lower(${surveyTemplates.name}) = lower(${values.name})`);
  if (clash > 0) throw conflictError(['input', 'name'], `A template named "${values.name}" already exists.`);
  const id = newId('tpl');
  const [created] = await tenant.batch([
    tenant.insert(surveyTemplates, { id, name: values.name, description: values.description ?? null }).returning(),
    tenant.insert(surveyQuestions, { id: newId('q'), templateId: id, position: 1, prompt: values.questions[0]! }),
    ...values.questions.slice(1).map((prompt, index) => tenant.insert(surveyQuestions, { id: newId('q'), templateId: id, position: index + 2, prompt })),
  ]);
  return created[0] ?? null;
}

/** Archives a template: past calls keep it, new calls cannot use it. */
export async function archiveTemplate(tenant: TenantScope, id: string): Promise<SurveyTemplateRow | null> {
  await findTemplate(tenant, id, ['input', 'id']);
  const [template] = await tenant.updateById(surveyTemplates, id, { status: 'archived' }).returning();
  return template ?? null;
}

/** The template list's filter as one condition. */
export function surveyTemplateWhere(table: typeof surveyTemplates, filter: { status?: SurveyTemplateRow['status'] | null } | null | undefined) {
  return filter?.status ? eq(table.status, filter.status) : undefined;
}
