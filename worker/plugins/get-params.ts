/**
 * useJsonGetParams: a GET request's `variables` and `extensions` parameters must be JSON. Yoga
 * parses them with JSON.parse and lets the SyntaxError through as an unexpected error (masked as
 * "Unexpected error." with status 200); this answers 400 BAD_REQUEST naming the parameter first.
 * Found by the fuzzer (test/fuzz/).
 */
import type { Plugin } from 'graphql-yoga';
import { jsonError } from '../http-errors.ts';

const JSON_PARAMETERS = ['variables', 'extensions'] as const;

export function useJsonGetParams(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET') return;
      for (const name of JSON_PARAMETERS) {
        const value = url.searchParams.get(name);
        if (value !== null && value !== '' && !parsesAsJson(value)) {
          endResponse(jsonError(400, 'BAD_REQUEST', `The "${name}" parameter must be a JSON object.`));
          return;
        }
      }
    },
  };
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
