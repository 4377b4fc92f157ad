/**
 * Business dates are calendar days in Asia/Shanghai (UTC+8, no daylight saving since 1991).
 * NOTE: a fixed +8h offset is exact for every date this product handles and avoids depending on
 * the host's time-zone database.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing date starts (00:00 Beijing). */
export function beijingStartOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** The instant a Beijing date ends (24:00 Beijing = 00:00 of the next day). */
export function beijingEndOfDay(date: string): Date {
  return new Date(beijingStartOfDay(date).getTime() + 24 * 60 * 60 * 1000);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}
