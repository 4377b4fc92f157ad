import { Logger, silentLogger } from '../../observability/logger';
import { MarketNotificationService } from './notification.service';
import { MarketOrderService } from './order.service';

/**
 * The market's background loop for `npm start`: every `intervalMs`, close / release expired
 * subscriptions, then deliver due production notifications (through the one outbox, which the
 * notification worker also drains). Runs never overlap. Returns a stop
 * function: no run starts after it is called, and it resolves when the run under way (if any) has
 * ended. Tests call `runExpiry` and `dispatchDue` directly with the fixed clock instead.
 */
export function startMarketWorker(
  services: { marketOrders: MarketOrderService; marketNotifications: MarketNotificationService },
  intervalMs: number,
  log: Logger = silentLogger,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const expiry = await services.marketOrders.runExpiry();
        const delivery = await services.marketNotifications.dispatchDue();
        if (expiry.closed + expiry.released + delivery.attempted > 0) log.info({ expiry, delivery }, 'market worker run');
      } catch (err) {
        log.error({ err }, 'market worker run failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  log.info({ intervalMs }, 'market worker started');
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    log.info('market worker stopped');
  };
}
