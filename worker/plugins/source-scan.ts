/**
 * One pass of graphql-js's own lexer over a document, before the (recursive) parser sees it: counts
 * tokens and how deeply brackets nest, stopping at the first limit crossed. graphql-js parses
 * nested selections and values by recursion, so `{ a { a { ...` or `[[[[...` thousands deep
 * overflows the stack (a 500) before any validation rule could run; this scan is iterative.
 */
import { Lexer, Source, TokenKind } from 'graphql';

export interface SourceScanLimits {
  maxTokens: number;
  /** Selection-set braces, counted outside arguments and variable definitions. */
  maxSelectionNesting: number;
  /** Brackets inside arguments, directives' arguments and variable defaults: `[`, `{`, `(`. */
  maxValueNesting: number;
}

export type SourceScanResult =
  | { ok: true }
  | { ok: false; limit: 'tokens'; count: number }
  | { ok: false; limit: 'selectionNesting' | 'valueNesting'; count: number };

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Scans `source`. A lexical error ends the scan with `ok: true`: the parser then reports the same
 * syntax error with its usual message and location.
 */
export function scanSource(source: string, limits: SourceScanLimits): SourceScanResult {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let selectionNesting = 0;
  // Brackets opened since the first `(` on the stack (0 while only selection braces are open).
  let valueNesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > limits.maxTokens) return { ok: false, limit: 'tokens', count: tokens };
      if (OPENING.has(token.kind)) {
        if (valueNesting > 0 || token.kind === TokenKind.PAREN_L) {
          if (++valueNesting > limits.maxValueNesting) return { ok: false, limit: 'valueNesting', count: valueNesting };
        } else if (++selectionNesting > limits.maxSelectionNesting) {
          return { ok: false, limit: 'selectionNesting', count: selectionNesting };
        }
      } else if (CLOSING.has(token.kind)) {
        if (valueNesting > 0) valueNesting--;
        else if (selectionNesting > 0) selectionNesting--;
      }
    }
  } catch {
    return { ok: true };
  }
  return { ok: true };
}
