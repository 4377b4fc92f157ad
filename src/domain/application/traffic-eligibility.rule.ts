import { AppStatus } from '../app/app.enums';
import { TrafficMode } from '../catalog/catalog.enums';
import { addDays } from '../common/beijing-time';
import { check, RuleCheck } from './eligibility';

/** DOMAIN §2.3: the window is the last 7 complete Beijing days (today excluded). */
export const WINDOW_DAYS = 7;
/** Success rate threshold, percent. */
export const MIN_SUCCESS_RATE_PERCENT = 98;
/** Effective use threshold: average daily successful calls ≥ this share (percent) of the current quota. */
export const MIN_EFFECTIVE_USE_PERCENT = 50;

/** The last 7 complete Beijing days before `today`: [from, to] inclusive. */
export function eligibilityWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -WINDOW_DAYS), to: addDays(today, -1) };
}

export interface TrafficEligibilityInput {
  status: AppStatus;
  trafficMode: TrafficMode;
  /** The tag's note for CONTRACT / UV_BASED modes: the offline channel. */
  trafficNote: string | null;
  /** Pending traffic applications of the app (other than the one being decided). */
  pendingApplications: number;
  /** The app's current daily quota (last package granted, else the tag default). */
  currentQuota: number | null;
  /** The tag's ladder: daily quotas of its traffic packages. */
  ladder: readonly number[];
  /** The rung asked for; null when only asking what the next rung would be. */
  requestedQuota: number | null;
  /** Calls summed over the window: all and successful. */
  totalCalls: number;
  successfulCalls: number;
}

export interface TrafficEligibility {
  eligible: boolean;
  /** The next rung above the current quota, if any. */
  nextRung: number | null;
  checks: RuleCheck[];
}

/** Percent with 2 decimals, truncated (97.999% reads 97.99%, never a rounded-up 98.00%). */
const percent = (num: number, den: number): string => {
  const hundredths = Math.floor((num * 10_000) / den);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
};
/** num / den with 2 decimals, truncated. */
const ratio = (num: number, den: number): string => {
  const hundredths = Math.floor((num * 100) / den);
  return hundredths % 100 === 0 ? String(hundredths / 100) : `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

/**
 * Traffic package eligibility (DOMAIN §2.3), every rule checked and reported:
 * 1. ONLINE, tag mode LADDER, no other pending traffic application;
 * 2. success rate ≥ 98% over the last 7 complete days, call-weighted (Σ successful ÷ Σ calls); no calls ⇒ not eligible;
 * 3. average daily successful calls over those 7 days ≥ 50% of the current quota;
 * 4. only the next rung of the ladder.
 * NOTE: comparisons are on integers (successful × 100 ≥ calls × 98), never on rounded percentages.
 */
export function trafficEligibility(input: TrafficEligibilityInput): TrafficEligibility {
  const checks: RuleCheck[] = [];
  const nextRung = input.currentQuota === null ? null : ([...input.ladder].sort((a, b) => a - b).find((q) => q > input.currentQuota!) ?? null);

  checks.push(check('APP_ONLINE', input.status === 'ONLINE', input.status, 'ONLINE', 'only ONLINE apps apply for traffic packages'));
  const ladder = input.trafficMode === TrafficMode.LADDER;
  checks.push(
    check(
      'LADDER_MODE',
      ladder,
      input.trafficMode,
      'LADDER',
      ladder ? "the tag's traffic packages are applied for online" : `no online application for this tag: ${input.trafficNote ?? (input.trafficMode === TrafficMode.CONTRACT ? 'negotiate an offline contract' : 'the quota follows UV-based rules set by operators')}`,
    ),
  );
  checks.push(check('NO_PENDING_APPLICATION', input.pendingApplications === 0, String(input.pendingApplications), '0', 'one pending traffic application at a time'));

  const { totalCalls: total, successfulCalls: ok } = input;
  checks.push(
    total === 0
      ? check('SUCCESS_RATE', false, 'no calls', `≥ ${MIN_SUCCESS_RATE_PERCENT}.00%`, `no calls in the last ${WINDOW_DAYS} complete days`)
      : check('SUCCESS_RATE', ok * 100 >= total * MIN_SUCCESS_RATE_PERCENT, percent(ok, total), `≥ ${MIN_SUCCESS_RATE_PERCENT}.00%`, `${ok} successful of ${total} calls over the last ${WINDOW_DAYS} complete days`),
  );
  if (input.currentQuota === null) {
    checks.push(check('EFFECTIVE_USE', false, ratio(ok, WINDOW_DAYS), 'a fixed quota', 'the app has no fixed daily quota'));
  } else {
    const thresholdAvg = (input.currentQuota * MIN_EFFECTIVE_USE_PERCENT) / 100;
    checks.push(
      check(
        'EFFECTIVE_USE',
        ok * 100 >= input.currentQuota * MIN_EFFECTIVE_USE_PERCENT * WINDOW_DAYS,
        ratio(ok, WINDOW_DAYS),
        `≥ ${thresholdAvg}`,
        `average daily successful calls over the last ${WINDOW_DAYS} complete days, against ${MIN_EFFECTIVE_USE_PERCENT}% of the quota ${input.currentQuota}`,
      ),
    );
  }
  if (input.requestedQuota === null) {
    checks.push(check('NEXT_RUNG', nextRung !== null, nextRung === null ? 'none' : String(nextRung), 'a higher rung on the ladder', nextRung === null ? 'no higher rung on the ladder' : `the next rung is ${nextRung}`));
  } else {
    checks.push(
      check(
        'NEXT_RUNG',
        nextRung !== null && input.requestedQuota === nextRung,
        String(input.requestedQuota),
        nextRung === null ? 'none available' : String(nextRung),
        nextRung === null ? 'no higher rung on the ladder' : `step by step: from ${input.currentQuota} only ${nextRung} may be applied for`,
      ),
    );
  }
  return { eligible: checks.every((c) => c.passed), nextRung, checks };
}
