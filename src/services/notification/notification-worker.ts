import { NotificationService } from './notification.service';
import { NotificationSweepService } from './notification-sweep.service';
import { OutboundService } from './outbound.service';

/**
 * The notification loop for `npm start`: every `intervalMs`, sweep for state events, deliver
 * due outbound messages, and (hourly) drop inbox notifications past the retention. Runs never
 * overlap within a process; several servers share the work (claims skip locked rows, events are
 * deduplicated). Tests call the services directly with the fixed clock instead.
 */
export function startNotificationWorker(
  services: { notifications: NotificationService; notificationSweep: NotificationSweepService; outboundDeliveries: OutboundService },
  opts: { intervalMs: number; retentionDays: number; onError?: (err: unknown) => void },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let lastPurge = 0;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        await services.notificationSweep.sweep();
        while ((await services.outboundDeliveries.dispatchDue()) > 0);
        if (Date.now() - lastPurge > 3_600_000) {
          lastPurge = Date.now();
          await services.notifications.purgeOlderThan(opts.retentionDays);
        }
      } catch (err) {
        (opts.onError ?? ((e) => console.error('[notification-worker] run failed:', e)))(err);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
