import { setTimeout as sleep } from 'node:timers/promises';
import { FakeKavenegarServer } from '../../fakes/fake-kavenegar.server';

const API_KEY = 'kavenegar-test-key';
const TEMPLATE = 'contexor-otp';

describe('FakeKavenegarServer', () => {
  let fake: FakeKavenegarServer;

  beforeAll(async () => {
    fake = await FakeKavenegarServer.start({ apiKey: API_KEY, templates: [TEMPLATE] });
  });

  afterEach(() => fake.reset());

  afterAll(async () => {
    await fake.stop();
  });

  const lookup = (fields: Record<string, string>, apiKey = API_KEY) =>
    fetch(`${fake.baseUrl}/v1/${apiKey}/verify/lookup.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });

  it('accepts a lookup and answers with the success shape', async () => {
    const response = await lookup({ receptor: '09121234567', template: TEMPLATE, token: '482913' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      return: { status: 200, message: 'تایید شد' },
      entries: [
        {
          messageid: expect.any(Number),
          message: expect.stringContaining('482913'),
          status: 5,
          statustext: 'ارسال به مخابرات',
          sender: '10004346',
          receptor: '09121234567',
          date: expect.any(Number),
          cost: 120,
        },
      ],
    });
  });

  it('records the message and exposes the code the user received', async () => {
    await lookup({ receptor: '09121234567', template: TEMPLATE, token: '111111' });
    await lookup({ receptor: '09121234567', template: TEMPLATE, token: '222222', token2: 'x' });

    expect(fake.messages).toHaveLength(2);
    expect(fake.messages[1]).toMatchObject({
      receptor: '09121234567',
      template: TEMPLATE,
      token: '222222',
      token2: 'x',
      apiKey: API_KEY,
    });
    expect(fake.lastCodeFor('09121234567')).toBe('222222');
    expect(fake.lastCodeFor('+989121234567')).toBe('222222');
    expect(fake.lastCodeFor('09350000000')).toBeUndefined();
  });

  it('accepts GET with query parameters like the real API', async () => {
    const query = new URLSearchParams({ receptor: '09121234567', template: TEMPLATE, token: '654321' });

    const response = await fetch(`${fake.baseUrl}/v1/${API_KEY}/verify/lookup.json?${query}`);

    expect(response.status).toBe(200);
    expect(fake.lastCodeFor('09121234567')).toBe('654321');
  });

  it('waits for a message that arrives later', async () => {
    const waiting = fake.waitForMessage('09121234567', 2000);
    const sending = sleep(50).then(() => lookup({ receptor: '09121234567', template: TEMPLATE, token: '999999' }));

    await expect(waiting).resolves.toMatchObject({ token: '999999' });
    expect((await sending).status).toBe(200);
  });

  it('waits only for messages after `since`', async () => {
    await lookup({ receptor: '09121234567', template: TEMPLATE, token: '111111' });
    const since = fake.messages.length;

    const waiting = fake.waitForMessage('09121234567', 2000, since);
    await lookup({ receptor: '09121234567', template: TEMPLATE, token: '222222' });

    await expect(waiting).resolves.toMatchObject({ token: '222222' });
  });

  it('rejects waitForMessage after the timeout', async () => {
    await expect(fake.waitForMessage('09121234567', 50)).rejects.toThrow(/No SMS/);
  });

  it.each([
    ['a missing receptor', { template: TEMPLATE, token: '123456' }, 411],
    ['a missing token', { receptor: '09121234567', template: TEMPLATE }, 411],
    ['an unknown template', { receptor: '09121234567', template: 'nope', token: '123456' }, 424],
    ['a token with spaces', { receptor: '09121234567', template: TEMPLATE, token: '12 34' }, 431],
  ])('answers %s with status %i and null entries', async (_case, fields, status) => {
    const response = await lookup(fields);

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ return: { status, message: expect.any(String) }, entries: null });
    expect(fake.messages).toHaveLength(0);
  });

  it('answers an unknown API key with 401', async () => {
    const response = await lookup({ receptor: '09121234567', template: TEMPLATE, token: '123456' }, 'wrong-key');

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ return: { status: 401, message: expect.any(String) }, entries: null });
  });

  it('plays scripted failures in order, then succeeds', async () => {
    fake.failNext(1, 409);
    fake.failNext(1, 503);
    fake.failNext(1, 418);
    const send = () => lookup({ receptor: '09121234567', template: TEMPLATE, token: '123456' });

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await send();
      const body = (await response.json()) as { return: { status: number }; entries: unknown };
      expect(body.return.status).toBe(response.status);
      statuses.push(response.status);
    }

    expect(statuses).toEqual([409, 503, 418, 200]);
    expect(fake.requestCount).toBe(4);
    expect(fake.messages).toHaveLength(1);
  });

  it('accepts any template when started without a list', async () => {
    const open = await FakeKavenegarServer.start();
    try {
      const response = await fetch(`${open.baseUrl}/v1/any-key/verify/lookup.json`, {
        method: 'POST',
        body: new URLSearchParams({ receptor: '09121234567', template: 'whatever', token: '123456' }),
      });

      expect(response.status).toBe(200);
      expect(open.messages[0]).toMatchObject({ apiKey: 'any-key', template: 'whatever' });
    } finally {
      await open.stop();
    }
  });
});
