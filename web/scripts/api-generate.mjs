// Regenerates the typed API client: fetches the running API's OpenAPI document (WEB_API_URL,
// default http://127.0.0.1:3000), stores it as openapi.json, and runs @hey-api/openapi-ts into
// src/api/. Run it after changing the API (with `npm start` running) and commit both; the e2e
// suite fails when the committed document differs from the API's.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const api = (process.env.WEB_API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const response = await fetch(`${api}/docs-json`);
if (!response.ok) throw new Error(`GET ${api}/docs-json answered ${response.status}`);
writeFileSync('openapi.json', `${JSON.stringify(await response.json(), null, 2)}\n`);
execFileSync(process.execPath, ['node_modules/@hey-api/openapi-ts/bin/run.js', '-i', 'openapi.json', '-o', 'src/api', '-p', '@hey-api/typescript'], { stdio: 'inherit' });
