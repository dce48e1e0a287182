/** Employees: create, update, deactivate, filters, pagination and typed errors. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, gql, localId, type UserErrorCode } from '../../test/helpers.ts';

const CREATE = `mutation($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { employee { id name email role status hiredAt emailOptIn team { name } } errors { code path message } }
}`;
type CreateResult = { createEmployee: { employee: { id: string; name: string; email: string; role: 'AGENT' | 'DIRECTOR' | 'LEAD' | 'MANAGER'; status: 'ACTIVE' | 'INACTIVE'; hiredAt: string; emailOptIn: boolean; team: { name: string } | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const UPDATE = `mutation($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) { employee { id name email role status team { name } } errors { code path message } }
}`;
type UpdateResult = { updateEmployee: { employee: { id: string; name: string; email: string; role: 'AGENT' | 'DIRECTOR' | 'LEAD' | 'MANAGER'; status: 'ACTIVE' | 'INACTIVE'; team: { name: string } | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

describe('employees', () => {
  it('are created with normalised values and read back', async () => {
    const tenant = await createTenant();
    const teamId = await createTeam(tenant.manager, 'Front Desk');
    const result = await data<CreateResult>(tenant.manager, CREATE, {
      input: { name: '  Zoë Adams ', email: ' Zoe.Adams@Example.COM ', role: 'LEAD', teamId, hiredAt: '2023-04-01' },
    });
    expect(result.createEmployee.errors).toEqual([]);
    expect(result.createEmployee.employee).toMatchObject({
      name: 'Zoë Adams',
      email: 'zoe.adams@example.com',
      role: 'LEAD',
      status: 'ACTIVE',
      hiredAt: '2023-04-01',
      emailOptIn: true,
      team: { name: 'Front Desk' },
    });
    const node = await data<{ node: { name: string; team: { name: string } | null } | null }>(tenant.reader, 'query($id: ID!) { node(id: $id) { ... on Employee { name team { name } } } }', {
      id: result.createEmployee.employee!.id,
    });
    expect(node.node).toEqual({ name: 'Zoë Adams', team: { name: 'Front Desk' } });
  });

  it('refuse a duplicate email in the tenant on the email field, but allow it in another tenant', async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const input = { name: 'Sam Reed', email: 'sam@example.com', role: 'AGENT', hiredAt: '2022-01-01' };
    expect((await data<CreateResult>(tenant.admin, CREATE, { input })).createEmployee.errors).toEqual([]);
    const duplicate = await data<CreateResult>(tenant.admin, CREATE, { input: { ...input, name: 'Samuel Reed', email: 'SAM@example.com' } });
    expect(duplicate.createEmployee).toEqual({
      employee: null,
      errors: [{ code: 'CONFLICT', path: ['input', 'email'], message: 'Another employee already uses sam@example.com.' }],
    });
    expect((await data<CreateResult>(other.admin, CREATE, { input })).createEmployee.errors).toEqual([]);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM employees WHERE email = 'sam@example.com'").first<{ n: number }>();
    expect(count?.n).toBe(2);
  });

  it('report every invalid field at once and write nothing', async () => {
    const tenant = await createTenant();
    const result = await data<CreateResult>(tenant.admin, CREATE, {
      input: { name: '', email: 'not-an-email', role: 'AGENT', hiredAt: '1850-01-01' },
    });
    expect(result.createEmployee.employee).toBeNull();
    expect(result.createEmployee.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'name'], message: 'Enter a name.' },
      { code: 'VALIDATION', path: ['input', 'email'], message: 'Enter a valid email address, like ana.silva@example.com.' },
      { code: 'VALIDATION', path: ['input', 'hiredAt'], message: 'Hire dates start in 1900 or later.' },
    ]);
    expect((await data<{ employees: { totalCount: number } }>(tenant.admin, '{ employees { totalCount } }')).employees.totalCount).toBe(0);
  });

  it('are updated field by field, moved between teams and deactivated', async () => {
    const tenant = await createTenant();
    const bar = await createTeam(tenant.admin, 'Bar');
    const kitchen = await createTeam(tenant.admin, 'Kitchen');
    const id = await createEmployee(tenant.admin, { name: 'Ivo Horn', teamId: bar, email: 'ivo@example.com' });

    const renamed = await data<UpdateResult>(tenant.manager, UPDATE, { input: { id, name: 'Ivo Horvat', teamId: kitchen, role: 'LEAD' } });
    expect(renamed.updateEmployee).toEqual({
      employee: { id, name: 'Ivo Horvat', email: 'ivo@example.com', role: 'LEAD', status: 'ACTIVE', team: { name: 'Kitchen' } },
      errors: [],
    });
    const teamless = await data<UpdateResult>(tenant.manager, UPDATE, { input: { id, removeFromTeam: true } });
    expect(teamless.updateEmployee.employee!.team).toBeNull();

    const deactivated = await data<{ deactivateEmployee: { employee: { status: 'ACTIVE' | 'INACTIVE' } | null; errors: { message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { deactivateEmployee(input: { id: $id }) { employee { status } errors { message } } }', { id });
    expect(deactivated.deactivateEmployee).toEqual({ employee: { status: 'INACTIVE' }, errors: [] });
    const reactivated = await data<UpdateResult>(tenant.manager, UPDATE, { input: { id, status: 'ACTIVE' } });
    expect(reactivated.updateEmployee.employee!.status).toBe('ACTIVE');
  });

  it('report an unknown team or employee as NOT_FOUND on the field', async () => {
    const tenant = await createTenant();
    const id = await createEmployee(tenant.admin, { name: 'Una Berg' });
    const teamLike = btoa('Team:team_doesnotexist').replace(/=+$/, '');
    const result = await data<UpdateResult>(tenant.admin, UPDATE, { input: { id, teamId: teamLike } });
    expect(result.updateEmployee.errors).toEqual([
      { code: 'NOT_FOUND', path: ['input', 'teamId'], message: 'No Team with this id exists in your organisation.' },
    ]);
    const wrongType = await data<UpdateResult>(tenant.admin, UPDATE, { input: { id: teamLike, name: 'x' } });
    expect(wrongType.updateEmployee.errors[0]).toMatchObject({ code: 'NOT_FOUND', path: ['input', 'id'] });
  });

  it('filter by team, role, status and name or email, with totalCount', async () => {
    const tenant = await createTenant();
    const bar = await createTeam(tenant.admin, 'Bar');
    await createEmployee(tenant.admin, { name: 'Alma Diaz', teamId: bar, role: 'LEAD' });
    await createEmployee(tenant.admin, { name: 'Bruno Diaz', teamId: bar });
    await createEmployee(tenant.admin, { name: 'Carla 100% Real' });
    const gone = await createEmployee(tenant.admin, { name: 'Dora Diaz' });
    await data<{ deactivateEmployee: { errors: { message: string }[] } }>(tenant.admin, 'mutation($id: ID!) { deactivateEmployee(input: { id: $id }) { errors { message } } }', { id: gone });

    const list = async (filter: Record<string, unknown>) => {
      const result = await data<{ employees: { totalCount: number; edges: { node: { name: string } }[] } }>(tenant.reader, 'query($f: EmployeeFilter) { employees(first: 50, filter: $f) { totalCount edges { node { name } } } }', { f: filter });
      return { total: result.employees.totalCount, names: result.employees.edges.map((edge) => edge.node.name) };
    };
    expect(await list({})).toEqual({ total: 4, names: ['Alma Diaz', 'Bruno Diaz', 'Carla 100% Real', 'Dora Diaz'] });
    expect(await list({ teamId: bar })).toEqual({ total: 2, names: ['Alma Diaz', 'Bruno Diaz'] });
    expect(await list({ role: 'LEAD' })).toEqual({ total: 1, names: ['Alma Diaz'] });
    expect(await list({ status: 'INACTIVE' })).toEqual({ total: 1, names: ['Dora Diaz'] });
    expect(await list({ search: 'diaz', status: 'ACTIVE' })).toEqual({ total: 2, names: ['Alma Diaz', 'Bruno Diaz'] });
    // LIKE wildcards in the search are literal characters.
    expect(await list({ search: '100%' })).toEqual({ total: 1, names: ['Carla 100% Real'] });
    expect(await list({ search: '_' })).toEqual({ total: 0, names: [] });
  });

  it('page with first/after in a stable order that visits everyone once', async () => {
    const tenant = await createTenant();
    const names = ['Kim Lee', 'Kim Lee', 'Ada Moss', 'Zed Park', 'Bea Ruiz', 'Kim Lee', 'Cy Tran'];
    for (const name of names) await createEmployee(tenant.admin, { name });
    type EmployeePage = { employees: { edges: { node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: EmployeePage = await data<EmployeePage>(tenant.reader, 'query($after: String) { employees(first: 3, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }', { after });
      seen.push(...page.employees.edges.map((edge) => `${edge.node.name}|${edge.node.id}`));
      after = page.employees.pageInfo.hasNextPage ? page.employees.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(names.length);
    expect(seen.map((entry) => entry.split('|')[0])).toEqual([...names].sort());
  });

  it('cap the page size at 100 and reject a negative size or a bad cursor with BAD_USER_INPUT', async () => {
    const tenant = await createTenant();
    const tenantId = localId(tenant.id);
    const insert = env.DB.prepare(
      "INSERT INTO employees (id, tenant_id, name, email, role, hired_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'agent', '2024-01-01', 0, 0)",
    );
    await env.DB.batch(Array.from({ length: 105 }, (_, i) => insert.bind(`emp_bulk_${tenantId}_${i}`, tenantId, `Bulk ${i}`, `bulk${i}@example.com`)));
    const capped = await data<{ employees: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }>(tenant.reader, '{ employees(first: 500) { totalCount edges { node { id } } pageInfo { hasNextPage } } }');
    expect(capped.employees.totalCount).toBe(105);
    expect(capped.employees.edges).toHaveLength(100);
    expect(capped.employees.pageInfo.hasNextPage).toBe(true);

    const negative = await gql(tenant.reader, '{ employees(first: -1) { edges { node { id } } } }');
    expect(negative.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await gql(tenant.reader, '{ employees(first: 5, after: "garbage") { edges { node { id } } } }');
    expect(cursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(cursor.body.errors?.[0]?.message).toMatch(/cursor/i);
  });
});

describe('teams', () => {
  it('are created, renamed, listed with members and deactivated', async () => {
    const tenant = await createTenant();
    const id = await createTeam(tenant.manager, 'Day Shift');
    await createEmployee(tenant.manager, { name: 'Pia Holm', teamId: id });
    const leaver = await createEmployee(tenant.manager, { name: 'Ole Holm', teamId: id });
    await data<{ deactivateEmployee: { errors: { message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { deactivateEmployee(input: { id: $id }) { errors { message } } }', { id: leaver });

    const renamed = await data<{ updateTeam: { team: { name: string; description: string | null } | null; errors: { message: string }[] } }>(tenant.manager, `mutation($id: ID!) { updateTeam(input: { id: $id, name: "Early Shift", description: "6am-2pm" }) {
      team { name description } errors { message } } }`, { id });
    expect(renamed.updateTeam).toEqual({ team: { name: 'Early Shift', description: '6am-2pm' }, errors: [] });

    const team = await data<{ node: { name: string; memberCount: number; employees: { totalCount: number; edges: { node: { name: string } }[] }; active: { totalCount: number } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Team { name memberCount
      employees(first: 10) { totalCount edges { node { name } } }
      active: employees(first: 10, filter: { status: ACTIVE }) { totalCount } } } }`, { id });
    expect(team.node).toEqual({
      name: 'Early Shift',
      memberCount: 1,
      employees: { totalCount: 2, edges: [{ node: { name: 'Ole Holm' } }, { node: { name: 'Pia Holm' } }] },
      active: { totalCount: 1 },
    });

    const deactivated = await data<{ deactivateTeam: { team: { status: 'ACTIVE' | 'INACTIVE' } | null } }>(tenant.manager, 'mutation($id: ID!) { deactivateTeam(input: { id: $id }) { team { status } } }', { id });
    expect(deactivated.deactivateTeam.team!.status).toBe('INACTIVE');
    const active = await data<{ teams: { totalCount: number }; all: { totalCount: number } }>(tenant.reader, '{ teams(filter: { status: ACTIVE }) { totalCount } all: teams { totalCount } }');
    expect(active).toEqual({ teams: { totalCount: 0 }, all: { totalCount: 1 } });
  });

  it('refuse a duplicate name (ignoring case) on the name field', async () => {
    const tenant = await createTenant();
    await createTeam(tenant.admin, 'Night Owls');
    const result = await data<{ createTeam: { team: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, 'mutation { createTeam(input: { name: "night owls" }) { team { id } errors { code path message } } }');
    expect(result.createTeam).toEqual({
      team: null,
      errors: [{ code: 'CONFLICT', path: ['input', 'name'], message: 'A team named "night owls" already exists.' }],
    });
  });
});
