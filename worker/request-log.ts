/**
 * Structured logs, one JSON object per request or job, written with console.log so Workers
 * observability (`[observability] enabled = true`) indexes every field.
 *
 * A request line says who asked (tenant, credential kind, the key's display prefix), what (route,
 * operation name and type, cost), and how it went (status, error codes, duration, SQL statements),
 * under a request id that the response also carries as `X-Request-Id` (Cloudflare's `cf-ray` when
 * present, so a log line and the edge's own records meet; otherwise random).
 *
 * What is never logged, by construction (there is no field for it): a full key, an employee or
 * platform token, an unsubscribe token, the query string (publishable keys and unsubscribe tokens
 * travel there), the request body, GraphQL variables, or anything a resolver read (customers'
 * names and contacts). Only what this module's setters are handed goes out.
 */
import { displayPrefix } from '../db/keys.ts';
import type { Principal } from './auth/principal.ts';
import { stopwatch } from './clock.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

export type Route = 'graphql' | 'widget' | 'widget-script' | 'unsubscribe' | 'other';
export type CredentialKind = Principal['kind'] | 'none' | 'unrecognised';

export interface RequestLogLine {
  type: 'request';
  requestId: string;
  method: string;
  /** The path only: never the query string. */
  path: string;
  route: Route;
  status: number;
  durationMs: number;
  statements: number;
  credential: CredentialKind;
  /** A secret or publishable key's display prefix (`fl_sk_` + 6 characters), as API key lists show it. */
  keyPrefix?: string;
  tenantId?: string;
  operationName?: string;
  operationType?: 'query' | 'mutation' | 'subscription';
  /** The operation's cost as the operation limits measured it (worker/plugins/operation-cost.ts). */
  cost?: number;
  /** `extensions.code` of every top-level error, in order, duplicates removed. */
  errorCodes?: string[];
}

export interface JobLogLine {
  type: 'scheduled' | 'queue';
  /** The cron expression, or the queue's name. */
  source: string;
  /** Queue batches: how many messages of each type. */
  messages?: Record<string, number>;
  /** Scheduled runs: the cron's own scheduled time. */
  scheduledTime?: string;
  durationMs: number;
  statements: number;
  outcome: 'ok' | 'error';
  /** The error's class name only: messages can quote SQL or data. */
  error?: string;
}

/** What the request's handlers learn about it, gathered as it runs and logged once at the end. */
export class RequestLog {
  readonly requestId: string;
  private readonly elapsed = stopwatch();
  private readonly method: string;
  private readonly path: string;
  private route: Route = 'other';
  private credential: CredentialKind = 'none';
  private keyPrefix?: string;
  private tenantId?: string;
  private operationName?: string;
  private operationType?: RequestLogLine['operationType'];
  private cost?: number;
  private readonly errorCodes: string[] = [];

  constructor(request: Request) {
    const url = new URL(request.url);
    this.method = request.method;
    this.path = url.pathname;
    this.requestId = request.headers.get('cf-ray') ?? crypto.randomUUID();
    this.noteAuthorization(request.headers.get('Authorization'));
  }

  routedTo(route: Route): void {
    this.route = route;
  }

  /** Before authentication: the kind of credential the header claims, and a key's prefix. */
  noteAuthorization(header: string | null): void {
    const credential = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!credential) return;
    if (credential.startsWith('fl_sk_')) {
      this.credential = 'secretKey';
      this.keyPrefix = displayPrefix(credential);
    } else if (credential.startsWith('fl_et_')) {
      this.credential = 'employee';
    } else {
      // The platform token, or something else: either way nothing of it is logged.
      this.credential = 'unrecognised';
    }
  }

  /** A widget request's publishable key (from the URL): only its prefix. */
  notePublishableKey(key: string | null): void {
    if (!key) return;
    this.credential = 'publishable';
    this.keyPrefix = displayPrefix(key);
  }

  /** After authentication: who the request runs as. */
  notePrincipal(principal: Principal): void {
    this.credential = principal.kind;
    if (principal.kind !== 'platform') this.tenantId = principal.tenantId;
    if (principal.kind === 'employee' || principal.kind === 'platform') this.keyPrefix = undefined;
  }

  noteTenant(tenantId: string): void {
    this.tenantId = tenantId;
  }

  noteOperation(name: string | undefined, type: RequestLogLine['operationType']): void {
    this.operationName = name;
    this.operationType = type;
  }

  noteCost(cost: number): void {
    this.cost = cost;
  }

  noteErrorCodes(codes: readonly string[]): void {
    for (const code of codes) if (!this.errorCodes.includes(code)) this.errorCodes.push(code);
  }

  hasErrorCodes(): boolean {
    return this.errorCodes.length > 0;
  }

  line(status: number, statements: number): RequestLogLine {
    return {
      type: 'request',
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      route: this.route,
      status,
      durationMs: this.elapsed(),
      statements,
      credential: this.credential,
      ...(this.keyPrefix ? { keyPrefix: this.keyPrefix } : {}),
      ...(this.tenantId ? { tenantId: this.tenantId } : {}),
      ...(this.operationName ? { operationName: this.operationName } : {}),
      ...(this.operationType ? { operationType: this.operationType } : {}),
      ...(this.cost !== undefined ? { cost: this.cost } : {}),
      ...(this.errorCodes.length > 0 ? { errorCodes: [...this.errorCodes] } : {}),
    };
  }

  /**
   * Logs the line and returns the response with X-Request-Id. Refusals made before GraphQL (the
   * widget edge's JSON errors) name their codes in the body; those small bodies are read here.
   */
  async finish(response: Response, statements: number): Promise<Response> {
    if (response.status >= 400 && !this.hasErrorCodes() && response.headers.get('Content-Type')?.includes('json')) {
      this.noteErrorCodes(await errorCodesOf(response.clone()));
    }
    console.log(JSON.stringify(this.line(response.status, statements)));
    const tagged = new Response(response.body, response);
    tagged.headers.set(REQUEST_ID_HEADER, this.requestId);
    return tagged;
  }
}

/**
 * `extensions.code` of each error of a GraphQL-shaped JSON body, `UNCODED` for an error without
 * one (graphql-js's variable errors), none when it is not such a body.
 */
export function codesOf(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((error: unknown) => {
    const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof code === 'string' ? code : 'UNCODED';
  });
}

async function errorCodesOf(response: Response): Promise<string[]> {
  try {
    const body = (await response.json()) as { errors?: unknown };
    return codesOf(body.errors);
  } catch {
    return [];
  }
}

/** Logs one line for a scheduled run or a queue batch. */
export function logJob(line: JobLogLine): void {
  console.log(JSON.stringify(line));
}

/**
 * Runs a scheduled run's or a queue batch's work and logs its line, errors included (and then
 * rethrown, so the runtime still retries). `statements` is read when the work is done.
 */
export async function loggedJob(line: Pick<JobLogLine, 'type' | 'source' | 'messages' | 'scheduledTime'>, stats: { statements: number }, work: () => Promise<void>): Promise<void> {
  const elapsed = stopwatch();
  try {
    await work();
    logJob({ ...line, durationMs: elapsed(), statements: stats.statements, outcome: 'ok' });
  } catch (error) {
    logJob({ ...line, durationMs: elapsed(), statements: stats.statements, outcome: 'error', error: error instanceof Error ? error.name : typeof error });
    throw error;
  }
}
