import cluster from 'node:cluster';

/**
 * Runs a floor server (bare Fastify, bare Nest) as Contexor runs: one process, or `workers` under
 * Node's cluster module. Reads the port and worker count from argv and says `ready` over IPC once
 * every process listens; `listen` starts one server on the port and returns how to close it.
 */
export async function serveFloor(listen: (port: number) => Promise<() => Promise<void>>): Promise<void> {
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
  const close = await listen(port);
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
  if (cluster.isPrimary) process.send?.('ready');
}
