import { transition } from '../review/review-state.rule';
import { ProductStatus } from './market.enums';
import { PRODUCT_REVIEW_TRANSITIONS, ProductReviewEvent } from './product-review.rule';

describe('a product listing on review rounds (DOMAIN §7: same machinery as apps)', () => {
  it.each<[ProductStatus, ProductReviewEvent, ProductStatus | null]>([
    [ProductStatus.DRAFT, 'SUBMIT', ProductStatus.IN_REVIEW],
    [ProductStatus.REJECTED, 'SUBMIT', ProductStatus.IN_REVIEW],
    [ProductStatus.IN_REVIEW, 'SUBMIT', null],
    [ProductStatus.LISTED, 'SUBMIT', null],
    [ProductStatus.IN_REVIEW, 'APPROVE', ProductStatus.LISTED],
    [ProductStatus.IN_REVIEW, 'REJECT', ProductStatus.REJECTED],
    [ProductStatus.DRAFT, 'APPROVE', null],
    [ProductStatus.LISTED, 'REJECT', null],
  ])('%s on %s → %s', (from, event, to) => {
    const step = transition(PRODUCT_REVIEW_TRANSITIONS, from, event, 'a product');
    expect(step.ok ? step.to : null).toBe(to);
  });
});
