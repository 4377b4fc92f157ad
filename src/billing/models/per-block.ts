import { constant, Dec, grouped, plain } from '../money';
import { PricedAmount } from './pricing-model';

/** Shared arithmetic of "price per block of N units": quantity × price / N, never rounded here. */
export function perBlock(quantity: Dec, price: string, block: number, unit: string, suffix = ''): PricedAmount {
  const precise = quantity.mul(constant(price)).div(block);
  const unitPrice = `${plain(price)}/${grouped(block)}${suffix}`;
  return { precise, unitPrice, explanation: `${grouped(quantity)} ${unit} × ${unitPrice}` };
}

export function validatePrice(price: unknown, field = 'price'): string[] {
  if (typeof price !== 'string' || !/^\d{1,8}(\.\d{1,6})?$/.test(price)) return [`${field} must be a non-negative decimal string with at most 6 decimals`];
  return [];
}
