// A bound on a hung test, not a speed target: real PostgreSQL, Redis, queues and child processes on 2 cores.
jest.setTimeout(60_000);
