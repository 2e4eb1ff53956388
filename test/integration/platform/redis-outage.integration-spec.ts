import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ConfigModule, loadConfig } from '#libs/config';
import { QueueModule } from '#libs/queue';
import { RateLimiter, RateLimiterUnavailableError, RateLimitModule } from '#libs/rate-limit';
import { RedisModule } from '#libs/redis';
import { eventually } from '../../support/eventually';
import { RedisServerProcess } from '../../support/redis-server-process';

const QUEUE = 'outage-probe';

// What ioredis reports when it cannot reach Redis: down (no offline queue), dropped mid-command
// (no retry), or not answering (command timeout). Never a wait for Redis to come back.
const UNREACHABLE = [
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
  /^Reached the max retries per request limit \(which is 0\)/,
  /^Connection is closed\.$/,
];
const NOT_ANSWERING = /^Command timed out$/;

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

function expectUnreachable(error: Error): void {
  expect(UNREACHABLE.some((pattern) => pattern.test(error.message))).toBe(true);
}

class Probe {
  constructor(@InjectQueue(QUEUE) readonly queue: Queue) {}
}

@Processor(QUEUE)
class ProbeProcessor extends WorkerHost {
  readonly processed: string[] = [];

  process(job: { id?: string }): Promise<void> {
    this.processed.push(job.id ?? '');
    return Promise.resolve();
  }
}

describe('Redis outages on the request path', () => {
  let server: RedisServerProcess;
  let module: TestingModule;
  let redis: Redis;
  let queue: Queue;
  let processor: ProbeProcessor;

  beforeAll(async () => {
    server = await RedisServerProcess.start();
    const config = loadConfig({ ...process.env, REDIS_URL: server.url, REDIS_COMMAND_TIMEOUT_MS: '500' });
    module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        RedisModule,
        QueueModule,
        RateLimitModule,
        BullModule.registerQueue({ name: QUEUE }),
      ],
      providers: [Probe, ProbeProcessor],
    }).compile();
    await module.init();
    redis = module.get(Redis);
    queue = module.get(Probe).queue;
    processor = module.get(ProbeProcessor);
  });

  afterAll(async () => {
    await module?.close();
    await server?.stop();
  });

  async function untilRedisAnswers(): Promise<void> {
    await eventually('the shared connection to answer', () => redis.ping().catch(() => false));
    await eventually('the producer queue to answer', () => queue.getJobCounts().catch(() => false));
  }

  it('fails commands, enqueues and rate limits while Redis is down, and runs none of them when it returns', async () => {
    await server.kill();

    expectUnreachable(await failure(redis.set('written-while-down', '1')));
    expectUnreachable(await failure(queue.add('probe', {}, { jobId: 'added-while-down' })));
    const limited = await failure(module.get(RateLimiter).consume('outage', 10, 60_000));
    expect(limited).toBeInstanceOf(RateLimiterUnavailableError);

    await server.restart();
    await untilRedisAnswers();

    expect(await redis.get('written-while-down')).toBeNull();
    expect(await queue.getJob('added-while-down')).toBeUndefined();
  });

  it('fails commands and enqueues while Redis hangs, and works again once it answers', async () => {
    server.pause();
    try {
      expect((await failure(redis.get('anything'))).message).toMatch(NOT_ANSWERING);
      // The first timed-out command dropped the socket: an enqueue either times out on the
      // reconnecting handshake's socket or finds the connection down.
      const enqueue = await failure(queue.add('probe', {}));
      expect(NOT_ANSWERING.test(enqueue.message) || UNREACHABLE.some((p) => p.test(enqueue.message))).toBe(true);
    } finally {
      server.resume();
    }
    await untilRedisAnswers();
    expect(await redis.set('after-pause', '1')).toBe('OK');
  });

  it('reconnects by itself after a restart: commands, enqueues and the worker all work again', async () => {
    await server.restart();
    await untilRedisAnswers();

    await redis.set('after-restart', '1');
    expect(await redis.get('after-restart')).toBe('1');
    await queue.add('probe', {}, { jobId: 'after-restart' });
    await eventually('the worker to process the job added after the restart', () =>
      Promise.resolve(processor.processed.includes('after-restart')),
    );
  });
});
