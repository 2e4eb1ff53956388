import Fastify from 'fastify';
import { serveFloor } from './floor-server';

/**
 * The floor for `/health/live`: the same Fastify version with nothing around the route, run as
 * Contexor runs (floor-server.ts). Forked by `startFloorServer` with the port and worker count as
 * arguments.
 */
void serveFloor(async (port) => {
  const server = Fastify({ logger: false });
  server.get('/health/live', async () => ({ status: 'ok' }));
  await server.listen({ port, host: '127.0.0.1' });
  return () => server.close();
});
