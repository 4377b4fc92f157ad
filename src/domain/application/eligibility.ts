/** One eligibility rule as checked: what was measured, against which threshold. */
export interface RuleCheck {
  /** SCREAMING_SNAKE rule code. */
  readonly rule: string;
  readonly passed: boolean;
  /** The measured figure, formatted for people (e.g. "97.99%", "9999", "ONLINE"). */
  readonly measured: string;
  /** The threshold the figure is compared to (e.g. "≥ 98.00%"). */
  readonly threshold: string;
  readonly message: string;
}

export const check = (rule: string, passed: boolean, measured: string, threshold: string, message: string): RuleCheck => ({ rule, passed, measured, threshold, message });
export const failed = (checks: readonly RuleCheck[]): RuleCheck[] => checks.filter((c) => !c.passed);
