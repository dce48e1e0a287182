/**
 * useRequestLog: tells the request's log (worker/request-log.ts) what GraphQL learned: the
 * operation's name and type once parsed, and the codes of the errors in the result. Who the caller
 * is comes from the context factory (worker/yoga.ts) and the cost from the operation limits.
 * Requests without a log (tests calling Yoga directly) are left alone.
 */
import { Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codesOf, type RequestLog } from '../request-log.ts';
import { selectOperation } from './operation-cost.ts';

/** The server context carries the log, and Yoga's context includes the server context. */
interface WithLog {
  log?: RequestLog;
}

export function useRequestLog(): Plugin<WithLog, WithLog> {
  return {
    onParse({ context }) {
      const log = context.log;
      if (!log) return;
      return ({ result }) => {
        if (!isDocument(result)) return;
        const operation = selectOperation(result, context.params.operationName);
        log.noteOperation(operation?.name?.value ?? context.params.operationName ?? undefined, operation?.operation);
      };
    },
    onResultProcess({ result, serverContext }) {
      const log = serverContext.log;
      if (!log || Symbol.asyncIterator in result) return;
      for (const single of Array.isArray(result) ? result : [result]) log.noteErrorCodes(codesOf(single.errors));
    },
  };
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;
}
