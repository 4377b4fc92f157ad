import { addDays, beijingDate, beijingEndOfDay, isIsoDate, isoWeekday } from './beijing-time';

describe('Beijing business dates (DOMAIN: every day is a calendar day in Asia/Shanghai)', () => {
  it('23:59 and 00:01 Beijing on the same UTC day fall on different Beijing dates', () => {
    // 2026-11-20 15:59 UTC = 23:59 Beijing on the 20th; 16:01 UTC = 00:01 Beijing on the 21st.
    expect(beijingDate(new Date('2026-11-20T15:59:00Z'))).toBe('2026-11-20');
    expect(beijingDate(new Date('2026-11-20T16:01:00Z'))).toBe('2026-11-21');
  });

  it('a day ends at 24:00 Beijing, which is 16:00 UTC', () => {
    expect(beijingEndOfDay('2026-11-25').toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('2026-11-20 is a Friday', () => {
    expect(isoWeekday('2026-11-20')).toBe(5);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});
