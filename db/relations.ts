/**
 * Relations for drizzle's relational queries (and so for Pothos's query planning).
 *
 * Relations join on the id alone. That cannot cross tenants: every reference between
 * tenant-owned tables is a composite foreign key (tenant_id, x_id) -> (tenant_id, id), so a row
 * can only point at a row of its own tenant. (Joining on both columns would say the same thing
 * twice, and the Pothos drizzle plugin renders counts over composite relations incorrectly.)
 */
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  teams: {
    employees: r.many.employees({ from: r.teams.id, to: r.employees.teamId }),
    feedback: r.many.feedback({ from: r.teams.id, to: r.feedback.teamId }),
  },
  employees: {
    team: r.one.teams({ from: r.employees.teamId, to: r.teams.id }),
    feedback: r.many.feedback({ from: r.employees.id, to: r.feedback.employeeId }),
    surveyCallsMade: r.many.surveyCalls({ from: r.employees.id, to: r.surveyCalls.callerId }),
  },
  surveyTemplates: {
    questions: r.many.surveyQuestions({ from: r.surveyTemplates.id, to: r.surveyQuestions.templateId }),
  },
  surveyCalls: {
    template: r.one.surveyTemplates({ from: r.surveyCalls.templateId, to: r.surveyTemplates.id, optional: false }),
    caller: r.one.employees({ from: r.surveyCalls.callerId, to: r.employees.id, optional: false }),
    team: r.one.teams({ from: r.surveyCalls.teamId, to: r.teams.id }),
    answers: r.many.surveyAnswers({ from: r.surveyCalls.id, to: r.surveyAnswers.callId }),
    mentions: r.many.feedback({ from: r.surveyCalls.id, to: r.feedback.callId }),
  },
  feedback: {
    employee: r.one.employees({ from: r.feedback.employeeId, to: r.employees.id }),
    team: r.one.teams({ from: r.feedback.teamId, to: r.teams.id }),
    call: r.one.surveyCalls({ from: r.feedback.callId, to: r.surveyCalls.id }),
    /** Null when it was resolved with an API key rather than an employee token. */
    resolvedByEmployee: r.one.employees({ from: r.feedback.resolvedBy, to: r.employees.id }),
  },
}));

export type Relations = typeof relations;
