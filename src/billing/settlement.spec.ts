import { BillingPlatform, LedgerKind } from './billing.enums';
import { overdueForDeposit, settleOldestFirst, UnpaidBill } from './settlement';

const douyin = (id: string, total: string, issuedOn: string, period = '2026-09'): UnpaidBill => ({ id, total, platform: BillingPlatform.DOUYIN, period, issuedOn });
const entries = (s: { entries: readonly { kind: LedgerKind; amount: string; entryKey: string }[] }) => s.entries.map((e) => `${e.kind} ${e.amount} ${e.entryKey}`);

describe('settleOldestFirst (DOMAIN §5: a recharge settles unpaid bills oldest first)', () => {
  it('pays oldest first and stops at the first bill the balance cannot cover: 50.00 pays 30.00, not 40.00, and never the later 5.00', async () => {
    const s = await settleOldestFirst('50.00', [
      { id: '1', total: '30.00' },
      { id: '2', total: '40.00' },
      { id: '3', total: '5.00' },
    ]);
    expect(s.paid.map((b) => b.id)).toEqual(['1']);
    expect(s.stillUnpaid.map((b) => b.id)).toEqual(['2', '3']);
    expect(s.balanceAfter).toBe('20.00');
  });

  it('charges the total plus the coupons and credits the coupons: a bill of 0.00 after a 50.00 coupon on 20.00 of usage', async () => {
    const s = await settleOldestFirst('0.00', [{ id: '7', total: '0.00', couponTotal: '20.00', platform: BillingPlatform.TAOBAO, period: '2026-11-19' }]);
    expect(entries(s)).toEqual(['CHARGE -20.00 CHARGE:bill:7', 'COUPON 20.00 COUPON:bill:7']);
    expect(s.balanceAfter).toBe('0.00');
  });

  it('under auto-debit, collects the shortfall (the total less a positive balance) before charging: 12.50 on a bill of 100.00 debits 87.50', async () => {
    const asked: string[] = [];
    const s = await settleOldestFirst('12.50', [{ id: '4', total: '100.00', platform: BillingPlatform.TAOBAO, period: '2026-11-19' }], {
      autoDebit: async (bill, amount) => {
        asked.push(`${bill.id}:${amount}`);
        return 'T-1';
      },
    });
    expect(asked).toEqual(['4:87.50']);
    expect(entries(s)).toEqual(['RECHARGE 87.50 AUTODEBIT:bill:4', 'CHARGE -100.00 CHARGE:bill:4']);
    expect(s.balanceAfter).toBe('0.00');
  });

  it('a negative balance is not part of the shortfall: -10.00 on a bill of 5.00 debits 5.00 and stays at -10.00', async () => {
    const s = await settleOldestFirst('-10.00', [{ id: '5', total: '5.00' }], { autoDebit: async () => 'T-2' });
    expect(entries(s)).toEqual(['RECHARGE 5.00 AUTODEBIT:bill:5', 'CHARGE -5.00 CHARGE:bill:5']);
    expect(s.balanceAfter).toBe('-10.00');
  });

  it('DOMAIN §6: a Douyin bill of 100.00 issued 2026-10-05 comes from a 500.00 deposit from 2026-11-05, not the day before', async () => {
    const bills = [douyin('8', '100.00', '2026-10-05')];
    const before = await settleOldestFirst('0.00', bills, { today: '2026-11-04', deposit: '500.00' });
    expect(before.paid).toEqual([]);
    const after = await settleOldestFirst('0.00', bills, { today: '2026-11-05', deposit: '500.00' });
    expect(entries(after)).toEqual(['DEPOSIT_DEDUCTION 100.00 DEPOSIT:bill:8', 'CHARGE -100.00 CHARGE:bill:8']);
    expect(after.depositAfter).toBe('400.00');
    expect(after.balanceAfter).toBe('0.00');
  });

  it('a failed auto-debit falls back to the deposit; a deposit smaller than the shortfall covers nothing', async () => {
    const declined = async () => null;
    const s = await settleOldestFirst('0.00', [douyin('9', '60.00', '2026-10-05'), douyin('10', '50.00', '2026-10-05')], { today: '2026-11-20', deposit: '100.00', autoDebit: declined });
    expect(s.paid.map((b) => b.id)).toEqual(['9']);
    expect(s.stillUnpaid.map((b) => b.id)).toEqual(['10']);
    expect(s.depositAfter).toBe('40.00');
  });

  it('a Taobao bill is never taken from the deposit', async () => {
    const s = await settleOldestFirst('0.00', [{ id: '11', total: '1.00', platform: BillingPlatform.TAOBAO, period: '2026-10-01', issuedOn: '2026-10-02' }], { today: '2026-12-01', deposit: '500.00' });
    expect(s.stillUnpaid.map((b) => b.id)).toEqual(['11']);
  });
});

describe('overdueForDeposit: a Douyin bill is overdue for the deposit from the same day of the next month', () => {
  it.each([
    ['2026-11-05', '2026-12-04', false],
    ['2026-11-05', '2026-12-05', true],
    ['2026-01-31', '2026-02-28', true],
  ])('Douyin bill issued %s is overdue for deposit deduction on %s: %s', (issued, today, overdue) => {
    expect(overdueForDeposit(issued, today)).toBe(overdue);
  });
});
