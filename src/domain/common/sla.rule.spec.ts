import { isOverdue } from './sla.rule';

describe('isOverdue: due at 24:00 Beijing of the 3rd working day (Fri 2026-11-20 → end of Wed 2026-11-25 = 2026-11-25T16:00Z)', () => {
  const dueAt = new Date('2026-11-25T16:00:00Z');
  it.each([
    ['an hour before', '2026-11-25T15:00:00Z', false],
    ['a millisecond before', '2026-11-25T15:59:59.999Z', false],
    ['at the due instant', '2026-11-25T16:00:00Z', true],
    ['the next day', '2026-11-26T02:00:00Z', true],
  ])('%s (%s) → %s', (_what, now, want) => {
    expect(isOverdue(dueAt, new Date(now))).toBe(want);
  });
});
