import { RefusalReason } from '../domain/common/refusal-reason';
import { invalidInput, invalidState, ok, Result } from '../domain/common/result';
import { violation, Violation } from '../domain/common/violation';
import { PaymentMode } from './billing.enums';
import { D, isMoneyFormat } from './money';

/** A caller-chosen idempotency key: 1–100 characters of letters, digits, . _ : - */
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9._:-]{1,100}$/;
/** NOTE: one recharge is capped at 1,000,000 yuan (a sandbox-era guard against typos). */
export const MAX_RECHARGE = new D(1_000_000);

/** An amount in yuan with at most two decimals, above zero (or, `allowNegative`, below it: never zero). */
export function checkAmount(field: string, value: string, allowNegative: boolean): Violation[] {
  const neg = allowNegative && value.startsWith('-');
  const body = neg ? value.slice(1) : value;
  if (!isMoneyFormat(body, 10)) return [violation(field, 'NOT_AN_AMOUNT', 'an amount in yuan with at most two decimals, e.g. "100.00"')];
  if (new D(body).lte(0)) return [violation(field, 'NOT_POSITIVE', allowNegative ? 'the amount must not be zero' : 'the amount must be above zero')];
  return [];
}

const keyViolations = (key: string): Violation[] => (IDEMPOTENCY_KEY_RE.test(key) ? [] : [violation('idempotencyKey', 'BAD_KEY', '1–100 characters of letters, digits, . _ : -')]);

/** A recharge's input: a positive amount up to 1,000,000.00 and a well-formed key. */
export function checkRecharge(amount: string, idempotencyKey: string): Violation[] {
  const v = [...checkAmount('amount', amount, false), ...keyViolations(idempotencyKey)];
  if (v.length === 0 && new D(amount).gt(MAX_RECHARGE)) v.push(violation('amount', 'TOO_LARGE', 'at most 1,000,000.00 per recharge'));
  return v;
}

/** An operator adjustment's input: a non-zero amount of either sign, a key, a reason of 1–300 characters. */
export function checkAdjustmentInput(amount: string, reason: string, idempotencyKey: string): Violation[] {
  const v = [...checkAmount('amount', amount, true), ...keyViolations(idempotencyKey)];
  if (!reason.trim() || reason.length > 300) v.push(violation('reason', 'REQUIRED', 'a reason of 1–300 characters'));
  return v;
}

/** What a keyed money movement does: post its entry, or nothing (the key was applied before). */
export type KeyedMovement = 'POST' | 'REPEAT';

/** A recharge: posted once per key; a repeat answers the account as it is. */
export const planRecharge = (alreadyApplied: boolean): Result<KeyedMovement> => ok(alreadyApplied ? 'REPEAT' : 'POST');

/**
 * An operator adjustment of `amount` on a `balance`: posted once per key; one that would take the
 * balance below zero is refused INSUFFICIENT_BALANCE (the ledger never overdraws).
 */
export function planAdjustment(balance: string, amount: string, alreadyApplied: boolean): Result<KeyedMovement> {
  if (alreadyApplied) return ok('REPEAT');
  if (new D(balance).plus(amount).lt(0)) return invalidState('INSUFFICIENT_BALANCE', 'adjustBalance', `the balance ${balance} cannot cover ${amount}`, RefusalReason.INSUFFICIENT_BALANCE, { balance, amount });
  return ok('POST');
}

/** The payment mode: PREPAID, or ALIPAY_AUTO_DEBIT with the signed agreement number (6–64 letters, digits, -). Answers the columns. */
export function planPaymentMode(mode: PaymentMode, agreementNo: string | null): Result<{ paymentMode: PaymentMode; alipayAgreementNo: string | null }> {
  if (mode === PaymentMode.ALIPAY_AUTO_DEBIT && !(agreementNo && /^[A-Za-z0-9-]{6,64}$/.test(agreementNo))) {
    return invalidInput([violation('agreementNo', 'REQUIRED', 'auto-debit needs the signed agreement number (6–64 letters, digits, -)')]);
  }
  return ok({ paymentMode: mode, alipayAgreementNo: mode === PaymentMode.ALIPAY_AUTO_DEBIT ? agreementNo : null });
}

/** An operator's terms input: a deposit, when given, in yuan ≥ 0 with at most two decimals. */
export const checkTermsInput = (input: { deposit?: string | null }): Violation[] =>
  input.deposit != null && !isMoneyFormat(input.deposit, 12) ? [violation('deposit', 'NOT_AN_AMOUNT', 'an amount in yuan ≥ 0 with at most two decimals')] : [];

/** An operator's terms: the deposit and the new-ISV flag; absent ones kept. Answers the terms after. */
export function planTerms(current: { deposit: string; newIsv: boolean }, input: { deposit?: string | null; newIsv?: boolean | null }): Result<{ deposit: string; newIsv: boolean }> {
  const v = checkTermsInput(input);
  if (v.length > 0) return invalidInput(v);
  return ok({ deposit: input.deposit != null ? new D(input.deposit).toFixed(2) : current.deposit, newIsv: input.newIsv ?? current.newIsv });
}
