import { RefusalReason } from '../domain/common/refusal-reason';
import { PaymentMode } from './billing.enums';
import { checkAdjustmentInput, checkRecharge, planAdjustment, planPaymentMode, planRecharge, planTerms } from './account.rule';

describe('account movements: the pure rules recharge, adjustBalance, setPaymentMode and setBillingTerms call', () => {
  it('a recharge is above zero and at most 1,000,000.00; posted once per key', () => {
    expect(checkRecharge('1000000.00', 'k1')).toEqual([]);
    expect(checkRecharge('1000000.01', 'k1')).toEqual([expect.objectContaining({ field: 'amount', rule: 'TOO_LARGE' })]);
    expect(checkRecharge('0', 'k1')).toEqual([expect.objectContaining({ field: 'amount', rule: 'NOT_POSITIVE' })]);
    expect(planRecharge(false)).toEqual({ ok: true, value: 'POST' });
    expect(planRecharge(true)).toEqual({ ok: true, value: 'REPEAT' });
  });

  it('an adjustment of -50.00 on a balance of 0.00 is refused INSUFFICIENT_BALANCE (the ledger never overdraws); -50.00 on 50.00 posts', () => {
    expect(planAdjustment('0.00', '-50.00', false)).toMatchObject({ ok: false, refusal: { reason: RefusalReason.INSUFFICIENT_BALANCE, figures: [{ name: 'balance', value: '0.00' }, { name: 'amount', value: '-50.00' }] } });
    expect(planAdjustment('50.00', '-50.00', false)).toEqual({ ok: true, value: 'POST' });
    expect(planAdjustment('0.00', '-50.00', true)).toEqual({ ok: true, value: 'REPEAT' });
    expect(checkAdjustmentInput('5.00', ' ', 'k')).toEqual([expect.objectContaining({ field: 'reason', rule: 'REQUIRED' })]);
  });

  it('auto-debit needs the signed agreement; PREPAID clears it', () => {
    expect(planPaymentMode(PaymentMode.ALIPAY_AUTO_DEBIT, null)).toMatchObject({ ok: false, refusal: { violations: [{ field: 'agreementNo', rule: 'REQUIRED' }] } });
    expect(planPaymentMode(PaymentMode.ALIPAY_AUTO_DEBIT, 'AGR-123456')).toEqual({ ok: true, value: { paymentMode: PaymentMode.ALIPAY_AUTO_DEBIT, alipayAgreementNo: 'AGR-123456' } });
    expect(planPaymentMode(PaymentMode.PREPAID, 'AGR-123456')).toEqual({ ok: true, value: { paymentMode: PaymentMode.PREPAID, alipayAgreementNo: null } });
  });

  it('terms: a deposit of 1000 is written 1000.00; an absent field is kept', () => {
    expect(planTerms({ deposit: '0.00', newIsv: false }, { deposit: '1000', newIsv: null })).toEqual({ ok: true, value: { deposit: '1000.00', newIsv: false } });
    expect(planTerms({ deposit: '0.00', newIsv: false }, { deposit: '-1' })).toMatchObject({ ok: false });
  });
});
