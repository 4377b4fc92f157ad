import { DataSource } from 'typeorm';
import { Clock } from '../domain/common/clock';
import { AppService } from './app/app.service';
import { CalendarService } from './calendar/calendar.service';
import { CatalogService } from './catalog/catalog.service';
import { DeveloperService } from './developer/developer.service';
import { ReviewService } from './review/review.service';

/** The application services, built once per process around the DataSource and the clock. */
export interface Services {
  readonly ds: DataSource;
  readonly clock: Clock;
  readonly apps: AppService;
  readonly calendar: CalendarService;
  readonly catalog: CatalogService;
  readonly developers: DeveloperService;
  readonly reviews: ReviewService;
}

export function createServices(ds: DataSource, clock: Clock): Services {
  const calendar = new CalendarService(ds);
  return {
    ds,
    clock,
    apps: new AppService(ds),
    calendar,
    reviews: new ReviewService(ds, clock, calendar),
    catalog: new CatalogService(ds),
    developers: new DeveloperService(ds),
  };
}
