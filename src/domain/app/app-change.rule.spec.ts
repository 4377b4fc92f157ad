import { RefusalReason } from '../common/refusal-reason';
import { AppStatus } from './app.enums';
import { planAppCreate, planAppUpdate } from './app-input.rule';
import { checkRotation } from './app-secret.rule';

describe('app changes: the pure rules createApp, updateApp and rotateAppSecret call', () => {
  it('a new app needs a registered owner and a known tag; it is written with its profile trimmed', () => {
    expect(planAppCreate({ name: '  Shop helper ', tagCode: 'MERCHANT_BACKEND' }, { ownerRegistered: true, tagKnown: true })).toMatchObject({ ok: true, value: { name: 'Shop helper', inCloud: false, logoUrl: null } });
    expect(planAppCreate({ name: 'Shop helper', tagCode: 'NOPE' }, { ownerRegistered: false, tagKnown: false })).toMatchObject({
      ok: false,
      refusal: { violations: [{ field: 'developer', rule: 'NOT_REGISTERED' }, { field: 'tagCode', rule: 'UNKNOWN_TAG' }] },
    });
  });

  it('an IN_REVIEW app is frozen (NOT_EDITABLE); an ONLINE app keeps its tag (TAG_FROZEN)', () => {
    expect(planAppUpdate({ status: AppStatus.IN_REVIEW, tagCode: 'A' }, { name: 'New name' }, null)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.NOT_EDITABLE } });
    expect(planAppUpdate({ status: AppStatus.ONLINE, tagCode: 'A' }, { tagCode: 'B' }, true)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'tagCode', rule: 'TAG_FROZEN' }] } });
    expect(planAppUpdate({ status: AppStatus.DEVELOPING, tagCode: 'A' }, { tagCode: 'B', logoUrl: '' }, true)).toEqual({ ok: true, value: { tagCode: 'B', logoUrl: null } });
  });

  it('a rotation with a 24-hour grace keeps the current secret until then; a suspended app is frozen; 169 hours is refused (at most 7 days)', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const existing = [{ version: 1, validFrom: new Date('2026-11-01T00:00:00Z'), validUntil: null }];
    expect(checkRotation(AppStatus.ONLINE, existing, now, 24)).toEqual({ ok: true, value: { issue: { version: 2, validFrom: now, validUntil: null }, close: [{ version: 1, validUntil: new Date('2026-12-03T00:00:00Z') }] } });
    expect(checkRotation(AppStatus.SUSPENDED, existing, now, 24)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.SECRETS_FROZEN } });
    expect(checkRotation(AppStatus.ONLINE, existing, now, 169)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'graceHours', rule: 'OUT_OF_RANGE' }] } });
  });
});
