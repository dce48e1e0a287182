/**
 * Races on unique values: requests that all pass the mutation's own "is it taken?" check at once
 * must end as one success and typed CONFLICTs, never as INTERNAL_SERVER_ERROR.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { constraintViolationOf } from '../db/constraint-errors.ts';
import { createDatabase } from '../db/client.ts';
import { teams, tenants } from '../db/schema.ts';
import { createTenant, gql, localId, PLATFORM_TOKEN, TEST_NOW, type GraphQLResponse } from './helpers.ts';

interface UserError { code: string; path: string[]; message: string }
type Payload = Record<string, { errors: UserError[] } & Record<string, unknown>>;

const CONCURRENT = 10;

/** Sends the same mutation CONCURRENT times at once and checks: one success, the rest CONFLICT at `path`. */
async function expectOneWinner(credential: string, field: string, mutation: string, variables: Record<string, unknown>, path: string[]) {
  const responses: GraphQLResponse<Payload>[] = await Promise.all(
    Array.from({ length: CONCURRENT }, () => gql<Payload>(credential, mutation, variables)),
  );
  for (const response of responses) {
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    expect(response.status).toBe(200);
  }
  const payloads = responses.map((response) => response.body.data?.[field]);
  const winners = payloads.filter((payload) => payload?.errors.length === 0);
  const losers = payloads.flatMap((payload) => payload?.errors ?? []);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(CONCURRENT - 1);
  for (const error of losers) {
    expect(error.code).toBe('CONFLICT');
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(/already/);
  }
  return losers;
}

describe('concurrent creates of the same unique value', () => {
  it('createTenant with one slug: one tenant, the rest CONFLICT on input.slug', async () => {
    const slug = `race-${crypto.randomUUID().slice(0, 8)}`;
    await expectOneWinner(
      PLATFORM_TOKEN,
      'createTenant',
      'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } errors { code path message } } }',
      { input: { name: 'Race Ltd', slug } },
      ['input', 'slug'],
    );
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM tenants WHERE slug = ?').bind(slug).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it('createTeam, createEmployee and createSurveyTemplate: one row each, the rest CONFLICT on the field', async () => {
    const tenant = await createTenant();
    await expectOneWinner(
      tenant.manager,
      'createTeam',
      'mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } errors { code path message } } }',
      { input: { name: 'Night Shift' } },
      ['input', 'name'],
    );

    await expectOneWinner(
      tenant.manager,
      'createEmployee',
      'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } errors { code path message } } }',
      { input: { name: 'Ana Silva', email: 'ana@race.example', role: 'AGENT', hiredAt: '2025-02-03' } },
      ['input', 'email'],
    );

    await expectOneWinner(
      tenant.manager,
      'createSurveyTemplate',
      'mutation($input: CreateSurveyTemplateInput!) { createSurveyTemplate(input: $input) { surveyTemplate { id } errors { code path message } } }',
      { input: { name: 'Regulars check-in', questions: ['What stood out?', 'What was harder?'] } },
      ['input', 'name'],
    );

    const counts = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM teams WHERE tenant_id = ?1) AS teams,
              (SELECT count(*) FROM employees WHERE tenant_id = ?1) AS employees,
              (SELECT count(*) FROM survey_templates WHERE tenant_id = ?1) AS templates,
              (SELECT count(*) FROM survey_questions WHERE tenant_id = ?1) AS questions`,
    ).bind(localId(tenant.id)).first();
    // No half-written template: the losers' questions were refused with their template.
    expect(counts).toEqual({ teams: 1, employees: 1, templates: 1, questions: 2 });
  });
});

describe('constraintViolationOf', () => {
  it("reads the kind and the columns from D1's error, through drizzle's wrapper", async () => {
    const db = createDatabase(env.DB);
    const slug = `probe-${crypto.randomUUID().slice(0, 8)}`;
    await db.insert(tenants).values({ id: `ten_${slug}`, name: 'Probe', slug, createdAt: TEST_NOW });
    const unique = await db.insert(tenants).values({ id: `ten_${slug}_2`, name: 'Probe', slug, createdAt: TEST_NOW }).catch((error: unknown) => error);
    expect(constraintViolationOf(unique)).toEqual({ kind: 'unique', table: 'tenants', columns: ['slug'] });

    // An expression index (lower(name)) is named by SQLite as "index '...'" and resolved to its columns.
    await db.insert(teams).values({ id: `team_${slug}`, tenantId: `ten_${slug}`, name: 'Bar', createdAt: TEST_NOW, updatedAt: TEST_NOW });
    const byIndex = await db.insert(teams).values({ id: `team_${slug}_2`, tenantId: `ten_${slug}`, name: 'BAR', createdAt: TEST_NOW, updatedAt: TEST_NOW }).catch((error: unknown) => error);
    expect(constraintViolationOf(byIndex)).toEqual({ kind: 'unique', table: 'teams', columns: ['tenantId', 'name'] });

    const foreign = await db.insert(teams).values({ id: `team_${slug}_3`, tenantId: 'ten_missing', name: 'Baz', createdAt: TEST_NOW, updatedAt: TEST_NOW }).catch((error: unknown) => error);
    expect(constraintViolationOf(foreign)).toMatchObject({ kind: 'foreignKey' });
  });

  it('falls back to the stable SQLite prefix when the extended code is missing, and ignores other errors', () => {
    const bare = new Error('D1_ERROR: UNIQUE constraint failed: employees.tenant_id, employees.email: SQLITE_CONSTRAINT');
    expect(constraintViolationOf(new Error('Failed query', { cause: bare }))).toEqual({
      kind: 'unique',
      table: 'employees',
      columns: ['tenantId', 'email'],
    });
    expect(constraintViolationOf(new Error('D1_ERROR: no such table: x: SQLITE_ERROR'))).toBeNull();
    expect(constraintViolationOf(new Error('the word UNIQUE in a message'))).toBeNull();
    expect(constraintViolationOf('not an error')).toBeNull();
  });
});
