import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { Redis } from 'ioredis';
import request from 'supertest';
import { ResolveAccessUseCase } from '../../src/accounts/application/use-cases/resolve-access.use-case';
import { GenerationEvents } from '../../src/ai/application/ports/generation-events';
import {
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  signIn,
  signInAsMember,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import { eventually } from '../support/eventually';
import { openEvents } from '../support/sse-client';

describe('GET /contents/:id/events (Server-Sent Events)', () => {
  let t: SmsTestApp;
  let baseUrl: string;
  let admin: Session;
  let viewer: Session;
  let outsider: Session;
  let organizationId: string;
  let redis: Redis;
  /** contentId → organization, standing in for the content context's owner lookup. */
  const contents = new Map<string, string>();

  beforeAll(async () => {
    // Open streams check their caller's access again this often.
    t = await bootSmsTestApp({ SSE_ACCESS_RECHECK_MS: '200' });
    // The content context registers the real 'content' lookup; independently of it, this test's own
    // made-up content ids belong to the organization it maps them to (the caller's role there is real).
    const access = t.app.get(ResolveAccessUseCase);
    const original = access.execute.bind(access);
    jest
      .spyOn(access, 'execute')
      .mockImplementation((userId, resource, id) =>
        resource === 'content' && contents.has(id)
          ? original(userId, 'organization', contents.get(id) as string)
          : original(userId, resource, id),
      );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    baseUrl = `http://127.0.0.1:${address.port}`;
    redis = new Redis(t.config.redis.url);

    admin = await signIn(t);
    organizationId = (await createOrganizationAs(t, admin)).id;
    viewer = await signInAsMember(t, admin, organizationId, 'VIEWER');
    outsider = await signIn(t);
  });

  afterAll(async () => {
    await redis?.quit();
    await t?.close();
  });

  const events = () => t.app.get(GenerationEvents, { strict: false });

  function newContent(): string {
    const id = randomUUID();
    contents.set(id, organizationId);
    return id;
  }

  const watchers = async (contentId: string) => {
    const [, count] = (await redis.pubsub('NUMSUB', `${t.config.redis.prefix}:ai:events:${contentId}`)) as [
      string,
      number,
    ];
    return Number(count);
  };

  it('streams status, deltas and done to a VIEWER as text/event-stream, with the request id', async () => {
    const contentId = newContent();
    const client = await openEvents(baseUrl, contentId, { ...bearer(viewer), 'X-Request-Id': 'sse-trace-1' });
    try {
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(client.headers['cache-control']).toBe('no-cache, no-transform');
      expect(client.headers['x-request-id']).toBe('sse-trace-1');
      await eventually('the subscription', async () => (await watchers(contentId)) === 1);

      const published = events();
      const ids = [
        await published.publish(contentId, {
          type: 'status',
          status: 'IN_PROGRESS',
          lastError: null,
          jobId: 'job-1',
          attempt: 1,
        }),
        await published.publish(contentId, { type: 'delta', text: 'سلام ' }),
        await published.publish(contentId, { type: 'delta', text: 'دنیا' }),
        await published.publish(contentId, {
          type: 'done',
          jobId: 'job-1',
          model: 'gpt-4.1-mini',
          finishReason: 'stop',
          usage: { promptTokens: 12, completionTokens: 2, cachedTokens: 0, totalTokens: 14 },
        }),
        await published.publish(contentId, { type: 'status', status: 'REVIEW', lastError: null, jobId: 'job-1' }),
      ];
      await eventually('five events', async () => client.events.length === 5);

      expect(client.raw()).toMatch(/^retry: \d+\n\n/);
      expect(client.events).toEqual([
        { id: ids[0], event: 'status', data: { status: 'IN_PROGRESS', lastError: null, jobId: 'job-1', attempt: 1 } },
        { id: ids[1], event: 'delta', data: { text: 'سلام ' } },
        { id: ids[2], event: 'delta', data: { text: 'دنیا' } },
        {
          id: ids[3],
          event: 'done',
          data: {
            jobId: 'job-1',
            model: 'gpt-4.1-mini',
            finishReason: 'stop',
            usage: { promptTokens: 12, completionTokens: 2, cachedTokens: 0, totalTokens: 14 },
          },
        },
        { id: ids[4], event: 'status', data: { status: 'REVIEW', lastError: null, jobId: 'job-1' } },
      ]);
    } finally {
      client.close();
    }
  });

  it('serves every watcher of a content from one Redis subscription, and drops it when the last one disconnects', async () => {
    const contentId = newContent();
    const first = await openEvents(baseUrl, contentId, bearer(admin));
    const second = await openEvents(baseUrl, contentId, bearer(viewer));
    await eventually('the subscription', async () => (await watchers(contentId)) === 1);

    await events().publish(contentId, { type: 'delta', text: 'both' });
    await eventually(
      'both watchers to get the event',
      async () => first.events.length === 1 && second.events.length === 1,
    );
    expect(await watchers(contentId)).toBe(1);

    first.close();
    await events().publish(contentId, { type: 'delta', text: 'second only' });
    await eventually('the second watcher to get the next event', async () => second.events.length === 2);
    expect(await watchers(contentId)).toBe(1);

    second.close();
    await eventually('the subscription to be dropped', async () => (await watchers(contentId)) === 0);
  });

  it('replays the events missed since Last-Event-ID when a watcher reconnects', async () => {
    const contentId = newContent();
    const client = await openEvents(baseUrl, contentId, bearer(viewer));
    await eventually('the subscription', async () => (await watchers(contentId)) === 1);
    await events().publish(contentId, { type: 'delta', text: 'یک ' });
    await eventually('the first event', async () => client.events.length === 1);
    client.close();
    const lastEventId = client.events[0]?.id ?? '';

    await events().publish(contentId, { type: 'delta', text: 'دو ' });
    await events().publish(contentId, { type: 'delta', text: 'سه' });
    const resumed = await openEvents(baseUrl, contentId, { ...bearer(viewer), 'Last-Event-ID': lastEventId });
    try {
      await eventually('the missed events', async () => resumed.events.length === 2);
      expect(resumed.events.map((event) => event.data)).toEqual([{ text: 'دو ' }, { text: 'سه' }]);
    } finally {
      resumed.close();
    }
  });

  it('ends the stream of a member removed from the organization while it is open, with an end event', async () => {
    const contentId = newContent();
    const leaving = await signInAsMember(t, admin, organizationId, 'VIEWER');
    const stream = await openEvents(baseUrl, contentId, bearer(leaving));
    expect(stream.status).toBe(200);
    try {
      const removed = await request(t.server)
        .delete(`${API}/organizations/${organizationId}/members/${leaving.user.id}`)
        .set(bearer(admin));
      expect(removed.status).toBe(204);
      await stream.ended;

      expect(stream.events.at(-1)).toEqual({ event: 'end', data: { reason: 'access_revoked' } });
      await eventually('the last watcher to unsubscribe', async () => (await watchers(contentId)) === 0);
      // Events published after the removal no longer reach them.
      await events().publish(contentId, { type: 'delta', text: 'محرمانه' });
      expect(stream.raw()).not.toContain('محرمانه');
    } finally {
      stream.close();
    }
  });

  it('keeps the stream of a member whose role changes but who still may read', async () => {
    const contentId = newContent();
    const member = await signInAsMember(t, admin, organizationId, 'EDITOR');
    const stream = await openEvents(baseUrl, contentId, bearer(member));
    try {
      const changed = await request(t.server)
        .patch(`${API}/organizations/${organizationId}/members/${member.user.id}`)
        .set(bearer(admin))
        .send({ role: 'VIEWER' });
      expect(changed.status).toBe(200);
      // Several re-checks later the stream is still open and still delivers.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await events().publish(contentId, { type: 'delta', text: 'هنوز' });
      await eventually('the delta after the role change', () => Promise.resolve(stream.raw().includes('هنوز')));
    } finally {
      stream.close();
    }
  });

  it('answers a non-member 404 and an anonymous caller 401, in the contract’s JSON', async () => {
    const contentId = newContent();

    const hidden = await request(t.server).get(`${API}/contents/${contentId}/events`).set(bearer(outsider));
    expect(hidden.status).toBe(404);
    expect(hidden.headers['content-type']).toMatch(/^application\/json/);
    expect(hidden.body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      requestId: hidden.headers['x-request-id'],
    });

    const missing = await request(t.server).get(`${API}/contents/${randomUUID()}/events`).set(bearer(admin));
    expect(missing.status).toBe(404);

    const anonymous = await request(t.server).get(`${API}/contents/${contentId}/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is documented in the OpenAPI document as an event stream', async () => {
    const response = await request(t.server).get('/docs-json');
    const operation = response.body.paths['/api/v1/contents/{id}/events']?.get;
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses['200'].content)).toContain('text/event-stream');
  });

  it('ends open streams when the app shuts down, so shutdown does not wait for watchers', async () => {
    const other = await bootSmsTestApp();
    try {
      const session = await signIn(other);
      const org = (await createOrganizationAs(other, session)).id;
      const contentId = randomUUID();
      const access = other.app.get(ResolveAccessUseCase);
      const original = access.execute.bind(access);
      jest
        .spyOn(access, 'execute')
        .mockImplementation((userId, resource, id) =>
          resource === 'content' && id === contentId
            ? original(userId, 'organization', org)
            : original(userId, resource, id),
        );
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const address = other.app.getHttpServer().address();
      if (!address || typeof address === 'string') throw new Error('not listening');
      // A keep-alive connection, as browsers hold them: ending the response must close it too.
      const agent = new Agent({ keepAlive: true });
      const client = await openEvents(`http://127.0.0.1:${address.port}`, contentId, bearer(session), agent);
      expect(client.status).toBe(200);

      const started = performance.now();
      await other.close();

      expect(performance.now() - started).toBeLessThan(5_000);
      await client.ended;
      agent.destroy();
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
