import { RejectionReason } from '../review/review.enums';
import { ProductStatus } from './market.enums';

export type ProductReviewEvent = 'SUBMIT' | 'APPROVE' | 'REJECT';

/**
 * A product listing's review transitions, on the shared review rounds: DRAFT or REJECTED →
 * IN_REVIEW on submission; IN_REVIEW → LISTED on approval, → REJECTED on rejection.
 */
export const PRODUCT_REVIEW_TRANSITIONS: Readonly<Record<ProductReviewEvent, Partial<Record<ProductStatus, ProductStatus>>>> = {
  SUBMIT: { [ProductStatus.DRAFT]: ProductStatus.IN_REVIEW, [ProductStatus.REJECTED]: ProductStatus.IN_REVIEW },
  APPROVE: { [ProductStatus.IN_REVIEW]: ProductStatus.LISTED },
  REJECT: { [ProductStatus.IN_REVIEW]: ProductStatus.REJECTED },
};

/**
 * Reason codes a listing may be rejected with. NOTE: the seven unsupported-app kinds of DOMAIN §3
 * describe Taobao apps, not SaaS listings; a listing takes the general codes only.
 */
export const PRODUCT_REJECTION_REASONS: ReadonlySet<RejectionReason> = new Set([RejectionReason.PROHIBITED_CONTENT, RejectionReason.INCOMPLETE_MATERIAL, RejectionReason.OTHER]);
