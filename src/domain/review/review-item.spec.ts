import { ReviewItemKind } from './assignment.rule';
import { compareQueuePosition, decodeQueuePosition, encodeQueuePosition, isItemOverdue, QueuePosition, reviewItemGlobalId } from './review-item';

const at = (iso: string) => new Date(iso);
const { REVIEW_ROUND, PACKAGE_APPLICATION, MEMBER_CAPABILITY_APPLICATION } = ReviewItemKind;
// Due 24:00 Beijing of the 3rd working day = 16:00 UTC.
const pos = (kind: ReviewItemKind, id: string, due: string, submitted = '2026-11-20T04:00:00Z'): QueuePosition => ({ kind, id, dueAt: at(due), submittedAt: at(submitted) });

describe('the reviewer queue order: earliest due, then earliest submitted, then kind, then id', () => {
  it('orders items of all three workflows in one list', () => {
    const items = [
      pos(REVIEW_ROUND, '9', '2026-11-26T16:00:00Z'),
      pos(REVIEW_ROUND, '10', '2026-11-25T16:00:00Z'),
      pos(PACKAGE_APPLICATION, '2', '2026-11-25T16:00:00Z'),
      pos(MEMBER_CAPABILITY_APPLICATION, '7', '2026-11-25T16:00:00Z'),
      pos(REVIEW_ROUND, '3', '2026-11-25T16:00:00Z', '2026-11-20T01:00:00Z'),
      pos(REVIEW_ROUND, '9', '2026-11-25T16:00:00Z'),
    ];
    // Round 3 was submitted first among those due Wed 11-25; then by kind; rounds 9 before 10 (numbers, not text).
    expect([...items].sort(compareQueuePosition).map((p) => `${p.kind}:${p.id}`)).toEqual([
      'REVIEW_ROUND:3',
      'MEMBER_CAPABILITY_APPLICATION:7',
      'PACKAGE_APPLICATION:2',
      'REVIEW_ROUND:9',
      'REVIEW_ROUND:10',
      'REVIEW_ROUND:9',
    ]);
  });
  it('a cursor names the position it was made from, and nothing else is a cursor', () => {
    const p = pos(PACKAGE_APPLICATION, '12345678901234567890', '2026-11-25T16:00:00Z', '2026-11-20T04:00:00.123Z');
    expect(decodeQueuePosition(encodeQueuePosition(p))).toEqual(p);
    expect(decodeQueuePosition('bm9wZQ')).toBeNull();
    expect(decodeQueuePosition(Buffer.from('q1:1:2:APP:5').toString('base64url'))).toBeNull();
  });
  it('ids are unique across kinds; an item is overdue only while pending, from its due instant', () => {
    expect(reviewItemGlobalId({ kind: PACKAGE_APPLICATION, id: '5' })).not.toBe(reviewItemGlobalId({ kind: REVIEW_ROUND, id: '5' }));
    const dueAt = at('2026-11-25T16:00:00Z');
    expect([isItemOverdue({ status: 'PENDING', dueAt }, at('2026-11-25T15:59:59.999Z')), isItemOverdue({ status: 'PENDING', dueAt }, dueAt), isItemOverdue({ status: 'APPROVED', dueAt }, dueAt)]).toEqual([false, true, false]);
  });
});
