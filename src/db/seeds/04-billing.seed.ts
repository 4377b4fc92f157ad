import { EntityManager } from 'typeorm';
import { DEFAULT_COUPON_POLICIES, DEFAULT_PRICE_LISTS } from '../../billing/default-price-lists';
import { CouponPolicyEntity, PriceListEntity } from '../entities';

/**
 * Seed 02: the price lists (Taobao before and from 2018-08-01; Douyin example prices) and the
 * Taobao coupon policies of DOMAIN §5/§6. Fixed ids; rows that exist are left as they are, so
 * operator edits survive a re-seed.
 */
export async function seedBilling(em: EntityManager): Promise<void> {
  for (const list of DEFAULT_PRICE_LISTS) {
    if (!(await em.existsBy(PriceListEntity, { id: list.id }))) await em.insert(PriceListEntity, { ...list, charges: [...list.charges] as never });
  }
  for (const c of DEFAULT_COUPON_POLICIES) {
    if (!(await em.existsBy(CouponPolicyEntity, { code: c.code }))) await em.insert(CouponPolicyEntity, { ...c });
  }
}
