import { readFileSync } from 'node:fs';
import { EntityManager } from 'typeorm';
import { CalendarDayKind, isWeekend } from '../../domain/calendar/working-days.rule';
import { CalendarDayEntity } from '../entities';

/**
 * Seed 02: the working-day calendar (DOMAIN §3) from the `chinese-days` package's per-year data
 * (`dist/years/<year>.json`: `holidays` and make-up `workdays`, each "English,中文,n"). Only the
 * days that differ from the plain week become rows: a holiday on Monday–Friday is OFF, a make-up
 * working day on Saturday/Sunday is WORKDAY (a holiday on a weekend is off anyway).
 * Reproducible: a fixed list of years and the package version pinned in package-lock.json.
 * Idempotent: existing rows are left alone, so operator edits survive a re-seed.
 */

/**
 * Years seeded. The package holds official data for 2004–2026 and answers later years as plain
 * weeks without saying so; a year is added here (or by an operator, setCalendarDay) once its
 * State Council notice is out and the package data has been checked against it (docs/review.md).
 */
export const CALENDAR_SEED_YEARS: readonly number[] = Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i);

export type CalendarSeedRow = Pick<CalendarDayEntity, 'date' | 'kind' | 'note' | 'updatedBy'>;

interface YearFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const packageVersion = (): string => (JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string }).version;

/** "Spring Festival,春节,4" → "Spring Festival (春节)". */
const holidayName = (raw: string): string => {
  const [en, zh] = raw.split(',');
  return zh ? `${en} (${zh})` : en;
};

/** The rows for one year of the package's data: only the days that differ from the plain week. */
export function calendarRowsFor(year: number): CalendarSeedRow[] {
  const file = JSON.parse(readFileSync(require.resolve(`chinese-days/dist/years/${year}.json`), 'utf8')) as YearFile;
  const updatedBy = `seed:chinese-days@${packageVersion()}`;
  const off = Object.entries(file.holidays)
    .filter(([date]) => date.startsWith(`${year}-`) && !isWeekend(date))
    .map(([date, raw]) => ({ date, kind: CalendarDayKind.OFF, note: holidayName(raw), updatedBy }));
  const work = Object.entries(file.workdays)
    .filter(([date]) => date.startsWith(`${year}-`) && isWeekend(date))
    .map(([date, raw]) => ({ date, kind: CalendarDayKind.WORKDAY, note: `Make-up working day: ${holidayName(raw)}`, updatedBy }));
  return [...off, ...work].sort((a, b) => a.date.localeCompare(b.date));
}

export async function seedCalendar(em: EntityManager): Promise<void> {
  const rows = CALENDAR_SEED_YEARS.flatMap(calendarRowsFor);
  for (let i = 0; i < rows.length; i += 500) {
    await em.createQueryBuilder().insert().into(CalendarDayEntity).values(rows.slice(i, i + 500)).orIgnore().execute();
  }
}
