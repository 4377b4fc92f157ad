import { DataSource } from 'typeorm';
import { ConcurrentWriteConflict, isRetryableLockError, retryOnLockConflict, withRetryableTransaction } from './transaction';

const driverError = (errno: number) => Object.assign(new Error(`errno ${errno}`), { errno });
// TypeORM's QueryFailedError carries the driver's fields and the driver error itself.
const wrapped = (errno: number) => Object.assign(new Error('query failed'), { driverError: driverError(errno) });

describe('retryOnLockConflict (issue 12 §3: a deadlock or lock wait is retried inside the service, bounded)', () => {
  it.each([
    ['a deadlock (1213)', driverError(1213), true],
    ['a lock-wait timeout (1205)', wrapped(1205), true],
    ['a duplicate key (1062)', driverError(1062), false],
    ['a plain error', new Error('boom'), false],
  ])('%s is retryable: %s', (_name, err, retryable) => {
    expect(isRetryableLockError(err)).toBe(retryable);
  });

  it('re-runs after two deadlocks and answers the third attempt', async () => {
    let calls = 0;
    const result = await retryOnLockConflict(
      async () => {
        calls++;
        if (calls < 3) throw driverError(1213);
        return 'done';
      },
      { baseDelayMs: 1 },
    );
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('gives up after 6 attempts by default and rethrows the driver error unchanged', async () => {
    let calls = 0;
    const err = driverError(1205);
    await expect(
      retryOnLockConflict(
        async () => {
          calls++;
          throw err;
        },
        { baseDelayMs: 1 },
      ),
    ).rejects.toBe(err);
    expect(calls).toBe(6);
  });

  it('does not re-run other errors; a ConcurrentWriteConflict is re-run and, when it outlives the retries, carries the deadlock errno', async () => {
    let calls = 0;
    await expect(retryOnLockConflict(async () => (calls++, Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(calls).toBe(1);
    const conflict = new ConcurrentWriteConflict('x');
    await expect(retryOnLockConflict(async () => Promise.reject(conflict), { attempts: 2, baseDelayMs: 1 })).rejects.toBe(conflict);
    expect(isRetryableLockError(conflict)).toBe(true);
  });

  it('withRetryableTransaction opens a new transaction for every attempt, with the isolation level asked', async () => {
    const levels: unknown[] = [];
    let n = 0;
    const ds = { transaction: async (level: unknown, work: (em: unknown) => Promise<unknown>) => (levels.push(level), work({})) } as unknown as DataSource;
    const out = await withRetryableTransaction(ds, async () => (++n < 2 ? Promise.reject(driverError(1213)) : n), { isolation: 'READ COMMITTED', baseDelayMs: 1 });
    expect([out, levels]).toEqual([2, ['READ COMMITTED', 'READ COMMITTED']]);
  });
});
