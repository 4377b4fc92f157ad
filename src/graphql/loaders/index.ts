import { DataSource } from 'typeorm';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { emergencyCallsLoader } from './quota.loader';
import { appByIdLoader, packageByCodeLoader } from './application.loader';

/** DataLoaders, built fresh for every request so no cache outlives it. */
export function createLoaders(ds: DataSource) {
  return {
    tagByCode: tagByCodeLoader(ds),
    packagesByTag: packagesByTagLoader(ds),
    emergencyCalls: emergencyCallsLoader(ds),
    appById: appByIdLoader(ds),
    packageByCode: packageByCodeLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
