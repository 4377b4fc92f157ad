import { RefusalReason } from '../common/refusal-reason';
import { checkClosable, checkNotClosed, ClosureFacts } from './account-closure.rule';

/** A developer free to close: nothing owed, nothing unbilled, no buyers, no balance. */
const facts = (patch: Partial<ClosureFacts> = {}): ClosureFacts => ({
  unpaid: { count: 0, total: '0.00' },
  unbilled: [],
  activeSubscriptions: 0,
  balance: '0.00',
  forfeitBalance: false,
  ...patch,
});

const reasons = (f: ClosureFacts) => {
  const r = checkClosable(f);
  return r.ok ? [] : r.refusal.kind === 'INVALID_STATE' ? r.refusal.failedChecks.map((c) => c.reason) : [r.refusal.kind];
};

describe('closing an account (DOMAIN §6: arrears block account deletion until paid; a balance is never withdrawn)', () => {
  it.each<[string, Partial<ClosureFacts>, RefusalReason[]]>([
    ['nothing owed, nothing unbilled, no buyers, no balance', {}, []],
    ['2 unpaid bills of 30.50 yuan', { unpaid: { count: 2, total: '30.50' } }, [RefusalReason.IN_ARREARS]],
    ['Taobao usage of 2026-11-19 not billed yet', { unbilled: [{ platform: 'TAOBAO', firstDay: '2026-11-19', lastDay: '2026-11-19' }] }, [RefusalReason.UNBILLED_USAGE]],
    ['buyers hold 3 active subscriptions', { activeSubscriptions: 3 }, [RefusalReason.ACTIVE_SUBSCRIPTIONS]],
    ['a balance of 0.01 yuan, not forfeited', { balance: '0.01' }, [RefusalReason.BALANCE_REMAINING]],
    ['a balance of 0.01 yuan, forfeited', { balance: '0.01', forfeitBalance: true }, []],
    [
      'everything at once: every failed check is named, in order',
      { unpaid: { count: 1, total: '12.00' }, unbilled: [{ platform: 'DOUYIN', firstDay: '2026-11-01', lastDay: '2026-11-30' }], activeSubscriptions: 1, balance: '5.00' },
      [RefusalReason.IN_ARREARS, RefusalReason.UNBILLED_USAGE, RefusalReason.ACTIVE_SUBSCRIPTIONS, RefusalReason.BALANCE_REMAINING],
    ],
  ])('%s', (_what, patch, expected) => {
    expect(reasons(facts(patch))).toEqual(expected);
  });

  it('carries the figures: the unpaid count and total, the unbilled days by platform, the balance', () => {
    const r = checkClosable(facts({ unpaid: { count: 2, total: '30.50' }, unbilled: [{ platform: 'TAOBAO', firstDay: '2026-11-18', lastDay: '2026-11-19' }], balance: '7.25' }));
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        kind: 'INVALID_STATE',
        currentState: 'IN_ARREARS',
        action: 'closeDeveloperAccount',
        reason: RefusalReason.IN_ARREARS,
        figures: [
          { name: 'unpaidBills', value: '2' },
          { name: 'unpaidTotal', value: '30.50' },
        ],
        failedChecks: [
          { reason: RefusalReason.IN_ARREARS },
          { reason: RefusalReason.UNBILLED_USAGE, figures: [{ name: 'TAOBAO.firstDay', value: '2026-11-18' }, { name: 'TAOBAO.lastDay', value: '2026-11-19' }] },
          { reason: RefusalReason.BALANCE_REMAINING, figures: [{ name: 'balance', value: '7.25' }] },
        ],
      },
    });
  });

  it('a closed account is refused ACCOUNT_CLOSED with the time it was closed; an open one passes', () => {
    expect(checkNotClosed(null)).toEqual({ ok: true, value: true });
    expect(checkNotClosed(new Date('2026-11-20T02:00:00Z'))).toMatchObject({
      ok: false,
      refusal: { currentState: 'CLOSED', reason: RefusalReason.ACCOUNT_CLOSED, figures: [{ name: 'closedAt', value: '2026-11-20T02:00:00.000Z' }] },
    });
  });
});
