// Writes schema/aem-ioevents.schema.json, the JSON Schema of the configuration file, from the
// configuration model (src/config/json-schema.ts). Run after changing the configuration's keys:
// `npm run schema`; test/config/json-schema.test.ts fails while the file is out of date.
import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA_FILE, formatConfigJsonSchema } from '../src/config/json-schema.ts';

writeFileSync(new URL(`../${CONFIG_SCHEMA_FILE}`, import.meta.url), formatConfigJsonSchema());
console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
