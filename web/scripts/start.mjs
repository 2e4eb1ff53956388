// Checks the configuration, then serves the built dashboard: a bad value stops start-up with one line.
// A small Node server in front of Next's request handler (the same one `next start` uses): it records
// the address each request came from in a header that it controls, replacing whatever a client sent,
// so that the BFF can sign it for the API (X-Contexor-Client, see src/server/client-address.ts).
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_ADDRESS_RECORDED, parseTrustProxy, recordClientAddress } from './client-address.mjs';

const port = process.env.PORT ?? '3001';
const apiUrl = process.env.WEB_API_URL ?? 'http://127.0.0.1:3000';
const secret = process.env.CLIENT_ADDRESS_SECRET ?? '';
const problems = [];
if (!/^\d{2,5}$/.test(port) || Number(port) > 65535) problems.push(`PORT must be a port number (got "${port}")`);
try {
  const url = new URL(apiUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`WEB_API_URL must be an http(s) URL (got "${apiUrl}")`);
} catch {
  problems.push(`WEB_API_URL must be an http(s) URL (got "${apiUrl}")`);
}
if (secret !== '' && secret.length < 32) problems.push('CLIENT_ADDRESS_SECRET must be at least 32 characters');
let trusted = null;
try {
  trusted = parseTrustProxy(process.env.WEB_TRUST_PROXY);
} catch (error) {
  problems.push(`${error.message} (got "${String(process.env.WEB_TRUST_PROXY).slice(0, 40)}")`);
}
if (problems.length) {
  process.stderr.write(`Invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}

// As `next start` does; set before Next loads, since it reads them then.
process.env.NODE_ENV ||= 'production';
process.env.WEB_API_URL = apiUrl;
process.env[CLIENT_ADDRESS_RECORDED] = '1';
const { default: next } = await import('next');
const app = next({ dev: false, dir: join(dirname(fileURLToPath(import.meta.url)), '..'), port: Number(port) });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  recordClientAddress(req, trusted);
  handle(req, res).catch((error) => {
    process.stderr.write(`Unhandled error serving ${req.method} ${req.url}: ${error?.stack ?? error}\n`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(Number(port), () => process.stdout.write(`Dashboard listening on http://localhost:${port}\n`));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish requests in flight; open event streams are cut after 10 s.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
