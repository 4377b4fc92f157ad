import { violation, Violation } from '../common/violation';
import { MemberCapabilityRejection } from '../member-capability/member-capability.rule';
import { ReviewItemKind } from './assignment.rule';
import { RejectionReason, ReviewDecision } from './review.enums';

/**
 * One decision, whatever the workflow (issue 13): approve or reject, the rejection's reason codes
 * and a free-text explanation. Package applications take no codes (their reason is the
 * explanation); app and market rounds take `RejectionReason` codes, member-capability applications
 * `MemberCapabilityRejection` codes.
 */
export interface ReviewDecisionInput {
  readonly decision: ReviewDecision;
  readonly reasons?: readonly string[] | null;
  readonly explanation?: string | null;
}

/** What a kind's decision accepts. */
export interface DecisionPolicy {
  /** The codes a rejection may carry; empty: none (the explanation is the reason). */
  readonly codes: readonly string[];
  /** A rejection carries at least one code. */
  readonly codesRequired: boolean;
  /** A repeated code: refused by name (DUPLICATE), or counted once. */
  readonly repeatedCodes: 'REFUSED' | 'COUNTED_ONCE';
  /** A rejection's explanation is required always, or only when it carries one of these codes. */
  readonly explanationRequired: 'ALWAYS' | readonly string[];
  /** The longest explanation, in characters after trimming. */
  readonly explanationMax: number;
}

/** The rejection codes and explanation rules of each kind (DOMAIN §3 for apps, §2.4 packages, §4 member capabilities). */
export const DECISION_POLICIES: Readonly<Record<ReviewItemKind, DecisionPolicy>> = {
  [ReviewItemKind.REVIEW_ROUND]: { codes: Object.values(RejectionReason), codesRequired: true, repeatedCodes: 'REFUSED', explanationRequired: 'ALWAYS', explanationMax: 2000 },
  // NOTE: DOMAIN names no length for applications' reasons and notes; 1000 is our decision (docs/review.md).
  [ReviewItemKind.PACKAGE_APPLICATION]: { codes: [], codesRequired: false, repeatedCodes: 'REFUSED', explanationRequired: 'ALWAYS', explanationMax: 1000 },
  [ReviewItemKind.MEMBER_CAPABILITY_APPLICATION]: {
    codes: Object.values(MemberCapabilityRejection),
    codesRequired: true,
    repeatedCodes: 'COUNTED_ONCE',
    explanationRequired: [MemberCapabilityRejection.OTHER],
    explanationMax: 1000,
  },
};

/** The input's field names as the caller sent them (the legacy mutations name them `reason`, `rejectionCodes`, `note`). */
export interface DecisionFieldNames {
  readonly reasons: string;
  readonly explanation: string;
}

const FIELDS: DecisionFieldNames = { reasons: 'reasons', explanation: 'explanation' };

/**
 * A decision's input against its kind's policy: a rejection carries known codes (one or more where
 * required; repeats refused or counted once) and the explanation where required; an approval carries
 * no codes; the explanation is at most the kind's length. Every broken rule is named.
 */
export function checkReviewDecision(policy: DecisionPolicy, input: ReviewDecisionInput, fields: DecisionFieldNames = FIELDS): Violation[] {
  const out: Violation[] = [];
  const reasons = input.reasons ?? [];
  const explanation = (input.explanation ?? '').trim();
  if (input.decision === ReviewDecision.REJECT) {
    if (policy.codesRequired && reasons.length === 0) out.push(violation(fields.reasons, 'REQUIRED', 'a rejection needs at least one reason code'));
    const seen = new Set<string>();
    for (const r of reasons) {
      if (!policy.codes.includes(r)) out.push(violation(fields.reasons, 'UNKNOWN_REASON', policy.codes.length ? `unknown reason code "${r}"` : `this rejection takes no codes ("${r}"): give the reason in ${fields.explanation}`));
      else if (seen.has(r) && policy.repeatedCodes === 'REFUSED') out.push(violation(fields.reasons, 'DUPLICATE', `reason code "${r}" is listed twice`));
      seen.add(r);
    }
    if (explanation.length === 0 && policy.explanationRequired === 'ALWAYS') out.push(violation(fields.explanation, 'REQUIRED', 'a rejection needs a free-text explanation'));
  } else if (reasons.length > 0) {
    out.push(violation(fields.reasons, 'NOT_ALLOWED', 'an approval carries no rejection codes'));
  }
  // A code that must be explained is named whatever the decision (an approval carrying it is refused twice over).
  const explain = policy.explanationRequired === 'ALWAYS' ? [] : policy.explanationRequired.filter((c) => reasons.includes(c));
  if (explanation.length === 0 && explain.length > 0) out.push(violation(fields.explanation, `REQUIRED_FOR_${explain[0]}`, `explain a rejection with ${explain.join(', ')}`));
  if (explanation.length > policy.explanationMax) out.push(violation(fields.explanation, 'TOO_LONG', `${fields.explanation} must be at most ${policy.explanationMax} characters`));
  return out;
}

/** The codes a rejection keeps: each once, in the order given; none for an approval. */
export const keptReasons = (input: ReviewDecisionInput): string[] => (input.decision === ReviewDecision.REJECT ? [...new Set(input.reasons ?? [])] : []);

/** The explanation as kept: trimmed, null when blank. */
export const keptExplanation = (input: ReviewDecisionInput): string | null => (input.explanation ?? '').trim() || null;
