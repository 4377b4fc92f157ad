import { GraphQLError } from 'graphql';
import { LogCapture } from '../../test/support/log-capture';
import { formatError } from './server';

describe('formatError: internal errors are masked and logged, public codes pass', () => {
  it('masks an error without a public code and logs the original with its stack and cause', () => {
    const logs = new LogCapture();
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:3306');
    const original = new Error('ER_NO_SUCH_TABLE: secret_table', { cause });
    const wrapped = new GraphQLError(original.message, { originalError: original });
    const out = formatError({ message: original.message, path: ['app'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped, logs.logger);
    expect(out).toEqual({ message: 'Internal server error', path: ['app'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toContain('secret_table');
    expect(logs.lines).toHaveLength(1);
    const [line] = logs.lines as unknown as { level: string; path: string[]; err: { message: string; stack: string; cause: { message: string } } }[];
    expect(line).toMatchObject({ level: 'error', path: ['app'], err: { message: 'ER_NO_SUCH_TABLE: secret_table', cause: { message: 'connect ECONNREFUSED 127.0.0.1:3306' } } });
    expect(line.err.stack).toContain('format-error.spec');
  });

  it('logs nothing for a public code', () => {
    const logs = new LogCapture();
    formatError({ message: 'App 7 not found', extensions: { code: 'NOT_FOUND' } }, new GraphQLError('x'), logs.logger);
    expect(logs.lines).toEqual([]);
  });

  it.each(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT'])('passes %s through with its message', (code) => {
    const formatted = { message: 'App 7 not found', extensions: { code } };
    expect(formatError(formatted, new GraphQLError('x'))).toBe(formatted);
  });
});

describe('formatError: limit refusals carry their own code', () => {
  it('a validation error with extensions.limit answers with that code', () => {
    const out = formatError({ message: 'Query depth limit of 3 exceeded, found 5.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_TOO_DEEP' } }, new GraphQLError('x'));
    expect(out.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 'QUERY_TOO_DEEP' });
  });

  it("graphql-js's token-limit parse error answers TOO_MANY_TOKENS", () => {
    const out = formatError({ message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('x'));
    expect(out.extensions?.code).toBe('TOO_MANY_TOKENS');
  });

  it('an ordinary parse error keeps GRAPHQL_PARSE_FAILED', () => {
    const formatted = { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(formatError(formatted, new GraphQLError('x'))).toBe(formatted);
  });
});

describe('formatError: client errors graphql-js raises without a code', () => {
  it('"Too many errors processing variables" (the 51st variable error) answers BAD_USER_INPUT, not a masked internal error', () => {
    const out = formatError({ message: 'Too many errors processing variables, error limit reached. Execution aborted.' }, new GraphQLError('x'));
    expect(out.extensions?.code).toBe('BAD_USER_INPUT');
    expect(out.message).toMatch(/Too many errors/);
  });
});
