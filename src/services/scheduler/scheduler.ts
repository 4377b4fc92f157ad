import { Cron } from 'croner';

export interface ScheduledTask {
  readonly name: string;
  /** A cron pattern with seconds (croner), read in Beijing time. */
  readonly pattern: string;
  readonly run: () => Promise<unknown>;
}

/**
 * The in-process scheduler (croner): each task on its cron pattern in Asia/Shanghai, never
 * overlapping itself within a process. What makes a period run once across servers is not here
 * but in the tasks (claims in the database): every server may run the scheduler. Returns a stop
 * function that waits for running tasks.
 */
export function startScheduler(tasks: readonly ScheduledTask[], onError: (task: string, err: unknown) => void): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const crons = tasks.map(
    (task) =>
      new Cron(task.pattern, { name: `portal:${task.name}`, timezone: 'Asia/Shanghai', protect: true }, async () => {
        const p = task.run().catch((err) => onError(task.name, err));
        running.add(p);
        try {
          await p;
        } finally {
          running.delete(p);
        }
      }),
  );
  return async () => {
    for (const c of crons) c.stop();
    await Promise.all([...running]);
  };
}
