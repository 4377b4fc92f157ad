import { isPendingOverdue, mergeQueues } from './review-queue.rule';

const at = (iso: string) => new Date(iso);
// Due 24:00 Beijing of the 3rd working day = 16:00 UTC.
const item = (id: string, due: string, submitted = '2026-11-20T02:00:00Z') => ({ id, dueAt: at(due), submittedAt: at(submitted) });

describe('the reviewer queue: lists merged, earliest due first, overdue flagged from the due instant', () => {
  const now = at('2026-11-25T16:00:00Z');
  it('merges two lists by due time, ties by submission, and cuts at the limit', () => {
    const packages = [item('p1', '2026-11-25T16:00:00Z'), item('p2', '2026-11-27T16:00:00Z')];
    const capabilities = [item('c1', '2026-11-26T16:00:00Z'), item('c2', '2026-11-25T16:00:00Z', '2026-11-20T01:00:00Z')];
    expect(mergeQueues([packages, capabilities], now, 3).map((x) => `${x.id}:${x.overdue}`)).toEqual(['c2:true', 'p1:true', 'c1:false']);
  });
  it('a round is overdue only while pending: at 16:00:00 UTC of its due date, not a millisecond before', () => {
    const due = at('2026-11-25T16:00:00Z');
    expect(isPendingOverdue(true, due, at('2026-11-25T15:59:59.999Z'))).toBe(false);
    expect(isPendingOverdue(true, due, now)).toBe(true);
    expect(isPendingOverdue(false, due, at('2026-12-01T00:00:00Z'))).toBe(false);
  });
});
