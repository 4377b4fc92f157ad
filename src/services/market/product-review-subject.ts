import { isNumericId } from '../../domain/common/ids';
import { EntityManager } from 'typeorm';
import { MarketProductEntity } from '../../db/entities';
import { ProductStatus } from '../../domain/market/market.enums';
import { PRODUCT_REJECTION_REASONS, PRODUCT_REVIEW_TRANSITIONS } from '../../domain/market/product-review.rule';
import { transition } from '../../domain/review/review-state.rule';
import { ReviewSubjectType } from '../../domain/review/review.enums';
import type { LockedSubject, ReviewSubjectHandler } from '../review/review-subject';

/** A product row as a review subject (no tag: `tagCode` null). */
export const lockedProduct = (p: MarketProductEntity): LockedSubject => ({ type: ReviewSubjectType.MARKET_PRODUCT, id: String(p.id), ownerId: p.providerId, tagCode: null, state: p.status });

/** Cloud-market listings (DOMAIN §7): approve → LISTED (first listing recorded), reject → REJECTED. */
export const marketProductReviewSubject: ReviewSubjectHandler = {
  allowedReasons: PRODUCT_REJECTION_REASONS,
  async lock(em: EntityManager, subjectId: string) {
    const p = isNumericId(subjectId) ? await em.findOne(MarketProductEntity, { where: { id: subjectId }, lock: { mode: 'pessimistic_write' } }) : null;
    return p && lockedProduct(p);
  },
  decide(subject, event) {
    return transition(PRODUCT_REVIEW_TRANSITIONS, subject.state as ProductStatus, event, 'a market product');
  },
  async apply(em, subject, to, at) {
    const p = await em.findOneByOrFail(MarketProductEntity, { id: subject.id });
    p.status = to as ProductStatus;
    if (p.status === ProductStatus.LISTED) p.listedAt ??= at;
    await em.save(p);
  },
};
