import { Viewer } from '../domain/common/role';
import { Services } from '../services';
import { Loaders } from './loaders';

/** Per-request GraphQL context: who calls, fresh loaders, the process's services. */
export interface Context {
  readonly viewer: Viewer;
  readonly loaders: Loaders;
  readonly services: Services;
}
