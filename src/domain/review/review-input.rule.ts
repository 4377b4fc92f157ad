import { isHttpUrl } from '../app/app-input.rule';
import { violation, Violation } from '../common/violation';

/** Platform brand words an app may not carry (DOMAIN §3), matched case-insensitively anywhere. */
export const BRAND_WORDS: readonly string[] = ['taobao', 'alibaba', 'hitao', 'tmall'];

export const REVIEW_LIMITS = Object.freeze({ messageMax: 2000 });

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

/** A feedback message: non-blank, at most 2,000 characters. */
export function checkMessage(body: string): Violation[] {
  const text = body.trim();
  if (text.length === 0) return [violation('message', 'REQUIRED', 'message must not be blank')];
  if (text.length > REVIEW_LIMITS.messageMax) return [violation('message', 'TOO_LONG', `message must be at most ${REVIEW_LIMITS.messageMax} characters`)];
  return [];
}
