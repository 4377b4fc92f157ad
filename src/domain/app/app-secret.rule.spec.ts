import { AppStatus } from './app.enums';
import { checkGraceHours, isValidAt, planRotation, secretState, SecretState, secretsVerify } from './app-secret.rule';

const at = (iso: string) => new Date(iso);
const v1 = { version: 1, validFrom: at('2026-11-01T00:00:00Z'), validUntil: null };

describe('app secret rotation (issue 18): the old secret stays valid for the grace, never more than two valid', () => {
  it('rotating with a grace of 24 h keeps v1 valid until now + 24 h and opens v2 from now', () => {
    const now = at('2026-11-20T04:00:00Z');
    const plan = planRotation([v1], now, 24);
    expect(plan).toEqual({ issue: { version: 2, validFrom: now, validUntil: null }, close: [{ version: 1, validUntil: at('2026-11-21T04:00:00Z') }] });
    const v1After = { ...v1, validUntil: plan.close[0].validUntil };
    expect(isValidAt(v1After, at('2026-11-21T03:59:59.999Z'))).toBe(true);
    expect(isValidAt(v1After, at('2026-11-21T04:00:00Z'))).toBe(false);
    expect(secretState(v1After, now)).toBe(SecretState.GRACE);
    expect(secretState(plan.issue, now)).toBe(SecretState.CURRENT);
    expect(secretState(v1After, at('2026-11-22T00:00:00Z'))).toBe(SecretState.EXPIRED);
  });

  it('a grace of 0 ends the old secret at the rotation itself', () => {
    const now = at('2026-11-20T04:00:00Z');
    const plan = planRotation([v1], now, 0);
    expect(plan.close).toEqual([{ version: 1, validUntil: now }]);
    expect(isValidAt({ ...v1, validUntil: now }, now)).toBe(false);
  });

  it('rotating again inside a grace ends the secret already in grace now: two valid at most', () => {
    const now = at('2026-11-20T10:00:00Z');
    const inGrace = { version: 1, validFrom: v1.validFrom, validUntil: at('2026-11-21T04:00:00Z') };
    const current = { version: 2, validFrom: at('2026-11-20T04:00:00Z'), validUntil: null };
    const plan = planRotation([inGrace, current], now, 48);
    expect(plan.issue.version).toBe(3);
    expect(plan.close).toEqual([
      { version: 1, validUntil: now },
      { version: 2, validUntil: at('2026-11-22T10:00:00Z') },
    ]);
    const after = [{ ...inGrace, validUntil: now }, { ...current, validUntil: plan.close[1].validUntil }, plan.issue];
    expect(after.filter((s) => isValidAt(s, now))).toHaveLength(2);
  });

  it('expired secrets are left alone; the first rotation of an app without secrets issues version 1', () => {
    const ended = { version: 1, validFrom: v1.validFrom, validUntil: at('2026-11-10T00:00:00Z') };
    expect(planRotation([ended], at('2026-11-20T00:00:00Z'), 24).close).toEqual([]);
    expect(planRotation([], at('2026-11-20T00:00:00Z'), 24).issue.version).toBe(1);
  });

  it.each([
    [0, true],
    [24, true],
    [168, true],
    [169, false],
    [-1, false],
    [1.5, false],
  ])('graceHours %p accepted: %p (0 to 168 whole hours)', (hours, accepted) => {
    expect(checkGraceHours(hours).length === 0).toBe(accepted);
    if (!accepted) expect(checkGraceHours(hours)[0]).toMatchObject({ field: 'graceHours', rule: 'OUT_OF_RANGE' });
  });

  it('a suspended app, or an app of a closed account, verifies nothing', () => {
    expect(secretsVerify(AppStatus.ONLINE, false)).toBe(true);
    expect(secretsVerify(AppStatus.DEVELOPING, false)).toBe(true);
    expect(secretsVerify(AppStatus.SUSPENDED, false)).toBe(false);
    expect(secretsVerify(AppStatus.ONLINE, true)).toBe(false);
  });
});
