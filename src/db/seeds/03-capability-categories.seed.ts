import { EntityManager } from 'typeorm';
import { CapabilityCategoryEntity } from '../entities';

/**
 * Seed 03: the member-capability category table (DOMAIN §4). 003 names no list: **Decision**,
 * common Tmall industry categories as example data for operators to edit; luxury and jewellery
 * are custom-only (brand experience is built per merchant). Codes are the fixed ids; existing
 * rows are left as they are, so operator edits survive a re-seed.
 */
export const SEED_CAPABILITY_CATEGORIES: Omit<CapabilityCategoryEntity, 'updatedAt'>[] = [
  { code: 'APPAREL', name: 'Apparel and accessories', customOnly: false },
  { code: 'BEAUTY', name: 'Beauty and personal care', customOnly: false },
  { code: 'FOOD', name: 'Food and beverages', customOnly: false },
  { code: 'MOTHER_BABY', name: 'Mother and baby', customOnly: false },
  { code: 'HOME', name: 'Home and furniture', customOnly: false },
  { code: 'DIGITAL', name: 'Consumer electronics', customOnly: false },
  { code: 'LUXURY', name: 'Luxury', customOnly: true },
  { code: 'JEWELLERY', name: 'Jewellery', customOnly: true },
];

export async function seedCapabilityCategories(em: EntityManager): Promise<void> {
  for (const c of SEED_CAPABILITY_CATEGORIES) {
    if (!(await em.existsBy(CapabilityCategoryEntity, { code: c.code }))) await em.insert(CapabilityCategoryEntity, c);
  }
}
