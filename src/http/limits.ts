import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext } from 'graphql';
import { Config } from '../config';
import { directiveCountRule, knownOperationTypeRule } from './document-rules';

/** Codes a refused document answers with (HTTP 400), one per limit. */
export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** An operation type the API does not serve (subscriptions). */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/**
 * Reports a graphql-armor rejection as a validation error carrying `extensions.limit`. Apollo
 * stamps every validation error GRAPHQL_VALIDATION_FAILED; `formatError` turns `limit` into the code.
 */
const reportAs =
  (limit: LimitCode) =>
  (ctx: ValidationContext | null, error: GraphQLError): void => {
    ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }));
  };

/**
 * graphql-armor's validation rules (depth, cost, aliases, directives) and its field-suggestion
 * masking. The token limit is graphql-js's own parser option (`parseOptions.maxTokens`), which
 * Apollo answers as a 400 parse error; armor's token plugin parses a second time for the same result.
 */
export function armorProtection(cfg: Config['graphql']) {
  const armor = new ApolloArmor({
    maxDepth: { n: cfg.maxDepth, propagateOnRejection: false, onReject: [reportAs(LimitCode.QUERY_TOO_DEEP)] },
    costLimit: { maxCost: cfg.maxCost, propagateOnRejection: false, onReject: [reportAs(LimitCode.QUERY_TOO_COSTLY)] },
    maxAliases: { n: cfg.maxAliases, propagateOnRejection: false, onReject: [reportAs(LimitCode.TOO_MANY_ALIASES)] },
    // Directives are counted over the whole document by directiveCountRule (document-rules.ts).
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins,
    validationRules: [...validationRules, directiveCountRule(cfg.maxDirectives), knownOperationTypeRule],
    parseOptions: { maxTokens: cfg.maxTokens },
  };
}

/** The limit code a formatted error stands for, if it is a limit refusal. */
export function limitCodeOf(code: unknown, extensions: Record<string, unknown> | undefined, message: string): LimitCode | null {
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof extensions?.limit === 'string') return extensions.limit as LimitCode;
  // graphql-js 16's parser: "Syntax Error: Document contains more that N tokens. Parsing aborted." (sic)
  if (code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th\w+ \d+ tokens/.test(message)) return LimitCode.TOO_MANY_TOKENS;
  return null;
}
