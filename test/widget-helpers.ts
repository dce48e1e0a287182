/** Test helpers for widget requests: a publishable key, public employees, trusted documents by hash. */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import { documentHash, WIDGET_DOCUMENTS, type WidgetDocumentName } from '../features/widgets/documents.ts';
import { createEmployee, data, nextInstant, type UserErrorCode } from './helpers.ts';

export const SHOP = 'https://shop.example.com';

export async function createPublishableKey(admin: string, allowedOrigins: string[] = [SHOP], widgets: string[] = ['FEEDBACK', 'KUDOS_WALL', 'GOAL_PROGRESS', 'SUGGESTION_BOX']) {
  const result = await data<{ createPublishableKey: { key: string | null; publishableKey: { id: string; prefix: string; allowedOrigins: string[]; widgets: ('FEEDBACK' | 'GOAL_PROGRESS' | 'KUDOS_WALL' | 'SUGGESTION_BOX')[]; active: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(admin, `mutation($input: CreatePublishableKeyInput!) {
    createPublishableKey(input: $input) { key publishableKey { id prefix allowedOrigins widgets active } errors { code path message } }
  }`, { input: { name: 'Shop site', allowedOrigins, widgets } });
  expect(result.createPublishableKey.errors).toEqual([]);
  return { key: result.createPublishableKey.key as string, id: result.createPublishableKey.publishableKey!.id as string };
}

/** Creates an employee shown in widgets (public), optionally with a photo. */
export async function createPublicEmployee(admin: string, name: string, input: { teamId?: string; photoUrl?: string } = {}): Promise<string> {
  const id = await createEmployee(admin, { name, ...(input.teamId ? { teamId: input.teamId } : {}) });
  const result = await data<{ setWidgetProfile: { employee: { public: boolean } | null; errors: { message: string }[] } }>(admin, `mutation($input: SetWidgetProfileInput!) { setWidgetProfile(input: $input) { employee { public } errors { message } } }`, {
    input: { employeeId: id, public: true, ...(input.photoUrl ? { photoUrl: input.photoUrl } : {}) },
  });
  expect(result.setWidgetProfile.errors).toEqual([]);
  return id;
}

export interface WidgetCall {
  origin?: string | null;
  token?: string;
  ip?: string;
  method?: string;
  body?: unknown;
}

/** A widget's request: POST /graphql?key=… from `origin` naming a trusted document by hash. */
export async function widgetFetch<T = Record<string, unknown>>(key: string, name: WidgetDocumentName | null, variables: Record<string, unknown> = {}, call: WidgetCall = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  const origin = call.origin === undefined ? SHOP : call.origin;
  if (origin) headers.Origin = origin;
  if (call.token) headers.Authorization = `Bearer ${call.token}`;
  headers['CF-Connecting-IP'] = call.ip ?? '203.0.113.7';
  // The request clock moves on like gql's (test/helpers.ts), so rows keep the order a test wrote them in.
  headers['X-Frontline-Now'] = nextInstant().toISOString();
  const body = call.body ?? (name ? { extensions: { persistedQuery: { version: 1, sha256Hash: await documentHash(WIDGET_DOCUMENTS[name].document) } }, variables } : {});
  const method = call.method ?? 'POST';
  const response = await exports.default.fetch(
    new Request(`http://frontline.test/graphql?key=${encodeURIComponent(key)}`, { method, headers, body: method === 'POST' ? JSON.stringify(body) : null }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] } | null };
}

/** A fresh random tap id, as the widget makes one. */
export const tapId = () => crypto.randomUUID().replace(/-/g, '');
