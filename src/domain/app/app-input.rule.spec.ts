import { checkAppProfile, isHttpUrl } from './app-input.rule';

describe('checkAppProfile', () => {
  const valid = { name: 'Order Helper', description: 'Syncs orders', logoUrl: 'https://cdn.example.com/l.png', callbackUrl: 'https://example.com/cb' };

  it('accepts a complete, valid profile', () => {
    expect(checkAppProfile(valid, false)).toEqual([]);
  });

  it.each([
    [{ name: '' }, 'name', 'REQUIRED'],
    [{ name: '   ' }, 'name', 'REQUIRED'],
    [{ name: 'a' }, 'name', 'TOO_SHORT'],
    [{ name: 'x'.repeat(51) }, 'name', 'TOO_LONG'],
    [{ description: 'd'.repeat(501) }, 'description', 'TOO_LONG'],
    [{ callbackUrl: 'ftp://example.com/cb' }, 'callbackUrl', 'NOT_HTTP_URL'],
    [{ callbackUrl: 'javascript:alert(1)' }, 'callbackUrl', 'NOT_HTTP_URL'],
    [{ logoUrl: 'not a url' }, 'logoUrl', 'NOT_HTTP_URL'],
    [{ declaredFunctions: ['TELEPORTATION'] }, 'declaredFunctions', 'UNKNOWN_FUNCTION'],
    [{ declaredFunctions: ['MARKETING', 'MARKETING'] }, 'declaredFunctions', 'DUPLICATE'],
  ])('refuses %j on %s with %s', (patch, field, rule) => {
    expect(checkAppProfile({ ...valid, ...patch }, false)).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('a partial update checks only the fields present', () => {
    expect(checkAppProfile({ description: 'new' }, true)).toEqual([]);
    expect(checkAppProfile({ name: 'x' }, true)).toEqual([expect.objectContaining({ field: 'name', rule: 'TOO_SHORT' })]);
  });

  it('names every broken field at once', () => {
    const out = checkAppProfile({ name: '', callbackUrl: 'ftp://x' }, false);
    expect(out.map((v) => v.field)).toEqual(['name', 'callbackUrl']);
  });

  it('isHttpUrl takes only http and https', () => {
    expect(isHttpUrl('http://a.b')).toBe(true);
    expect(isHttpUrl('https://a.b/c?d=1')).toBe(true);
    expect(isHttpUrl('mailto:a@b.c')).toBe(false);
  });
});
