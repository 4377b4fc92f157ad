import { DataSource } from 'typeorm';
import { Clock } from '../domain/common/clock';
import { AppService } from './app/app.service';
import { AuditService } from './audit/audit.service';
import { CalendarService } from './calendar/calendar.service';
import { CatalogService } from './catalog/catalog.service';
import { DeveloperService } from './developer/developer.service';
import { PartnerAccessService } from './partner/partner-access.service';
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
  /** The audit log: `audit.record(em, {...})` inside a reviewer/operator mutation's transaction. */
  readonly audit: AuditService;
  readonly partners: PartnerAccessService;
}

export function createServices(ds: DataSource, clock: Clock): Services {
  const audit = new AuditService(ds, clock);
  const calendar = new CalendarService(ds, audit);
  return {
    ds,
    clock,
    apps: new AppService(ds),
    calendar,
    reviews: new ReviewService(ds, clock, calendar, audit),
    catalog: new CatalogService(ds, audit),
    developers: new DeveloperService(ds),
    audit,
    partners: new PartnerAccessService(ds, clock, audit),
  };
}
