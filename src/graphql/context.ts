import { Viewer } from '../domain/common/role';
import { Services } from '../services';
import { Loaders } from './loaders';

/** Per-request GraphQL context: who calls, fresh loaders, the process's services. */
export interface Context {
  readonly viewer: Viewer;
  readonly loaders: Loaders;
  readonly services: Services;
  /** The request's instant (the clock read once): every field of one answer sees the same now. */
  readonly now: Date;
  /** The Beijing date of `now` (YYYY-MM-DD), for today's quota. */
  readonly today: string;
}
