/**
 * Survey calls: a manager's or lead's call to a customer, with open-ended answers and the employees
 * the customer mentioned. Each mention becomes feedback on that employee (and their team), written
 * in the same batch as the call.
 */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { jsonList, runBatch } from '../../db/batching.ts';
import { newId } from '../../db/ids.ts';
import { employees } from '../people/service.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { idIs, type LocalIdFilter } from './ids.ts';
import { missingMessage, type UserErrorData, UserErrors, validationError } from '../../domain/errors.ts';
import { feedbackRows } from './rules/records.ts';
import { answerSentiment, callSentiment, type TextAnalyser } from './rules/text-analysis.ts';
import type { CallRulesOutput } from './rules/validation.ts';
import { feedback, feedbackPhrases, feedbackThemes, surveyAnswers, surveyCalls, type CallChannel } from './tables.ts';
import { findTemplate } from './templates.ts';


/** What the call list may be narrowed to. Ids are local. */
export interface SurveyCallFilter {
  caller?: LocalIdFilter;
  team?: LocalIdFilter;
  mentionedEmployee?: LocalIdFilter;
  channel?: CallChannel | null;
  from?: Date | null;
  to?: Date | null;
}

/** The filter as one SQL condition over `table` (drizzle's alias inside relational queries). */
export function surveyCallWhere(table: typeof surveyCalls, filter: SurveyCallFilter): SQL | undefined {
  const mentioned = filter.mentionedEmployee;
  return and(
    filter.caller ? idIs(table.callerId, filter.caller) : undefined,
    filter.team ? idIs(table.teamId, filter.team) : undefined,
    filter.channel ? eq(table.channel, filter.channel) : undefined,
    filter.from ? gte(table.calledAt, filter.from) : undefined,
    filter.to ? lt(table.calledAt, filter.to) : undefined,
    mentioned
      ? mentioned.id !== null
        ? sql`EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = ${table.tenantId} AND f.call_id = ${table.id} AND f.employee_id = ${mentioned.id})`
        : sql`0 = 1`
      : undefined,
  );
}

/** A call to log: parsed values, with the ids of the caller, template, answered questions and mentioned people resolved to local ids. */
export interface NewSurveyCall {
  values: CallRulesOutput;
  callerId: string;
  templateId: string;
  /** The question id of each answer, in the order of `values.answers`. */
  questionIds: string[];
  /** The employee id of each mention, in the order of `values.mentions`. */
  mentionIds: string[];
}

/**
 * Checks the call against the tenant's data (the template is active, the caller active, every
 * answered question part of the template and answered once, every mentioned person known) and
 * writes the call, its answers and its feedback in one batch. Reports every problem at once.
 */
export async function logSurveyCall(tenant: TenantScope, call: NewSurveyCall, now: Date, analyser: TextAnalyser) {
  const { values, callerId, questionIds, mentionIds } = call;
  const template = await findTemplate(tenant, call.templateId, ['input', 'templateId']);
  if (template.status !== 'active') throw validationError(['input', 'templateId'], 'This template is archived; use an active one.');
  const people = await tenant
    .select({ id: employees.id, name: employees.name, teamId: employees.teamId, status: employees.status })
    .from(employees, sql`${employees.id} IN ${jsonList([callerId, ...mentionIds])}`);
  const person = new Map(people.map((row) => [row.id, row]));

  const problems: UserErrorData[] = [];
  const caller = person.get(callerId);
  if (!caller) problems.push({ code: 'NOT_FOUND', path: ['input', 'callerId'], message: missingMessage('Employee') });
  else if (caller.status !== 'active') problems.push({ code: 'VALIDATION', path: ['input', 'callerId'], message: 'The caller is inactive.' });
  const questions = new Map(template.questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  questionIds.forEach((id, i) => {
    const path = ['input', 'answers', String(i), 'questionId'];
    if (!questions.has(id)) problems.push({ code: 'VALIDATION', path, message: "This question is not part of the call's template." });
    else if (answered.has(id)) problems.push({ code: 'VALIDATION', path, message: 'This question is answered twice.' });
    answered.add(id);
  });
  mentionIds.forEach((id, i) => {
    if (!person.has(id)) problems.push({ code: 'NOT_FOUND', path: ['input', 'mentions', String(i), 'employeeId'], message: missingMessage('Employee') });
  });
  if (problems.length > 0) throw new UserErrors(problems);

  const callId = newId('call');
  const told = { satisfaction: values.satisfaction, nps: values.nps ?? null };
  const answers = values.answers.map((answer, i) => {
    const question = questions.get(questionIds[i]!)!;
    return {
      id: newId('ans'),
      tenantId: tenant.tenantId,
      callId,
      questionId: question.id,
      position: question.position,
      question: question.prompt,
      answer: answer.answer,
      sentiment: answerSentiment(analyser, answer.answer),
    };
  });
  const row = {
    id: callId,
    tenantId: tenant.tenantId,
    templateId: template.id,
    callerId,
    teamId: caller?.teamId ?? null,
    customerName: values.customerName ?? null,
    customerContact: values.customerContact ?? null,
    calledAt: values.calledAt,
    channel: values.channel,
    satisfaction: values.satisfaction,
    nps: values.nps ?? null,
    notes: values.notes ?? null,
    sentiment: callSentiment(analyser, values.answers.map((answer) => answer.answer), told),
  };
  const mentions = values.mentions.map((mention, i) =>
    feedbackRows({
      id: newId('fb'),
      tenantId: tenant.tenantId,
      kind: mention.kind,
      source: 'survey_call',
      body: mention.quote,
      employeeId: mentionIds[i]!,
      teamId: person.get(mentionIds[i]!)?.teamId ?? null,
      callId,
      receivedAt: values.calledAt,
      ignoreWords: [person.get(mentionIds[i]!)?.name ?? ''],
    }, analyser),
  );
  // One batch: the call, its answers and its feedback stand or fall together.
  await runBatch(tenant, [
    tenant.insert(surveyCalls, { ...row, createdAt: now }),
    ...tenant.insertMany(surveyAnswers, answers),
    ...tenant.insertMany(feedback, mentions.map((mention) => ({ ...mention.feedback, createdAt: now }))),
    ...tenant.insertMany(feedbackThemes, mentions.flatMap((mention) => mention.themes)),
    ...tenant.insertMany(feedbackPhrases, mentions.flatMap((mention) => mention.phrases)),
  ]);
  return { ...row, createdAt: now };
}
