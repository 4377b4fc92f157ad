import { DataSource } from 'typeorm';
import { billLinesLoader } from './billing.loader';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';

/** DataLoaders, built fresh for every request so no cache outlives it. */
export function createLoaders(ds: DataSource) {
  return {
    tagByCode: tagByCodeLoader(ds),
    packagesByTag: packagesByTagLoader(ds),
    billLines: billLinesLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
