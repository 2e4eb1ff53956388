// `npm start`: the API with its queue workers (APP_ROLE=all) on PORT (3000) and the dashboard on
// WEB_PORT (3001), both built beforehand. Ctrl-C or SIGTERM stops both; if one exits, so does the other.
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '3000';
const children = [
  spawn(process.execPath, ['dist/src/main.js'], { stdio: 'inherit', env: process.env }),
  spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: 'web',
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: process.env.WEB_PORT ?? '3001',
      WEB_API_URL: process.env.WEB_API_URL ?? `http://127.0.0.1:${apiPort}`,
    },
  }),
];
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM');
    if (children.every((other) => other.exitCode !== null || other.signalCode !== null)) process.exit(code ?? 0);
  });
}
