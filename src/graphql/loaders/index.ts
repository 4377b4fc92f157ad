import { DataSource } from 'typeorm';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { emergencyCallsLoader } from './quota.loader';

/** DataLoaders, built fresh for every request so no cache outlives it. */
export function createLoaders(ds: DataSource) {
  return {
    tagByCode: tagByCodeLoader(ds),
    packagesByTag: packagesByTagLoader(ds),
    emergencyCalls: emergencyCallsLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
