import { constant, grouped, groupedPlain, plain } from './money';
import { GraduatedProps } from './models/graduated.model';
import { HighestPackageProps } from './models/highest-package-per-day.model';
import { ChargeDef, PACKAGE_METER } from './price-list';
import type { RateBillInput, RatedBill, RatedLine } from './rate-bill';

/**
 * The fixed-point path of `rateBill`: the same lines, byte for byte, computed with BigInt integers
 * in scaled units instead of decimal.js objects (a billing run rates a million bills; decimal.js
 * allocations were the largest share of a worker's CPU). The decimal.js rater stays the reference:
 * this path answers only for inputs where its arithmetic is provably the reference's, and returns
 * null otherwise (the caller then rates with decimal.js):
 *
 * - quantities are safe integers (or integer strings); prices, coupon faces and discount percents
 *   have at most 6 decimals; blocks (100, 10,000, a graduated `per`) are 2^a × 5^b, so every
 *   quotient is a terminating decimal;
 * - every exact intermediate has fewer than 40 digits, so decimal.js (40 significant digits) never
 *   rounds one: it computes exactly what this path computes.
 *
 * A figure is an integer `n` standing for n / 10^k (k decimals). Never a JS floating-point number.
 */

/** Price figures are read at 10^-6 yuan. */
const PRICE_DIGITS = 6;
const PRICE_SCALE = 10n ** BigInt(PRICE_DIGITS);
/** decimal.js here keeps 40 significant digits: an exact value below 10^40 is never rounded by it. */
const EXACT_LIMIT = 10n ** 40n;
const PRICE_FORMAT = /^\d+(\.\d{1,6})?$/;
const INTEGER_FORMAT = /^\d+$/;

/** `n` / 10^digits as decimal.js's `toFixed()` prints it: no exponent, no trailing zeros, "0" for zero. */
export function formatScaled(n: bigint, digits: number): string {
  const negative = n < 0n;
  let s = (negative ? -n : n).toString();
  if (digits > 0) {
    if (s.length <= digits) s = '0'.repeat(digits - s.length + 1) + s;
    const int = s.slice(0, s.length - digits);
    let end = s.length;
    while (end > int.length && s.charCodeAt(end - 1) === 48) end--;
    s = end > int.length ? `${int}.${s.slice(int.length, end)}` : int;
  }
  return negative && n !== 0n ? `-${s}` : s;
}

/** `n` fen (0.01 yuan) with exactly two decimals, as decimal.js's `toFixed(2)` prints it. */
export function formatFen(n: bigint): string {
  const negative = n < 0n;
  let s = (negative ? -n : n).toString();
  if (s.length < 3) s = '0'.repeat(3 - s.length) + s;
  const out = `${s.slice(0, -2)}.${s.slice(-2)}`;
  return negative ? `-${out}` : out;
}

/** A decimal figure of at most 6 decimals, as an integer at 10^-6; null for anything else. */
function priceUnits(value: unknown): bigint | null {
  if (typeof value !== 'string' || !PRICE_FORMAT.test(value)) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return BigInt(value) * PRICE_SCALE;
  const frac = value.slice(dot + 1);
  return BigInt(value.slice(0, dot) + frac + '0'.repeat(PRICE_DIGITS - frac.length));
}

/** Rounds n / 10^shift half-up (away from zero) to an integer: the fen of a figure with 2 + shift decimals. */
function roundHalfUp(n: bigint, divisor: bigint): bigint {
  const half = divisor / 2n;
  return n < 0n ? -((-n + half) / divisor) : (n + half) / divisor;
}

/**
 * A block of `block` units priced as an exact decimal: block × multiplier = 10^exponent (block =
 * 2^a × 5^b, exponent = max(a, b)); null for another block (its quotients need not terminate).
 */
function blockScale(block: unknown): { multiplier: bigint; exponent: number } | null {
  if (typeof block !== 'number' || !Number.isSafeInteger(block) || block < 1) return null;
  let rest = block;
  let twos = 0;
  let fives = 0;
  for (; rest % 2 === 0; twos++) rest /= 2;
  for (; rest % 5 === 0; fives++) rest /= 5;
  if (rest !== 1) return null;
  const exponent = Math.max(twos, fives);
  return { multiplier: 10n ** BigInt(exponent) / BigInt(block), exponent };
}

interface CompiledBase {
  readonly charge: ChargeDef;
  /** The line's unit price, as the model shows it (made once per list). */
  readonly unitPrice: string;
}

/** Per-hundred and per-ten-thousand-per-day: quantity × price / block. */
interface CompiledBlock extends CompiledBase {
  readonly kind: 'BLOCK';
  readonly price: bigint;
  readonly multiplier: bigint;
  /** Decimals of quantity × price × multiplier. */
  readonly digits: number;
  readonly fenDivisor: bigint;
  /** `" calls × 0.02/100"`: the explanation after the grouped quantity. */
  readonly tail: string;
}

interface CompiledGraduated extends CompiledBase {
  readonly kind: 'GRADUATED';
  readonly tiers: readonly { readonly upTo: bigint | null; readonly price: bigint; readonly tail: string }[];
  readonly multiplier: bigint;
  readonly digits: number;
  readonly fenDivisor: bigint;
  readonly unit: string;
}

interface CompiledPackage extends CompiledBase {
  readonly kind: 'PACKAGE';
  readonly prices: Readonly<Record<string, string>>;
}

type Compiled = CompiledBlock | CompiledGraduated | CompiledPackage;

/** Per charge list: its compiled charges, or null when one of them is outside this path. */
const compiledLists = new WeakMap<readonly ChargeDef[], readonly Compiled[] | null>();

function compile(charges: readonly ChargeDef[]): readonly Compiled[] | null {
  if (compiledLists.has(charges)) return compiledLists.get(charges)!;
  let out: Compiled[] | null = [];
  for (const charge of charges) {
    const c = compileCharge(charge);
    if (!c) {
      out = null;
      break;
    }
    out.push(c);
  }
  compiledLists.set(charges, out);
  return out;
}

function compileBlock(charge: ChargeDef, price: unknown, block: number, suffix: string): CompiledBlock | null {
  const p = priceUnits(price);
  const scale = blockScale(block);
  if (p === null || scale === null) return null;
  const digits = PRICE_DIGITS + scale.exponent;
  // The strings `perBlock` shows.
  const unitPrice = `${plain(price as string)}/${grouped(block)}${suffix}`;
  return { kind: 'BLOCK', charge, unitPrice, price: p, multiplier: scale.multiplier, digits, fenDivisor: 10n ** BigInt(digits - 2), tail: ` ${charge.unit} × ${unitPrice}` };
}

function compileCharge(charge: ChargeDef): Compiled | null {
  const props = charge.props as Record<string, unknown>;
  switch (charge.model) {
    case 'PER_HUNDRED':
      return compileBlock(charge, props?.price, 100, '');
    case 'PER_TEN_THOUSAND_PER_DAY':
      return compileBlock(charge, props?.price, 10_000, ' per day');
    case 'GRADUATED': {
      const g = props as unknown as GraduatedProps;
      const scale = blockScale(g?.per);
      if (!scale || !Array.isArray(g.tiers)) return null;
      const tiers: { upTo: bigint | null; price: bigint; tail: string }[] = [];
      for (const t of g.tiers) {
        const price = priceUnits(t?.price);
        if (price === null || (t.upTo !== null && !Number.isSafeInteger(t.upTo))) return null;
        tiers.push({ upTo: t.upTo === null ? null : BigInt(t.upTo), price, tail: ` × ${plain(t.price)}/${grouped(g.per)}` });
      }
      const digits = PRICE_DIGITS + scale.exponent;
      const unitPrice = g.tiers.map((t) => (t.upTo === null ? `${plain(t.price)}/${grouped(g.per)} beyond` : `${plain(t.price)}/${grouped(g.per)} up to ${grouped(t.upTo)}`)).join('; ');
      return { kind: 'GRADUATED', charge, unitPrice, tiers, multiplier: scale.multiplier, digits, fenDivisor: 10n ** BigInt(digits - 2), unit: charge.unit };
    }
    case 'HIGHEST_PACKAGE_PER_DAY': {
      const prices = (props as unknown as HighestPackageProps)?.prices;
      if (typeof prices !== 'object' || prices === null) return null;
      for (const p of Object.values(prices)) if (priceUnits(p) === null) return null;
      const unitPrice = Object.entries(prices).map(([c, p]) => `${c} ${plain(p)}`).join(', ') + ' per day';
      return { kind: 'PACKAGE', charge, unitPrice, prices };
    }
    default:
      return null;
  }
}

/** A usage total as an integer; null when it is not a safe integer (the reference then rates). */
function quantityOf(raw: number | string | undefined): bigint | null {
  if (raw === undefined) return 0n;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? BigInt(raw) : null;
  return INTEGER_FORMAT.test(raw) ? BigInt(raw) : null;
}

/** A package's day price at 10^-6 and as shown; null for a code whose price is not a plain figure. */
function packagePrice(prices: Readonly<Record<string, string>>, code: string): bigint | null {
  const raw = prices[code];
  if (raw === undefined) return 0n;
  return priceUnits(raw);
}

/** One charge line (the reference's loop body), or 'SKIP' (no usage), or null (outside this path). */
function rateCharge(c: Compiled, input: RateBillInput): { line: RatedLine; fen: bigint } | 'SKIP' | null {
  if (c.kind === 'PACKAGE') return c.charge.meter === PACKAGE_METER ? ratePackage(c, input) : null;
  const q = quantityOf(input.usage.totals[c.charge.meter]);
  if (q === null) return null;
  if (q <= 0n) return 'SKIP';
  let precise: bigint;
  let explanation: string;
  if (c.kind === 'BLOCK') {
    precise = q * c.price * c.multiplier;
    if (precise >= EXACT_LIMIT) return null;
    explanation = `${groupedPlain(q.toString())}${c.tail}`;
  } else {
    precise = 0n;
    let from = 0n;
    let parts = '';
    for (const tier of c.tiers) {
      if (q <= from) break;
      const cap = tier.upTo === null || q < tier.upTo ? q : tier.upTo;
      const units = cap - from;
      const term = units * tier.price * c.multiplier;
      precise += term;
      if ((term < 0n ? -term : term) >= EXACT_LIMIT || (precise < 0n ? -precise : precise) >= EXACT_LIMIT) return null;
      parts += `${parts ? ' + ' : ''}${groupedPlain(units.toString())}${tier.tail}`;
      from = cap;
    }
    explanation = `${groupedPlain(q.toString())} ${c.unit}: ${parts || '0'}`;
  }
  return chargeLine(c, q, precise, c.digits, c.fenDivisor, explanation);
}

function ratePackage(c: CompiledPackage, input: RateBillInput): { line: RatedLine; fen: bigint } | 'SKIP' | null {
  let days = 0;
  let precise = 0n;
  const perPackage = new Map<string, { days: number; price: string }>();
  for (const held of input.usage.packagesByDay) {
    if (held.length === 0) continue;
    days++;
    let best = held[0];
    let bestPrice = packagePrice(c.prices, best);
    if (bestPrice === null) return null;
    for (let i = 1; i < held.length; i++) {
      const p = packagePrice(c.prices, held[i]);
      if (p === null) return null;
      if (p > bestPrice) {
        best = held[i];
        bestPrice = p;
      }
    }
    precise += bestPrice;
    const seen = perPackage.get(best) ?? { days: 0, price: formatScaled(bestPrice, PRICE_DIGITS) };
    seen.days += 1;
    perPackage.set(best, seen);
  }
  if (days === 0) return 'SKIP';
  if (precise >= EXACT_LIMIT) return null;
  const parts = [...perPackage.entries()].map(([code, s]) => `${s.days} day${s.days === 1 ? '' : 's'} × ${code} ${s.price}`);
  return chargeLine(c, BigInt(days), precise, PRICE_DIGITS, 10n ** BigInt(PRICE_DIGITS - 2), `highest package held each day: ${parts.join(' + ') || 'none'}`);
}

function chargeLine(c: Compiled, q: bigint, precise: bigint, digits: number, fenDivisor: bigint, explanation: string): { line: RatedLine; fen: bigint } {
  const fen = roundHalfUp(precise, fenDivisor);
  const preciseText = formatScaled(precise, digits);
  const fixed = formatFen(fen);
  return {
    fen,
    line: {
      kind: 'CHARGE',
      code: c.charge.code,
      label: c.charge.label,
      quantity: q.toString(),
      unitPrice: c.unitPrice,
      preciseAmount: preciseText,
      amount: fixed,
      explanation: `${explanation} = ${preciseText} → ${fixed}`,
    },
  };
}

/** 10^-6 yuan per fen. */
const UNITS_PER_FEN = PRICE_SCALE / 100n;

/**
 * `rateBill` in fixed point: the reference's lines and total, identical, or null when an input is
 * outside this path (see the file's comment). Spec'd against the reference on generated inputs.
 */
export function rateBillFixedPoint(input: RateBillInput): RatedBill | null {
  const compiled = compile(input.charges);
  if (!compiled) return null;
  const lines: RatedLine[] = [];
  let couponBase = 0n;
  let rounded = 0n;
  for (const c of compiled) {
    // The reference reads no usage for a package charge's quantity; it counts the days held.
    if (c.kind !== 'PACKAGE' && c.charge.meter === PACKAGE_METER) return null;
    const r = rateCharge(c, input);
    if (r === null) return null;
    if (r === 'SKIP') continue;
    if (c.charge.couponScope) couponBase += r.fen;
    rounded += r.fen;
    lines.push(r.line);
  }

  if (input.coupon && couponBase > 0n) {
    const face = priceUnits(input.coupon.amount);
    if (face === null) return null;
    const base = couponBase * UNITS_PER_FEN;
    const used = face < base ? face : base;
    const usedFen = roundHalfUp(used, UNITS_PER_FEN);
    rounded -= usedFen;
    const faceFen = formatFen(roundHalfUp(face, UNITS_PER_FEN));
    lines.push({
      kind: 'COUPON',
      code: input.coupon.code,
      label: `Coupon ${input.coupon.code}`,
      quantity: '1',
      unitPrice: faceFen,
      preciseAmount: formatScaled(-used, PRICE_DIGITS),
      amount: formatFen(-usedFen),
      explanation: `coupon ${faceFen} against basic + value-added API fees ${formatFen(couponBase)}: −${formatFen(usedFen)}${used < face ? ` (${formatFen(roundHalfUp(face - used, UNITS_PER_FEN))} unused, expires today)` : ''}`,
    });
  }

  const percentText = input.discountPercent ?? '0';
  const pct = priceUnits(percentText);
  if (pct === null) return null;
  if (pct > 0n && rounded > 0n) {
    const base = rounded;
    // base fen × pct (10^-6) / 100: 2 + 6 + 2 decimals.
    const precise = base * pct;
    if (precise >= EXACT_LIMIT) return null;
    const preciseFen = roundHalfUp(precise, 10n ** 8n);
    rounded -= preciseFen;
    const shown = plain(constant(percentText));
    const preciseText = formatScaled(precise, 10);
    lines.push({
      kind: 'DISCOUNT',
      code: 'QUALITY_APP_DISCOUNT',
      label: `Quality-app discount ${shown}%`,
      quantity: '1',
      unitPrice: `${shown}%`,
      preciseAmount: formatScaled(-precise, 10),
      amount: formatFen(-preciseFen),
      explanation: `${shown}% of ${groupedPlain(formatScaled(base, 2))} = ${preciseText} → −${formatFen(preciseFen)}`,
    });
  }
  return { lines, total: formatFen(rounded) };
}
