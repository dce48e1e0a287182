/** Helpers for customer-voice tests: templates and calls through the API. */
import { expect } from 'vitest';
import { data, TEST_NOW, type UserErrorCode } from './helpers.ts';

export async function createTemplate(key: string, name = `Check-in ${crypto.randomUUID().slice(0, 6)}`, questions = ['What went well?', 'What could we do better?']) {
  const result = await data<{ createSurveyTemplate: { surveyTemplate: { id: string; questions: { id: string; prompt: string; position: number }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(key, `mutation($input: CreateSurveyTemplateInput!) {
    createSurveyTemplate(input: $input) { surveyTemplate { id questions { id prompt position } } errors { code path message } }
  }`, { input: { name, questions } });
  expect(result.createSurveyTemplate.errors).toEqual([]);
  const template = result.createSurveyTemplate.surveyTemplate;
  return { id: template!.id as string, questionIds: template!.questions.map((q: { id: string }) => q.id) as string[] };
}

export const LOG_CALL = `mutation($input: LogSurveyCallInput!) {
  logSurveyCall(input: $input) {
    surveyCall { id satisfaction nps sentiment calledAt caller { name } team { name }
      answers { position question answer sentimentLabel }
      mentions { kind body employee { name } team { name } themes } }
    errors { code path message }
  }
}`;
export type LogCallResult = { logSurveyCall: { surveyCall: { id: string; satisfaction: number; nps: number | null; sentiment: number; calledAt: string; caller: { name: string }; team: { name: string } | null; answers: { position: number; question: string; answer: string; sentimentLabel: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' }[]; mentions: { kind: 'COMPLAINT' | 'IDEA' | 'PRAISE'; body: string; employee: { name: string } | null; team: { name: string } | null; themes: string[] }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

export interface CallInput {
  template: { id: string; questionIds: string[] };
  callerId?: string;
  calledAt?: string;
  satisfaction?: number;
  nps?: number | null;
  answers?: string[];
  mentions?: { employeeId: string; kind: 'PRAISE' | 'COMPLAINT'; quote: string }[];
  customerName?: string;
  customerContact?: string;
  notes?: string;
}

export function callInput(input: CallInput) {
  return {
    templateId: input.template.id,
    callerId: input.callerId,
    calledAt: input.calledAt ?? new Date(TEST_NOW.getTime() - 3_600_000).toISOString(),
    channel: 'PHONE',
    satisfaction: input.satisfaction ?? 4,
    nps: input.nps === undefined ? 8 : input.nps,
    customerName: input.customerName,
    customerContact: input.customerContact,
    notes: input.notes,
    answers: (input.answers ?? ['The barista was lovely.']).map((answer, i) => ({ questionId: input.template.questionIds[i % input.template.questionIds.length], answer })),
    mentions: input.mentions ?? [],
  };
}

export async function logCall(key: string, input: CallInput) {
  const result = await data<LogCallResult>(key, LOG_CALL, { input: callInput(input) });
  expect(result.logSurveyCall.errors).toEqual([]);
  return result.logSurveyCall.surveyCall!;
}
