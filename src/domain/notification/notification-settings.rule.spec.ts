import { NotificationChannel, NotificationKind } from './notification-kind';
import { checkEndpointCount, planContacts, planPreference } from './notification-settings.rule';

describe('notification settings: the pure rules of preferences, contacts and webhook endpoints', () => {
  it('the inbox cannot be switched off; a choice equal to the default (email on for an approved app) is not stored', () => {
    expect(planPreference({}, NotificationKind.APP_REVIEW_APPROVED, NotificationChannel.INBOX, false)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'channel', rule: 'INBOX_ALWAYS_ON' }] } });
    const off = planPreference({}, NotificationKind.APP_REVIEW_APPROVED, NotificationChannel.EMAIL, false);
    const on = planPreference({}, NotificationKind.APP_REVIEW_APPROVED, NotificationChannel.EMAIL, true);
    expect(off).toMatchObject({ ok: true, value: { preferences: { 'APP_REVIEW_APPROVED:EMAIL': false }, explicit: true } });
    expect(on).toMatchObject({ ok: true, value: { preferences: {}, explicit: false } });
    expect(planPreference({}, 'NO_SUCH_KIND', NotificationChannel.EMAIL, true)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'kind', rule: 'UNKNOWN_KIND' }] } });
  });

  it('a new low-balance threshold re-arms its notice; a bad email is refused', () => {
    expect(planContacts({ lowBalanceThreshold: '100.00' })).toEqual({ ok: true, value: { lowBalanceThreshold: '100.00', lowBalanceNotified: 0 } });
    expect(planContacts({ email: 'not-an-address' })).toMatchObject({ ok: false, refusal: { violations: [{ field: 'email', rule: 'NOT_AN_EMAIL' }] } });
  });

  it('a 6th active webhook endpoint is refused (at most 5)', () => {
    expect(checkEndpointCount(4)).toEqual({ ok: true, value: true });
    expect(checkEndpointCount(5)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'url', rule: 'TOO_MANY_ENDPOINTS' }] } });
  });
});
