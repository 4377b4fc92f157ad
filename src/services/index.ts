import { DataSource } from 'typeorm';
import { Clock } from '../domain/common/clock';
import { AppService } from './app/app.service';
import { AccountService } from './billing/account.service';
import { BillQueryService } from './billing/bill-query.service';
import { BillingRunService } from './billing/billing-run.service';
import { PaymentProvider, SandboxPaymentProvider } from './billing/payment-provider';
import { PriceListService } from './billing/price-list.service';
import { CatalogService } from './catalog/catalog.service';
import { DeveloperService } from './developer/developer.service';
import { UsageService } from './usage/usage.service';

/** The application services, built once per process around the DataSource and the clock. */
export interface Services {
  readonly ds: DataSource;
  readonly clock: Clock;
  readonly apps: AppService;
  readonly catalog: CatalogService;
  readonly developers: DeveloperService;
  readonly usage: UsageService;
  readonly accounts: AccountService;
  readonly bills: BillQueryService;
  readonly billingRuns: BillingRunService;
  readonly priceLists: PriceListService;
}

/** NOTE: the payment provider defaults to the SANDBOX (no real money); production must pass a real one. */
export function createServices(ds: DataSource, clock: Clock, provider: PaymentProvider = new SandboxPaymentProvider()): Services {
  return {
    ds,
    clock,
    apps: new AppService(ds),
    catalog: new CatalogService(ds),
    developers: new DeveloperService(ds),
    usage: new UsageService(ds, clock),
    accounts: new AccountService(ds, clock, provider),
    bills: new BillQueryService(ds, clock),
    billingRuns: new BillingRunService(ds, clock, provider),
    priceLists: new PriceListService(ds),
  };
}
