/** Credentials: secret keys, roles, revocation, expiry, employee tokens and the platform token. */
import { env } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, gql, localId, PLATFORM_TOKEN, TEST_NOW, type UserErrorCode } from './helpers.ts';

const VIEWER = '{ viewer { role tenant { name } employee { id name } } }';
type ViewerResult = { viewer: { role: 'ADMIN' | 'EMPLOYEE' | 'MANAGER' | 'PLATFORM' | 'PUBLISHABLE' | 'READER'; tenant: { name: string } | null; employee: { id: string; name: string } | null } };

describe('secret keys', () => {
  it('answers 401 with a one-line reason for a missing, malformed, unknown or foreign credential', async () => {
    const cases: [string | null, RegExp][] = [
      [null, /^Missing credentials/],
      ['fl_sk_doesnotexist000000000000000000000000000', /^Unknown API key\.$/],
      ['not-a-frontline-credential', /^Unknown credential/],
    ];
    for (const [credential, message] of cases) {
      const result = await gql(credential, VIEWER);
      expect(result.status).toBe(401);
      expect(result.headers.get('WWW-Authenticate')).toContain('Bearer');
      expect(result.body.errors).toHaveLength(1);
      expect(result.body.errors?.[0]?.message).toMatch(message);
      expect(result.body.errors?.[0]?.message).not.toContain('\n');
      expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const response = await (await import('cloudflare:workers')).exports.default.fetch(
      new Request('http://frontline.test/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Basic abc' },
        body: JSON.stringify({ query: VIEWER }),
      }),
    );
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain('expected \\"Bearer <key>\\"');
  });

  it('stores only a hash and a short prefix, and reports role and last use', async () => {
    const tenant = await createTenant();
    const created = await data<{ createApiKey: { secret: string | null; apiKey: { id: string; prefix: string; role: 'ADMIN' | 'MANAGER' | 'READER'; status: 'ACTIVE' | 'EXPIRED' | 'REVOKED'; lastUsedAt: string | null } | null; errors: { message: string }[] } }>(tenant.admin, `mutation {
      createApiKey(input: { name: "HR sync", role: READER }) { secret apiKey { id prefix role status lastUsedAt } errors { message } }
    }`);
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^fl_sk_[0-9A-Za-z]{40}$/);
    expect(apiKey).toMatchObject({ prefix: secret!.slice(0, 12), role: 'READER', status: 'ACTIVE', lastUsedAt: null });

    const rows = await env.DB.prepare('SELECT * FROM api_keys WHERE prefix = ?').bind(apiKey!.prefix).all();
    expect(rows.results).toHaveLength(1);
    expect(JSON.stringify(rows.results)).not.toContain(secret);
    expect(rows.results[0]?.hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await data<ViewerResult>(secret!, VIEWER)).viewer.role).toBe('READER');
    // last_used_at is refreshed in the background (waitUntil); give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const keys = await data<{ apiKeys: { totalCount: number; edges: { node: { prefix: string; lastUsedAt: string | null; createdBy: string } }[] } }>(tenant.admin, '{ apiKeys(first: 10) { totalCount edges { node { prefix lastUsedAt createdBy } } } }');
    const used = keys.apiKeys.edges.find((edge) => edge.node.prefix === apiKey!.prefix);
    expect(used!.node.lastUsedAt).not.toBeNull();
    expect(keys.apiKeys.totalCount).toBe(4); // first admin key, manager, reader (helper) and this one
  });

  it('stops accepting a key as soon as it is revoked', async () => {
    const tenant = await createTenant();
    const created = await data<{ createApiKey: { secret: string | null; apiKey: { id: string } | null } }>(tenant.admin, 'mutation { createApiKey(input: { name: "temp", role: MANAGER }) { secret apiKey { id } } }');
    const { secret, apiKey } = created.createApiKey;
    expect((await gql(secret, VIEWER)).status).toBe(200);
    const revoked = await data<{ revokeApiKey: { apiKey: { status: 'ACTIVE' | 'EXPIRED' | 'REVOKED'; revokedAt: string | null } | null; errors: { message: string }[] } }>(tenant.admin, `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { status revokedAt } errors { message } } }`, {
      id: apiKey!.id,
    });
    expect(revoked.revokeApiKey.apiKey!.status).toBe('REVOKED');
    const after = await gql(secret, VIEWER);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.message).toBe('This API key has been revoked.');
  });

  it('stops accepting a key after it expires', async () => {
    const tenant = await createTenant();
    // Expiry is judged by the request clock: requests just before and just after, no sleeping.
    const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);
    const created = await data<{ createApiKey: { secret: string | null } }>(tenant.admin, `mutation($at: DateTime) { createApiKey(input: { name: "short", role: READER, expiresAt: $at }) { secret } }`, {
      at: at(60_000).toISOString(),
    });
    expect((await gql(created.createApiKey.secret, VIEWER, {}, { now: at(59_999) })).status).toBe(200);
    const after = await gql(created.createApiKey.secret, VIEWER, {}, { now: at(60_000) });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.message).toMatch(/^This API key expired at /);
  });

  it('refuses an expiry in the past, in the payload', async () => {
    const tenant = await createTenant();
    const result = await data<{ createApiKey: { secret: string | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, `mutation { createApiKey(input: { name: "x", role: READER, expiresAt: "2020-01-01T00:00:00Z" }) { secret errors { code path message } } }`);
    expect(result.createApiKey).toEqual({
      secret: null,
      errors: [{ code: 'VALIDATION', path: ['input', 'expiresAt'], message: 'expiresAt must be in the future.' }],
    });
  });

  it('lets only admins manage keys, with a FORBIDDEN error that names what is missing', async () => {
    const tenant = await createTenant();
    for (const key of [tenant.manager, tenant.reader]) {
      const result = await gql(key, 'mutation { createApiKey(input: { name: "x", role: ADMIN }) { secret } }');
      expect(result.body.data?.createApiKey ?? null).toBeNull();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.body.errors?.[0]?.message).toMatch(/managing API keys needs an admin key/);
      const list = await gql(key, '{ apiKeys(first: 5) { totalCount } }');
      expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lets a reader read but not write', async () => {
    const tenant = await createTenant();
    expect((await data<{ employees: { totalCount: number } }>(tenant.reader, '{ employees(first: 5) { totalCount } }')).employees.totalCount).toBe(0);
    const result = await gql(tenant.reader, 'mutation { createTeam(input: { name: "Night shift" }) { team { id } } }');
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'Forbidden: changing teams and employees needs an admin key or a manager key; this request uses a reader key.',
      extensions: { code: 'FORBIDDEN', permission: 'people:write' },
    });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM teams WHERE name = 'Night shift'").first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});

describe('platform admin token', () => {
  it('creates tenants and keys for them, and sees no tenant data', async () => {
    const created = await data<{ createTenant: { tenant: { id: string; name: string; slug: string } | null; adminKey: { role: 'ADMIN' | 'MANAGER' | 'READER'; prefix: string } | null; adminSecret: string | null; errors: { message: string }[] } }>(PLATFORM_TOKEN, `mutation { createTenant(input: { name: "Platform Made Ltd" }) {
      tenant { id name slug } adminKey { role prefix } adminSecret errors { message } } }`);
    const { tenant, adminSecret, adminKey } = created.createTenant;
    expect(tenant!.slug).toBe('platform-made-ltd');
    expect(adminKey!.role).toBe('ADMIN');
    expect((await data<ViewerResult>(adminSecret!, VIEWER)).viewer.tenant!.name).toBe('Platform Made Ltd');

    const key = await data<{ createApiKey: { secret: string | null; errors: { message: string }[] } }>(PLATFORM_TOKEN, `mutation($t: ID) { createApiKey(input: { tenantId: $t, name: "ops", role: READER }) { secret errors { message } } }`, {
      t: tenant!.id,
    });
    expect((await data<ViewerResult>(key.createApiKey.secret!, VIEWER)).viewer.role).toBe('READER');

    expect((await data<ViewerResult>(PLATFORM_TOKEN, VIEWER)).viewer).toEqual({ role: 'PLATFORM', tenant: null, employee: null });
    const employees = await gql(PLATFORM_TOKEN, '{ employees(first: 1) { totalCount } }');
    expect(employees.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports a taken slug on the slug field', async () => {
    await data<{ createTenant: { errors: { message: string }[] } }>(PLATFORM_TOKEN, 'mutation { createTenant(input: { name: "Twin", slug: "twin-co" }) { errors { message } } }');
    const again = await data<{ createTenant: { tenant: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(PLATFORM_TOKEN, 'mutation { createTenant(input: { name: "Twin", slug: "twin-co" }) { tenant { id } errors { code path message } } }');
    expect(again.createTenant).toEqual({
      tenant: null,
      errors: [{ code: 'CONFLICT', path: ['input', 'slug'], message: 'The slug "twin-co" is taken; pass another slug.' }],
    });
  });

  it('is the only credential that creates tenants', async () => {
    const tenant = await createTenant();
    const result = await gql(tenant.admin, 'mutation { createTenant(input: { name: "Sneaky" }) { tenant { id } } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toContain('creating tenants needs the platform admin token');
  });
});

describe('employee tokens', () => {
  const MINT = `mutation($input: CreateEmployeeTokenInput!) {
    createEmployeeToken(input: $input) { token expiresAt employee { id } errors { code path message } }
  }`;
  type MintResult = { createEmployeeToken: { token: string | null; expiresAt: string | null; employee: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

  it('act as exactly one employee of one tenant', async () => {
    const tenant = await createTenant();
    const employeeId = await createEmployee(tenant.manager, { name: 'Ana Lima' });
    const minted = await data<MintResult>(tenant.manager, MINT, { input: { employeeId, ttlSeconds: 600 } }, { now: TEST_NOW });
    const { token, expiresAt } = minted.createEmployeeToken;
    expect(token).toMatch(/^fl_et_/);
    // Minted and checked on the request clock: exactly the TTL, and expired one second after it.
    expect(new Date(expiresAt!).getTime() - TEST_NOW.getTime()).toBe(600_000);
    expect((await gql(token, VIEWER, {}, { now: new Date(TEST_NOW.getTime() + 599_000) })).status).toBe(200);
    const late = await gql(token, VIEWER, {}, { now: new Date(TEST_NOW.getTime() + 601_000) });
    expect(late.status).toBe(401);
    expect(late.body.errors?.[0]?.message).toBe('This employee token has expired.');

    const viewer = await data<ViewerResult>(token!, VIEWER);
    expect(viewer.viewer).toEqual({ role: 'EMPLOYEE', tenant: { name: tenant.name }, employee: { id: employeeId, name: 'Ana Lima' } });
    // An employee reads the directory, but cannot change it or mint tokens.
    expect((await data<{ employees: { totalCount: number } }>(token!, '{ employees(first: 5) { totalCount } }')).employees.totalCount).toBe(1);
    for (const mutation of ['mutation { createTeam(input: { name: "x" }) { team { id } } }', `mutation { createEmployeeToken(input: { employeeId: "${employeeId}" }) { token } }`]) {
      expect((await gql(token, mutation)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('are limited to one hour and to active employees of the tenant', async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const employeeId = await createEmployee(tenant.admin, { name: 'Ben Ode' });
    const tooLong = await data<MintResult>(tenant.admin, MINT, { input: { employeeId, ttlSeconds: 3601 } });
    expect(tooLong.createEmployeeToken.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'ttlSeconds'], message: 'ttlSeconds must be at most 3600 (one hour).' },
    ]);
    const foreign = await data<MintResult>(other.admin, MINT, { input: { employeeId } });
    expect(foreign.createEmployeeToken).toMatchObject({ token: null, errors: [{ code: 'NOT_FOUND', path: ['input', 'employeeId'] }] });
    const reader = await gql(tenant.reader, MINT, { input: { employeeId } });
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('get 401 once the employee is deactivated, when expired, and when forged', async () => {
    const tenant = await createTenant();
    const employeeId = await createEmployee(tenant.admin, { name: 'Cleo Park' });
    const { token } = (await data<MintResult>(tenant.admin, MINT, { input: { employeeId } })).createEmployeeToken;
    expect((await gql(token, VIEWER)).status).toBe(200);

    // Expired: a correctly signed token whose exp has passed.
    const [tenantLocal, employeeLocal] = [localId(tenant.id), localId(employeeId)];
    const sign = (secret: string, exp: number) =>
      new SignJWT({ tid: tenantLocal })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(employeeLocal!)
        .setAudience('frontline')
        .setIssuer('frontline')
        .setIssuedAt(exp - 600)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const expired = await gql(`fl_et_${await sign(env.EMPLOYEE_TOKEN_SECRET!, now - 10)}`, VIEWER);
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.message).toBe('This employee token has expired.');

    const forged = await gql(`fl_et_${await sign('another-secret-that-is-long-enough-0123456789', now + 600)}`, VIEWER);
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.message).toBe('Invalid employee token.');

    const tampered = await gql(`${token!.slice(0, -4)}AAAA`, VIEWER);
    expect(tampered.status).toBe(401);

    await data<{ deactivateEmployee: { employee: { status: 'ACTIVE' | 'INACTIVE' } | null } }>(tenant.admin, 'mutation($id: ID!) { deactivateEmployee(input: { id: $id }) { employee { status } } }', { id: employeeId });
    const after = await gql(token, VIEWER);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.message).toMatch(/employee is inactive/);
  });
});

describe('employee tokens live no longer than the key that minted them', () => {
  const GIVE = `mutation($input: GiveRecognitionInput!) { giveRecognition(input: $input) { recognition { id } errors { code message } } }`;
  type GiveResult = { giveRecognition: { recognition: { id: string } | null; errors: { code: UserErrorCode; message: string }[] } };
  const MINT = 'mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token errors { message } } }';
  type MintResult = { createEmployeeToken: { token: string | null; errors: { message: string }[] } };

  /** A tenant with two employees, a fresh manager key (secret and local id) and a token it minted for the first. */
  async function setUp() {
    const tenant = await createTenant();
    const giver = await createEmployee(tenant.admin, { name: 'Gia Ruiz' });
    const receiver = await createEmployee(tenant.admin, { name: 'Rui Sato' });
    const key = (await data<{ createApiKey: { secret: string | null; apiKey: { id: string } | null } }>(tenant.admin, 'mutation { createApiKey(input: { name: "help desk", role: MANAGER }) { secret apiKey { id } } }')).createApiKey;
    const token: string = (await data<MintResult>(key.secret!, MINT, { input: { employeeId: giver } })).createEmployeeToken.token!;
    return { tenant, giver, receiver, keyGlobalId: key.apiKey!.id as string, keyId: localId(key.apiKey!.id), token };
  }

  /** A token signed with the real test secret, with whatever claims a forger would choose. */
  const signToken = (claims: { tid: string; sub: string; iby?: string; iat: number; exp: number }) =>
    new SignJWT({ tid: claims.tid, ...(claims.iby ? { iby: claims.iby } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setAudience('frontline')
      .setIssuer('frontline')
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .sign(new TextEncoder().encode(env.EMPLOYEE_TOKEN_SECRET!))
      .then((jwt) => `fl_et_${jwt}`);

  it('end when the key is revoked: 401 with the reason, and no more recognition', async () => {
    const { tenant, giver, receiver, keyGlobalId, token } = await setUp();
    const give = { input: { recipientIds: [receiver], message: 'Covered my shift', value: 'teamwork', points: 5 } };
    expect((await data<GiveResult>(token, GIVE, give)).giveRecognition.errors).toEqual([]);
    const adminToken: string = (await data<MintResult>(tenant.admin, MINT, { input: { employeeId: giver } })).createEmployeeToken.token!;

    const revoked = await data<{ revokeApiKey: { apiKey: { status: 'ACTIVE' | 'EXPIRED' | 'REVOKED' } | null } }>(tenant.admin, 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { status } } }', {
      id: keyGlobalId,
    });
    expect(revoked.revokeApiKey.apiKey?.status).toBe('REVOKED');

    for (const operation of [VIEWER, GIVE]) {
      const after = await gql(token, operation, give);
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]).toMatchObject({
        message: 'This employee token is no longer valid: the API key that minted it has been revoked.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const given = await env.DB.prepare('SELECT count(*) AS n FROM recognitions WHERE tenant_id = ?').bind(localId(tenant.id)).first<{ n: number }>();
    expect(given?.n).toBe(1);
    // Only that key's tokens end: a token the admin key minted for the same employee still works.
    expect((await gql(adminToken, VIEWER)).status).toBe(200);
  });

  it('end when the key expires', async () => {
    const { keyId, token } = await setUp();
    expect((await gql(token, VIEWER)).status).toBe(200);
    // Expire the key without waiting for the clock: its expiry is now in the past.
    const past = TEST_NOW.getTime() - 1_000;
    await env.DB.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?').bind(past, keyId).run();
    const after = await gql(token, VIEWER);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.message).toBe(
      `This employee token is no longer valid: the API key that minted it expired at ${new Date(past).toISOString()}.`,
    );
  });

  it('refuse a validly signed token whose lifetime is longer than an hour', async () => {
    const { tenant, giver, keyId } = await setUp();
    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const claims = { tid: localId(tenant.id), sub: localId(giver), iby: keyId, iat: now - 10 };
    // The same claims with a lifetime inside the maximum are accepted, so only the lifetime differs.
    expect((await gql(await signToken({ ...claims, exp: claims.iat + 3600 }), VIEWER)).status).toBe(200);
    const tooLong = await gql(await signToken({ ...claims, exp: claims.iat + 3601 }), VIEWER);
    expect(tooLong.status).toBe(401);
    expect(tooLong.body.errors?.[0]?.message).toBe('Invalid employee token: its lifetime is longer than the one-hour maximum.');
  });

  it("refuse a token that names no key, the platform, a reader key or another tenant's key", async () => {
    const { tenant, giver, keyId } = await setUp();
    const other = await setUp();
    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const readerKey = (await data<{ createApiKey: { apiKey: { id: string } | null } }>(tenant.admin, 'mutation { createApiKey(input: { name: "r", role: READER }) { apiKey { id } } }')).createApiKey.apiKey!.id;
    const base = { tid: localId(tenant.id), sub: localId(giver), iat: now, exp: now + 600 };
    const cases = [
      { ...base },
      { ...base, iby: 'platform' },
      { ...base, iby: localId(readerKey) },
      // Another tenant's live manager key, for this tenant's employee.
      { ...base, iby: other.keyId },
      // This tenant's key, naming the other tenant and its employee: the key is not in that tenant.
      { tid: localId(other.tenant.id), sub: localId(other.giver), iby: keyId, iat: now, exp: now + 600 },
    ];
    for (const claims of cases) {
      const result = await gql(await signToken(claims), VIEWER);
      expect(result.status, JSON.stringify(claims)).toBe(401);
      expect(result.body.errors?.[0]?.message).toBe('Invalid employee token.');
    }
  });
});
