import { MarketNotificationService } from './notification.service';
import { MarketOrderService } from './order.service';

/**
 * The market's background loop for `npm start`: every `intervalMs`, close / release expired
 * subscriptions, then deliver due production notifications. Runs never overlap. Returns a stop
 * function. Tests call `runExpiry` and `dispatchDue` directly with the fixed clock instead.
 */
export function startMarketWorker(services: { marketOrders: MarketOrderService; marketNotifications: MarketNotificationService }, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        await services.marketOrders.runExpiry();
        await services.marketNotifications.dispatchDue();
      } catch (err) {
        console.error('[market-worker] run failed:', err);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
