import { checkRegistration } from './registration.rule';

describe('registering a developer account: once per subject, a name of 1–100 characters', () => {
  it('answers the trimmed name; a second registration is ALREADY_REGISTERED', () => {
    expect(checkRegistration('  Acme Soft  ', false)).toEqual({ ok: true, value: 'Acme Soft' });
    expect(checkRegistration('Acme Soft', true)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'id', rule: 'ALREADY_REGISTERED' }] } });
  });
  it('an empty name is REQUIRED, 101 characters TOO_LONG', () => {
    expect(checkRegistration('   ', false)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'name', rule: 'REQUIRED' }] } });
    expect(checkRegistration('a'.repeat(101), false)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'name', rule: 'TOO_LONG' }] } });
    expect(checkRegistration('a'.repeat(100), false).ok).toBe(true);
  });
});
