import { isPendingOverdue } from './review-queue.rule';

const at = (iso: string) => new Date(iso);

describe('the reviewer queue: overdue flagged from the due instant', () => {
  const now = at('2026-11-25T16:00:00Z');
  it('a round is overdue only while pending: at 16:00:00 UTC of its due date, not a millisecond before', () => {
    const due = at('2026-11-25T16:00:00Z');
    expect(isPendingOverdue(true, due, at('2026-11-25T15:59:59.999Z'))).toBe(false);
    expect(isPendingOverdue(true, due, now)).toBe(true);
    expect(isPendingOverdue(false, due, at('2026-12-01T00:00:00Z'))).toBe(false);
  });
});
