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
    recognitionsGiven: r.many.recognitions({ from: r.employees.id, to: r.recognitions.giverId }),
    recognitionsReceived: r.many.recognitionRecipients({ from: r.employees.id, to: r.recognitionRecipients.employeeId }),
    pointsEntries: r.many.pointsEntries({ from: r.employees.id, to: r.pointsEntries.employeeId }),
    budgets: r.many.empowermentBudgets({ from: r.employees.id, to: r.empowermentBudgets.employeeId }),
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
    primaryTheme: r.one.themes({ from: r.feedback.primaryThemeId, to: r.themes.id }),
    /**
     * A complaint's owner. owner_id has no foreign key of its own (see features/voice/tables.ts),
     * but is only ever written from a same-tenant employee id checked by a foreign key in the same
     * write (employee_id, or the complaint_events row of a take or assignment).
     */
    owner: r.one.employees({ from: r.feedback.ownerId, to: r.employees.id }),
    complaintEvents: r.many.complaintEvents({ from: r.feedback.id, to: r.complaintEvents.feedbackId }),
    customerReveals: r.many.complaintCustomerReveals({ from: r.feedback.id, to: r.complaintCustomerReveals.feedbackId }),
  },
  complaintCustomerReveals: {
    /** Null when a key revealed it (revealed_by is then an API key id). */
    revealedByEmployee: r.one.employees({ from: r.complaintCustomerReveals.revealedBy, to: r.employees.id }),
  },
  complaintEvents: {
    complaint: r.one.feedback({ from: r.complaintEvents.feedbackId, to: r.feedback.id, optional: false }),
    owner: r.one.employees({ from: r.complaintEvents.ownerId, to: r.employees.id }),
    previousOwner: r.one.employees({ from: r.complaintEvents.previousOwnerId, to: r.employees.id }),
    /** Null when a key did it (actor_id is then an API key id, which no employee has). */
    actorEmployee: r.one.employees({ from: r.complaintEvents.actorId, to: r.employees.id }),
    spend: r.one.budgetSpends({ from: r.complaintEvents.spendId, to: r.budgetSpends.id }),
  },
  themes: {
    mergedInto: r.one.themes({ from: r.themes.mergedIntoId, to: r.themes.id }),
  },
  suggestions: {
    // author_id is NULL for anonymous suggestions, so this relation can only ever name the author
    // of a named one. There is deliberately no reverse relation (employee -> suggestions).
    author: r.one.employees({ from: r.suggestions.authorId, to: r.employees.id }),
    team: r.one.teams({ from: r.suggestions.teamId, to: r.teams.id }),
    votes: r.many.suggestionVotes({ from: r.suggestions.id, to: r.suggestionVotes.suggestionId }),
    follows: r.many.suggestionFollows({ from: r.suggestions.id, to: r.suggestionFollows.suggestionId }),
    comments: r.many.suggestionComments({ from: r.suggestions.id, to: r.suggestionComments.suggestionId }),
    history: r.many.suggestionHistory({ from: r.suggestions.id, to: r.suggestionHistory.suggestionId }),
    themes: r.many.suggestionThemes({ from: r.suggestions.id, to: r.suggestionThemes.suggestionId }),
    experiment: r.one.experiments({ from: r.suggestions.id, to: r.experiments.suggestionId }),
  },
  suggestionComments: {
    suggestion: r.one.suggestions({ from: r.suggestionComments.suggestionId, to: r.suggestions.id, optional: false }),
    author: r.one.employees({ from: r.suggestionComments.authorId, to: r.employees.id }),
  },
  suggestionHistory: {
    actor: r.one.employees({ from: r.suggestionHistory.actorEmployeeId, to: r.employees.id }),
  },
  experiments: {
    suggestion: r.one.suggestions({ from: r.experiments.suggestionId, to: r.suggestions.id, optional: false }),
    owner: r.one.employees({ from: r.experiments.ownerId, to: r.employees.id, optional: false }),
  },
  meetings: {
    team: r.one.teams({ from: r.meetings.teamId, to: r.teams.id, optional: false }),
    agendaItems: r.many.agendaItems({ from: r.meetings.id, to: r.agendaItems.meetingId }),
    /** The team's suggestions, for the agenda's proposals (team_id is shared, never the author). */
    teamSuggestions: r.many.suggestions({ from: r.meetings.teamId, to: r.suggestions.teamId }),
  },
  agendaItems: {
    meeting: r.one.meetings({ from: r.agendaItems.meetingId, to: r.meetings.id, optional: false }),
    proposer: r.one.employees({ from: r.agendaItems.proposerId, to: r.employees.id, optional: false }),
    suggestion: r.one.suggestions({ from: r.agendaItems.suggestionId, to: r.suggestions.id }),
    votes: r.many.agendaVotes({ from: r.agendaItems.id, to: r.agendaVotes.itemId }),
  },
  recognitions: {
    giver: r.one.employees({ from: r.recognitions.giverId, to: r.employees.id, optional: false }),
    team: r.one.teams({ from: r.recognitions.teamId, to: r.teams.id }),
    recipients: r.many.recognitionRecipients({ from: r.recognitions.id, to: r.recognitionRecipients.recognitionId }),
  },
  recognitionRecipients: {
    recognition: r.one.recognitions({ from: r.recognitionRecipients.recognitionId, to: r.recognitions.id, optional: false }),
    employee: r.one.employees({ from: r.recognitionRecipients.employeeId, to: r.employees.id, optional: false }),
  },
  incentivePrograms: {
    employee: r.one.employees({ from: r.incentivePrograms.employeeId, to: r.employees.id }),
    team: r.one.teams({ from: r.incentivePrograms.teamId, to: r.teams.id }),
    awards: r.many.pointsEntries({ from: r.incentivePrograms.id, to: r.pointsEntries.programId }),
  },
  rewards: {
    proposedBy: r.one.employees({ from: r.rewards.proposedById, to: r.employees.id, optional: false }),
    votes: r.many.rewardVotes({ from: r.rewards.id, to: r.rewardVotes.rewardId }),
    redemptions: r.many.redemptions({ from: r.rewards.id, to: r.redemptions.rewardId }),
  },
  rewardVotes: {
    reward: r.one.rewards({ from: r.rewardVotes.rewardId, to: r.rewards.id, optional: false }),
    employee: r.one.employees({ from: r.rewardVotes.employeeId, to: r.employees.id, optional: false }),
  },
  redemptions: {
    reward: r.one.rewards({ from: r.redemptions.rewardId, to: r.rewards.id, optional: false }),
    employee: r.one.employees({ from: r.redemptions.employeeId, to: r.employees.id, optional: false }),
    entries: r.many.pointsEntries({ from: r.redemptions.id, to: r.pointsEntries.redemptionId }),
  },
  pointsEntries: {
    employee: r.one.employees({ from: r.pointsEntries.employeeId, to: r.employees.id, optional: false }),
    recognition: r.one.recognitions({ from: r.pointsEntries.recognitionId, to: r.recognitions.id }),
    program: r.one.incentivePrograms({ from: r.pointsEntries.programId, to: r.incentivePrograms.id }),
    redemption: r.one.redemptions({ from: r.pointsEntries.redemptionId, to: r.redemptions.id }),
  },
  empowermentBudgets: {
    employee: r.one.employees({ from: r.empowermentBudgets.employeeId, to: r.employees.id, optional: false }),
    spends: r.many.budgetSpends({ from: r.empowermentBudgets.id, to: r.budgetSpends.budgetId }),
  },
  budgetSpends: {
    budget: r.one.empowermentBudgets({ from: r.budgetSpends.budgetId, to: r.empowermentBudgets.id, optional: false }),
    employee: r.one.employees({ from: r.budgetSpends.employeeId, to: r.employees.id, optional: false }),
    feedback: r.one.feedback({ from: r.budgetSpends.feedbackId, to: r.feedback.id }),
    outcomeHistory: r.many.budgetSpendOutcomes({ from: r.budgetSpends.id, to: r.budgetSpendOutcomes.spendId }),
    reviews: r.many.budgetSpendReviews({ from: r.budgetSpends.id, to: r.budgetSpendReviews.spendId }),
  },
  budgetSpendReviews: {
    spend: r.one.budgetSpends({ from: r.budgetSpendReviews.spendId, to: r.budgetSpends.id, optional: false }),
  },
  budgetSpendOutcomes: {
    spend: r.one.budgetSpends({ from: r.budgetSpendOutcomes.spendId, to: r.budgetSpends.id, optional: false }),
  },
  summaries: {
    employee: r.one.employees({ from: r.summaries.employeeId, to: r.employees.id }),
    team: r.one.teams({ from: r.summaries.teamId, to: r.teams.id }),
  },
  emailOutbox: {
    summary: r.one.summaries({ from: r.emailOutbox.summaryId, to: r.summaries.id, optional: false }),
    recipient: r.one.employees({ from: r.emailOutbox.recipientId, to: r.employees.id, optional: false }),
  },
}));

export type Relations = typeof relations;
