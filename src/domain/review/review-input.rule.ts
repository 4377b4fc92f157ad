import { isHttpUrl } from '../app/app-input.rule';
import { violation, Violation } from '../common/violation';
import { RejectionReason, ReviewDecision } from './review.enums';
import { isEnumValue } from '../common/enum-values';

/** Platform brand words an app may not carry (DOMAIN §3), matched case-insensitively anywhere. */
export const BRAND_WORDS: readonly string[] = ['taobao', 'alibaba', 'hitao', 'tmall'];

export const REVIEW_LIMITS = Object.freeze({ explanationMax: 2000, messageMax: 2000 });

export interface SubmissionFields {
  name: string;
  description: string;
  logoUrl: string | null;
  callbackUrl: string | null;
}

/**
 * Submission checks (DOMAIN §3): no brand word in name, description, logo URL or callback URL;
 * the callback URL, when given, is http(s). Every failure is a violation naming its field.
 * NOTE: a missing callback URL is not refused (DOMAIN names only the scheme); some apps have none.
 */
export function checkSubmission(app: SubmissionFields): Violation[] {
  const out: Violation[] = [];
  const fields: [keyof SubmissionFields, string | null][] = [
    ['name', app.name],
    ['description', app.description],
    ['logoUrl', app.logoUrl],
    ['callbackUrl', app.callbackUrl],
  ];
  for (const [field, value] of fields) {
    const lower = (value ?? '').toLowerCase();
    const found = BRAND_WORDS.filter((w) => lower.includes(w));
    if (found.length > 0) out.push(violation(field, 'BRAND_WORD', `${field} contains the platform brand word "${found.join('", "')}"`));
  }
  if (app.callbackUrl && !isHttpUrl(app.callbackUrl)) out.push(violation('callbackUrl', 'NOT_HTTP_URL', 'callbackUrl must be an http:// or https:// URL'));
  return out;
}

export interface DecisionInput {
  decision: ReviewDecision;
  reasons?: readonly string[] | null;
  explanation?: string | null;
}

/**
 * A decision's input: a rejection carries one or more known reason codes (no repeats) and a
 * non-blank explanation (DOMAIN §3); an approval carries no reasons.
 */
export function checkDecision(input: DecisionInput): Violation[] {
  const out: Violation[] = [];
  const reasons = input.reasons ?? [];
  const explanation = (input.explanation ?? '').trim();
  if (input.decision === ReviewDecision.REJECT) {
    if (reasons.length === 0) out.push(violation('reasons', 'REQUIRED', 'a rejection needs at least one reason code'));
    const seen = new Set<string>();
    for (const r of reasons) {
      if (!isEnumValue(RejectionReason, r)) out.push(violation('reasons', 'UNKNOWN_REASON', `unknown reason code "${r}"`));
      else if (seen.has(r)) out.push(violation('reasons', 'DUPLICATE', `reason code "${r}" is listed twice`));
      seen.add(r);
    }
    if (explanation.length === 0) out.push(violation('explanation', 'REQUIRED', 'a rejection needs a free-text explanation'));
  } else if (reasons.length > 0) {
    out.push(violation('reasons', 'NOT_ALLOWED', 'an approval carries no rejection reasons'));
  }
  if (explanation.length > REVIEW_LIMITS.explanationMax) out.push(violation('explanation', 'TOO_LONG', `explanation must be at most ${REVIEW_LIMITS.explanationMax} characters`));
  return out;
}

/** A feedback message: non-blank, at most 2,000 characters. */
export function checkMessage(body: string): Violation[] {
  const text = body.trim();
  if (text.length === 0) return [violation('message', 'REQUIRED', 'message must not be blank')];
  if (text.length > REVIEW_LIMITS.messageMax) return [violation('message', 'TOO_LONG', `message must be at most ${REVIEW_LIMITS.messageMax} characters`)];
  return [];
}
