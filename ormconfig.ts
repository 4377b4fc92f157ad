/** The one TypeORM DataSource, shared by the server and the migration CLI. */
import { config } from './src/config';
import { createDataSource } from './src/db/data-source';

export default createDataSource(config(), undefined, { batch: true });
