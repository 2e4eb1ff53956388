import { randomBytes, randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { Phone } from '#libs/ddd';
import { FakeKavenegarServer } from '../fakes/fake-kavenegar.server';
import { bootTestApp, type TestApp } from './test-app';

/**
 * Signing in through HTTP, the way a client does: ask for a code, read it from the fake
 * Kavenegar, exchange it for tokens. Reuse these in every e2e file that needs a signed-in user.
 */

export const API = '/api/v1';
export const KAVENEGAR_TEST_KEY = 'test-key';
export const OTP_TEMPLATE = 'contexor-otp';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

export interface SmsTestApp extends TestApp {
  /** The Kavenegar stand-in this app sends its sign-in codes to. */
  fake: FakeKavenegarServer;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; phone: string; name: string | null };
  /** The client address this user signs in from (sent as X-Forwarded-For). */
  ip: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  role: Role;
}

export interface Member {
  userId: string;
  phone: string;
  name: string | null;
  role: Role;
}

/**
 * Boots the whole app (HTTP and the SMS worker) wired to a fresh fake Kavenegar.
 *
 * Each app gets a Redis prefix of its own below this run's: test files run in parallel, and with a
 * shared prefix one file's worker would take another file's SMS jobs (and send them to the wrong
 * fake), and all files would share the per-IP rate-limit counters. TRUST_PROXY lets each simulated
 * client send its own address in X-Forwarded-For, as it would arrive through a load balancer.
 */
export async function bootSmsTestApp(env: Record<string, string> = {}): Promise<SmsTestApp> {
  const fake = await FakeKavenegarServer.start({ apiKey: KAVENEGAR_TEST_KEY, templates: [OTP_TEMPLATE] });
  const prefix = isolatedRedisPrefix();
  let t: TestApp;
  try {
    t = await bootTestApp({
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: KAVENEGAR_TEST_KEY,
      KAVENEGAR_BASE_URL: fake.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: OTP_TEMPLATE,
      REDIS_PREFIX: prefix,
      TRUST_PROXY: 'true',
      ...env,
    });
  } catch (error) {
    await fake.stop();
    throw error;
  }
  return {
    ...t,
    fake,
    close: async () => {
      try {
        await t.close();
      } finally {
        try {
          await fake.stop();
        } finally {
          // Removed now rather than at global teardown, so that a long run does not pile them up.
          await deleteRedisKeys(t.config.redis.url, t.config.redis.prefix);
        }
      }
    },
  };
}

/** A prefix below the run's, unique to one app instance. */
export function isolatedRedisPrefix(): string {
  return `${process.env.REDIS_PREFIX ?? 'test'}-${randomBytes(4).toString('hex')}`;
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  if (!prefix.startsWith('test-')) return;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A random Iranian mobile in national form (`0912…`): test files share one database. */
export function randomPhone(): string {
  const operator = ['0912', '0935', '0990', '0919', '0901'][randomInt(5)];
  return `${operator}${String(randomInt(10_000_000)).padStart(7, '0')}`;
}

/** `09121234567` → `+989121234567`. */
export function toE164(phone: string): string {
  return Phone.parse(phone).e164;
}

/** A random client address, so that each simulated user has per-IP rate limits of its own. */
export function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

export function bearer(session: Pick<Session, 'accessToken'> | string): { Authorization: string } {
  return { Authorization: `Bearer ${typeof session === 'string' ? session : session.accessToken}` };
}

/** POST /auth/otp/request and the code the fake Kavenegar delivered for it. */
export async function requestCode(t: SmsTestApp, phone: string, ip = randomClientIp()): Promise<string> {
  const since = t.fake.messages.length;
  const response = await request(t.server).post(`${API}/auth/otp/request`).set('X-Forwarded-For', ip).send({ phone });
  if (response.status !== 202)
    throw new Error(`otp/request for ${phone} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return (await t.fake.waitForMessage(phone, 10_000, since)).token;
}

/** Signs in (the first time, this creates the user) and returns the tokens and the user. */
export async function signIn(t: SmsTestApp, phone = randomPhone()): Promise<Session> {
  const ip = randomClientIp();
  const code = await requestCode(t, phone, ip);
  const response = await request(t.server)
    .post(`${API}/auth/otp/verify`)
    .set('X-Forwarded-For', ip)
    .send({ phone, code });
  if (response.status !== 200)
    throw new Error(`otp/verify for ${phone} answered ${response.status}: ${JSON.stringify(response.body)}`);
  const body = response.body as Omit<Session, 'ip'>;
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, user: body.user, ip };
}

export async function createOrganizationAs(
  t: TestApp,
  admin: Session,
  name = `Org ${randomBytes(4).toString('hex')}`,
): Promise<OrganizationSummary> {
  const response = await request(t.server).post(`${API}/organizations`).set(bearer(admin)).send({ name });
  if (response.status !== 201)
    throw new Error(`POST /organizations answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as OrganizationSummary;
}

/** Invites `phone` (creating its user if new) into the organization with `role`. */
export async function addMember(
  t: TestApp,
  admin: Session,
  organizationId: string,
  phone: string,
  role: Role,
): Promise<Member> {
  const response = await request(t.server)
    .post(`${API}/organizations/${organizationId}/members`)
    .set(bearer(admin))
    .send({ phone, role });
  if (response.status !== 201)
    throw new Error(`POST members answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Member;
}

/** A new user, invited with `role`, who has then signed in. */
export async function signInAsMember(
  t: SmsTestApp,
  admin: Session,
  organizationId: string,
  role: Role,
): Promise<Session> {
  const phone = randomPhone();
  await addMember(t, admin, organizationId, phone, role);
  return signIn(t, phone);
}

/** Pretends the 60 s resend cooldown for this phone is over, so a test can ask for a second code now. */
export async function endOtpCooldown(t: TestApp, phone: string): Promise<void> {
  await t.app.get(Redis).del(`${t.config.redis.prefix}:otp:cooldown:${toE164(phone)}`);
}

/** Pretends the 120 s lifetime of the phone's current code is over. */
export async function expireOtpCode(t: TestApp, phone: string): Promise<void> {
  const key = `${t.config.redis.prefix}:otp:code:${toE164(phone)}`;
  const redis = t.app.get(Redis);
  if (!(await redis.exists(key))) throw new Error(`No code stored under ${key}`);
  await redis.hset(key, 'expiresAt', String(Date.now() - 1000));
}
