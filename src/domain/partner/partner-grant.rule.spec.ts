import { RefusalReason } from '../common/refusal-reason';
import { checkGrant, checkRevoke } from './partner-grant.rule';

describe('partner grants (DOMAIN §1): a developer grants and revokes; one unrevoked grant per partner', () => {
  it('a first grant inserts, a revoked one is renewed, an active one is refused ALREADY_GRANTED', () => {
    expect(checkGrant('erp-partner', true, null)).toEqual({ ok: true, value: false });
    expect(checkGrant('erp-partner', true, { revokedAt: new Date('2026-11-30T00:00:00Z') })).toEqual({ ok: true, value: true });
    expect(checkGrant('erp-partner', true, { revokedAt: null })).toMatchObject({ ok: false, refusal: { reason: RefusalReason.ALREADY_GRANTED, figures: [{ name: 'partnerId', value: 'erp-partner' }] } });
  });

  it('the partner id is 1–64 characters of [A-Za-z0-9_-:.], and the developer registered', () => {
    expect(checkGrant('x'.repeat(65), true, null)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'partnerId', rule: 'INVALID_PARTNER_ID' }] } });
    expect(checkGrant('erp-partner', false, null)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'developer', rule: 'NOT_REGISTERED' }] } });
  });

  it('only an unrevoked grant is revoked (NOT_GRANTED)', () => {
    expect(checkRevoke('erp-partner', { revokedAt: null })).toEqual({ ok: true, value: true });
    expect(checkRevoke('erp-partner', { revokedAt: new Date() })).toMatchObject({ ok: false, refusal: { reason: RefusalReason.NOT_GRANTED } });
  });
});
