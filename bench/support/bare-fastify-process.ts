import cluster from 'node:cluster';
import Fastify from 'fastify';

/**
 * The floor for `/health/live`: the same Fastify version with nothing around the route, run as
 * Contexor runs, as a process of its own, with `workers` processes under Node's cluster module when
 * more than one. Forked by `startFloorServer` with the port and worker count as arguments; says
 * `ready` over IPC once every process listens.
 */
async function main(): Promise<void> {
  const [port, workers] = process.argv.slice(2).map(Number) as [number, number];
  if (cluster.isPrimary && workers > 1) {
    let listening = 0;
    for (let i = 0; i < workers; i += 1)
      cluster.fork().once('listening', () => {
        listening += 1;
        if (listening === workers) process.send?.('ready');
      });
    process.once('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.once('exit', () => process.exit(0));
    });
    return;
  }
  const server = Fastify({ logger: false });
  server.get('/health/live', async () => ({ status: 'ok' }));
  await server.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  if (cluster.isPrimary) process.send?.('ready');
}

void main();
