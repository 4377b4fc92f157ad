/** `npm run schema:emit`: writes the schema the server serves to schema.graphql (committed, read in review). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../src/graphql/schema-sdl';

schemaSdl().then((sdl) => {
  const file = path.join(__dirname, '..', 'schema.graphql');
  writeFileSync(file, sdl);
  console.error(`[schema] wrote ${file}`);
});
