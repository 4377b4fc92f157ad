import { ASTVisitor, BREAK, GraphQLError, Lexer, Source, TokenKind, ValidationContext, visit } from 'graphql';
import { LimitCode } from './limits';

/**
 * At most `max` directives in the whole document: on operations, fields, fragment spreads,
 * inline fragments, fragment definitions and variable definitions alike (graphql-armor's
 * `maxDirectives` counts along field selections and let 200 `@include` on fragment spreads through).
 */
export function directiveCountRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    // Counted when the document is entered, so the refusal is the first error (before e.g. "used once at this location").
    Document(document) {
      let count = 0;
      visit(document, {
        Directive() {
          count += 1;
          return count > max ? BREAK : undefined;
        },
      });
      if (count > max) context.reportError(new GraphQLError(`Directives limit of ${max} exceeded`, { extensions: { limit: LimitCode.TOO_MANY_DIRECTIVES } }));
    },
  });
}

/**
 * Refuses an operation type the schema has no root for (`subscription { … }` here): graphql-js 16
 * lets it through validation and execution then fails as an internal error.
 */
export function knownOperationTypeRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`${node.operation} operations are not supported by this API`, { nodes: [node], extensions: { limit: LimitCode.OPERATION_NOT_SUPPORTED } }));
      }
    },
  };
}

/** True when `query` has more than `max` tokens (comments not counted, as graphql-js's parser counts); stops at max + 1. */
export function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) if (++n > max) return true;
  } catch {
    return false; // a syntax error: the parser answers it
  }
  return false;
}
