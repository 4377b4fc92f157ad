import { DataSource } from 'typeorm';
import { Clock } from '../domain/common/clock';
import { AppService } from './app/app.service';
import { CalendarService } from './calendar/calendar.service';
import { CatalogService } from './catalog/catalog.service';
import { DeveloperService } from './developer/developer.service';
import { MarketHttpClient } from './market/market-http';
import { MarketNotificationService } from './market/notification.service';
import { MarketOrderService } from './market/order.service';
import { MarketProductService } from './market/product.service';
import { ReviewService } from './review/review.service';

/** The application services, built once per process around the DataSource and the clock. */
export interface Services {
  readonly ds: DataSource;
  readonly clock: Clock;
  readonly apps: AppService;
  readonly calendar: CalendarService;
  readonly catalog: CatalogService;
  readonly developers: DeveloperService;
  /** The HTTP client towards providers' production endpoints (its host resolver is injectable). */
  readonly marketHttp: MarketHttpClient;
  readonly marketProducts: MarketProductService;
  readonly marketOrders: MarketOrderService;
  readonly marketNotifications: MarketNotificationService;
  readonly reviews: ReviewService;
}

export function createServices(ds: DataSource, clock: Clock, marketHttp: MarketHttpClient = new MarketHttpClient()): Services {
  const calendar = new CalendarService(ds);
  const reviews = new ReviewService(ds, clock, calendar);
  return {
    ds,
    clock,
    apps: new AppService(ds),
    calendar,
    reviews,
    catalog: new CatalogService(ds),
    developers: new DeveloperService(ds),
    marketHttp,
    marketProducts: new MarketProductService(ds, clock, marketHttp, reviews),
    marketOrders: new MarketOrderService(ds, clock),
    marketNotifications: new MarketNotificationService(ds, clock, marketHttp),
  };
}
