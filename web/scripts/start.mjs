// Checks the configuration, then starts the built dashboard: a bad value stops start-up with one line.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3001';
const apiUrl = process.env.WEB_API_URL ?? 'http://127.0.0.1:3000';
const problems = [];
if (!/^\d{2,5}$/.test(port) || Number(port) > 65535) problems.push(`PORT must be a port number (got "${port}")`);
try {
  const url = new URL(apiUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`WEB_API_URL must be an http(s) URL (got "${apiUrl}")`);
} catch {
  problems.push(`WEB_API_URL must be an http(s) URL (got "${apiUrl}")`);
}
if (problems.length) {
  process.stderr.write(`Invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, WEB_API_URL: apiUrl } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
