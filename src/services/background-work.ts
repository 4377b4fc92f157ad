import { Config } from '../config';
import { Logger } from '../observability/logger';
import { Services } from './index';
import { startMarketWorker } from './market/market-worker';
import { startNotificationWorker } from './notification/notification-worker';
import { startScheduler } from './scheduler/scheduler';

/**
 * The background work every server and every `npm run worker` process runs: the billing scheduler
 * (each minute; periods are claimed in the database, so each runs once whatever the number of
 * processes), the market's expiry and deliveries, and the notification sweep and outbox. Returns
 * the function that stops them all and waits for the runs under way.
 */
export function startBackgroundWork(services: Services, cfg: Config, log: Logger): () => Promise<void> {
  const none = async () => {};
  const schedulerLog = log.child({ component: 'scheduler' });
  const stopScheduler = cfg.schedule.enabled
    ? startScheduler([{ name: 'billing', pattern: '0 * * * * *', run: () => services.billingSchedule.tick() }], (task, err) => schedulerLog.error({ err, task }, 'scheduled task failed'))
    : none;
  const stopMarket = cfg.market.workerIntervalMs > 0 ? startMarketWorker(services, cfg.market.workerIntervalMs, log.child({ component: 'market-worker' })) : none;
  const notificationLog = log.child({ component: 'notification-worker' });
  const stopNotifications =
    cfg.notifications.workerIntervalMs > 0
      ? startNotificationWorker(services, { intervalMs: cfg.notifications.workerIntervalMs, retentionDays: cfg.notifications.retentionDays, onError: (err) => notificationLog.error({ err }, 'run failed') })
      : none;
  return async () => {
    await Promise.all([stopScheduler(), stopMarket(), stopNotifications()]);
  };
}
