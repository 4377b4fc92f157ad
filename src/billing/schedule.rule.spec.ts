import { defaultScheduleStart, dueAt, duePeriods, retryDelayMs, ScheduledJob } from './schedule.rule';

const settings = { graceMinutes: 120 };

describe('billing schedule: each period once, when due, oldest first', () => {
  it('a Taobao day is due at 02:00 Beijing the next day (18:00 UTC the same day)', () => {
    expect(dueAt(ScheduledJob.TAOBAO_BILLING, '2026-11-30', settings).toISOString()).toBe('2026-11-30T18:00:00.000Z');
  });

  it('a Douyin month is due on the 5th of the next month at 02:00 Beijing (DOMAIN §6); December on 5 January', () => {
    expect(dueAt(ScheduledJob.DOUYIN_BILLING, '2026-11', settings).toISOString()).toBe('2026-12-04T18:00:00.000Z');
    expect(dueAt(ScheduledJob.DOUYIN_BILLING, '2026-12', settings).toISOString()).toBe('2027-01-04T18:00:00.000Z');
  });

  it('arrears are collected an hour after that night’s billing (03:00 Beijing)', () => {
    expect(dueAt(ScheduledJob.ARREARS_COLLECTION, '2026-11-30', settings).toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('a server back at 10:00 Beijing on 2026-12-04 after three days down catches up 12-01, 12-02, 12-03 in order', () => {
    expect(duePeriods(ScheduledJob.TAOBAO_BILLING, '2026-12-01', new Date('2026-12-04T02:00:00Z'), settings)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('01:59 Beijing: yesterday is not due yet; 02:00: it is', () => {
    expect(duePeriods(ScheduledJob.TAOBAO_BILLING, '2026-11-30', new Date('2026-11-30T17:59:00Z'), settings)).toEqual([]);
    expect(duePeriods(ScheduledJob.TAOBAO_BILLING, '2026-11-30', new Date('2026-11-30T18:00:00Z'), settings)).toEqual(['2026-11-30']);
  });

  it('Douyin months from 2026-10 at 2026-12-05 10:00 Beijing: October and November', () => {
    expect(duePeriods(ScheduledJob.DOUYIN_BILLING, '2026-10', new Date('2026-12-05T02:00:00Z'), settings)).toEqual(['2026-10', '2026-11']);
  });

  it('a new deployment starts with yesterday (Taobao) and last month (Douyin)', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    expect(defaultScheduleStart(ScheduledJob.TAOBAO_BILLING, now)).toBe('2026-11-30');
    expect(defaultScheduleStart(ScheduledJob.DOUYIN_BILLING, now)).toBe('2026-11');
  });

  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [6, 120],
    [9, 120],
  ])('after %i failed attempts the next waits %i minutes', (attempts, minutes) => {
    expect(retryDelayMs(attempts)).toBe(minutes * 60_000);
  });
});
