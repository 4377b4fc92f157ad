import { GraphQLError } from 'graphql';
import { formatError } from './server';

describe('formatError: internal errors are masked and logged, public codes pass', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  afterAll(() => spy.mockRestore());

  it('masks an error without a public code and logs the original', () => {
    const original = new Error('ER_NO_SUCH_TABLE: secret_table');
    const out = formatError({ message: original.message, path: ['app'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(out).toEqual({ message: 'Internal server error', path: ['app'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(spy).toHaveBeenCalledWith('[graphql] internal error:', original);
  });

  it.each(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT'])('passes %s through with its message', (code) => {
    const formatted = { message: 'App 7 not found', extensions: { code } };
    expect(formatError(formatted, new GraphQLError('x'))).toBe(formatted);
  });
});
