import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ACCOUNTS_SMS_QUEUE, type SendOtpSmsPayload } from '../../src/accounts/infrastructure/bullmq/accounts.queue';
import {
  addMember,
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  endOtpCooldown,
  expireOtpCode,
  KAVENEGAR_TEST_KEY,
  OTP_TEMPLATE,
  randomClientIp,
  randomPhone,
  requestCode,
  signIn,
  toE164,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import { eventually } from '../support/eventually';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const E164 = /^\+989\d{9}$/;

const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const toArabicIndicDigits = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
/** A 6-digit code that is certainly not `code`. */
const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function requestOtp(t: SmsTestApp, phone: string, ip = randomClientIp()) {
  return request(t.server).post(`${API}/auth/otp/request`).set('X-Forwarded-For', ip).send({ phone });
}

function verifyOtp(t: SmsTestApp, phone: string, code: string, ip = randomClientIp()) {
  return request(t.server).post(`${API}/auth/otp/verify`).set('X-Forwarded-For', ip).send({ phone, code });
}

function refresh(t: SmsTestApp, refreshToken: string) {
  return request(t.server).post(`${API}/auth/refresh`).set('X-Forwarded-For', randomClientIp()).send({ refreshToken });
}

function getMe(t: SmsTestApp, accessToken?: string) {
  const call = request(t.server).get(`${API}/me`);
  return accessToken === undefined ? call : call.set(bearer(accessToken));
}

/** The contract's error body, with the request id of this very response. */
function expectError(response: request.Response, statusCode: number, code: string): void {
  expect(response.status).toBe(statusCode);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    statusCode,
    code,
    message: expect.any(String),
    details: expect.any(Object),
    requestId: response.headers['x-request-id'],
  });
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  organization_id: string | null;
  target_id: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
}

/** Sign-in events belong to no organization, so no audit-log route shows them: read the table. */
function auditEntriesOf(t: SmsTestApp, userId: string, action: string): Promise<AuditRow[]> {
  return t.app
    .get(DataSource)
    .query(
      'SELECT action, actor_id, organization_id, target_id, request_id, metadata FROM audit_log WHERE actor_id = $1 AND action = $2 ORDER BY created_at, id',
      [userId, action],
    );
}

describe('Auth (HTTP)', () => {
  let t: SmsTestApp;

  beforeAll(async () => {
    t = await bootSmsTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('POST /auth/otp/request', () => {
    it('answers 202 {ttl: 120, resendAfter: 60} and texts a 6-digit code through Kavenegar verify/lookup', async () => {
      const phone = randomPhone();
      const since = t.fake.messages.length;

      const response = await requestOtp(t, phone);

      expect(response.status).toBe(202);
      expect(response.body).toEqual({ ttl: 120, resendAfter: 60 });
      const message = await t.fake.waitForMessage(phone, 10_000, since);
      expect(message).toMatchObject({ receptor: phone, template: OTP_TEMPLATE, apiKey: KAVENEGAR_TEST_KEY });
      expect(message.token).toMatch(/^\d{6}$/);
    });

    const forms: [string, (national: string) => string][] = [
      ['+98…', (n) => `+98${n.slice(1)}`],
      ['0098…', (n) => `0098${n.slice(1)}`],
      ['9… without the leading zero', (n) => n.slice(1)],
      ['0… with spaces', (n) => `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`],
      ['+98 with spaces and dashes', (n) => `+98 ${n.slice(1, 4)}-${n.slice(4, 7)}-${n.slice(7)}`],
      ['Persian digits', (n) => toPersianDigits(n)],
      ['Arabic-Indic digits', (n) => toArabicIndicDigits(n)],
      ['Persian digits with +۹۸ and spaces', (n) => toPersianDigits(`+98 ${n.slice(1, 4)} ${n.slice(4)}`)],
    ];

    it.each(forms)(
      'takes the phone written as %s, texts the national form and keeps the user in E.164',
      async (_form, write) => {
        const national = randomPhone();
        const written = write(national);
        const since = t.fake.messages.length;

        expect((await requestOtp(t, written)).status).toBe(202);
        const message = await t.fake.waitForMessage(national, 10_000, since);
        expect(message.receptor).toBe(national);

        const verified = await verifyOtp(t, written, message.token);
        expect(verified.status).toBe(200);
        expect(verified.body.user.phone).toBe(`+98${national.slice(1)}`);
        expect((await getMe(t, verified.body.accessToken)).body.phone).toBe(`+98${national.slice(1)}`);
      },
    );

    it.each([
      ['a Tehran landline', '02188776655'],
      ['a number one digit short', '0912123456'],
      ['a number with letters', '0912abc4567'],
      ['a foreign mobile', '+14155552671'],
    ])('refuses %s with 400 PHONE_INVALID', async (_case, phone) => {
      expectError(await requestOtp(t, phone), 400, 'PHONE_INVALID');
    });

    it('answers a second request within 60 s with 429 OTP_COOLDOWN and Retry-After, whatever form the number is written in', async () => {
      const phone = randomPhone();
      await requestCode(t, phone);

      const again = await requestOtp(t, `+98${phone.slice(1)}`);

      expectError(again, 429, 'OTP_COOLDOWN');
      const retryAfter = Number(again.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(again.body.details).toEqual({ retryAfterSeconds: retryAfter });
      expect(t.fake.messages.filter((m) => m.receptor === phone)).toHaveLength(1);
    });

    it('answers exactly the same for a phone with an account and a phone without one', async () => {
      const known = randomPhone();
      await signIn(t, known);
      await endOtpCooldown(t, known);
      const unknown = randomPhone();
      const since = t.fake.messages.length;

      const forKnown = await requestOtp(t, known);
      const forUnknown = await requestOtp(t, unknown);

      expect(forKnown.status).toBe(202);
      expect(forUnknown.status).toBe(forKnown.status);
      expect(forUnknown.body).toEqual(forKnown.body);
      expect(forUnknown.headers['content-type']).toBe(forKnown.headers['content-type']);
      // Both get a code: nothing observable tells them apart.
      await t.fake.waitForMessage(known, 10_000, since);
      await t.fake.waitForMessage(unknown, 10_000, since);
    });
  });

  describe('POST /auth/otp/verify', () => {
    it('exchanges the right code for a one-hour Bearer session and the user, phone in E.164', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);

      const response = await verifyOtp(t, phone, code);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 3600,
        user: expect.objectContaining({ id: expect.stringMatching(UUID), phone: toE164(phone) }),
      });
      expect(response.body.user.phone).toMatch(E164);
      const me = await getMe(t, response.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(response.body.user.id);
    });

    it('creates the user on the first sign-in and signs the same user in the next time', async () => {
      const phone = randomPhone();
      const first = await signIn(t, phone);
      await endOtpCooldown(t, phone);

      const second = await signIn(t, `+98${phone.slice(1)}`);

      expect(second.user.id).toBe(first.user.id);
      const signIns = await auditEntriesOf(t, first.user.id, 'auth.signed_in');
      expect(signIns.map((entry) => entry.metadata.newUser)).toEqual([true, false]);
    });

    it('accepts the code typed in Persian digits', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);

      const response = await verifyOtp(t, phone, toPersianDigits(code));

      expect(response.status).toBe(200);
      expect(response.body.user.phone).toBe(toE164(phone));
    });

    it('refuses a wrong code with 401 OTP_INVALID', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);

      expectError(await verifyOtp(t, phone, wrongCodeFor(code)), 401, 'OTP_INVALID');
    });

    it('refuses a code for a phone that asked for none with 401 OTP_INVALID', async () => {
      expectError(await verifyOtp(t, randomPhone(), '123456'), 401, 'OTP_INVALID');
    });

    it('kills the code after 5 wrong tries: even the right one then gets 429 OTP_ATTEMPTS_EXCEEDED', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);

      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expectError(await verifyOtp(t, phone, wrongCodeFor(code)), 401, 'OTP_INVALID');
      }

      expectError(await verifyOtp(t, phone, code), 429, 'OTP_ATTEMPTS_EXCEEDED');
    });

    it('accepts a code only once', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);
      expect((await verifyOtp(t, phone, code)).status).toBe(200);

      expectError(await verifyOtp(t, phone, code), 401, 'OTP_INVALID');
    });

    it('signs in exactly once when the right code is verified six times at once: one 200 and one session', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);

      const responses = await Promise.all(Array.from({ length: 6 }, () => verifyOtp(t, phone, code)));

      const signedIn = responses.filter((response) => response.status === 200);
      expect(signedIn).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 200)) expectError(response, 401, 'OTP_INVALID');
      const userId = (signedIn[0]?.body as { user: { id: string } }).user.id;
      const families = (await t.app
        .get(DataSource)
        .query('SELECT count(DISTINCT family_id)::int AS n FROM refresh_tokens WHERE user_id = $1', [userId])) as {
        n: number;
      }[];
      expect(families[0]?.n).toBe(1);
      expect(await auditEntriesOf(t, userId, 'auth.signed_in')).toHaveLength(1);
    });

    it('refuses a code past its 120 s lifetime with 401 OTP_EXPIRED', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);
      await expireOtpCode(t, phone);

      expectError(await verifyOtp(t, phone, code), 401, 'OTP_EXPIRED');
    });

    it('records auth.signed_in in the audit log with the request id', async () => {
      const phone = randomPhone();
      const code = await requestCode(t, phone);
      const requestId = `sign-in-${randomBytes(6).toString('hex')}`;

      const response = await request(t.server)
        .post(`${API}/auth/otp/verify`)
        .set('X-Request-Id', requestId)
        .send({ phone, code });

      expect(response.status).toBe(200);
      expect(await auditEntriesOf(t, response.body.user.id, 'auth.signed_in')).toEqual([
        expect.objectContaining({
          actor_id: response.body.user.id,
          organization_id: null,
          target_id: response.body.user.id,
          request_id: requestId,
        }),
      ]);
    });
  });

  describe('the client address behind a proxy (TRUST_PROXY=true)', () => {
    it('counts a client by the address its proxy saw, whatever X-Forwarded-For it wrote itself', async () => {
      const seenByProxy = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const written = `198.51.100.${i + 1}`;
        const response = await request(t.server)
          .post(`${API}/auth/otp/request`)
          .set('X-Forwarded-For', `${written}, ${seenByProxy}`)
          .send({ phone: randomPhone() });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(202));
      expect(statuses[30]).toBe(429);
    });
  });

  describe('ceilings over all callers', () => {
    let capped: SmsTestApp;

    beforeAll(async () => {
      capped = await bootSmsTestApp({ AUTH_OTP_REQUESTS_PER_MINUTE: '3' });
    });

    afterAll(async () => {
      await capped?.close();
    });

    it('refuses the fourth sign-in code of a minute with 429 RATE_LIMITED, from any address and for any phone', async () => {
      for (let i = 0; i < 3; i++) expect((await requestOtp(capped, randomPhone(), randomClientIp())).status).toBe(202);
      const refused = await requestOtp(capped, randomPhone(), randomClientIp());
      expectError(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates the session: a new pair in the verify shape, both tokens different, for the same user', async () => {
      const session = await signIn(t);

      const response = await refresh(t, session.refreshToken);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 3600,
        user: expect.objectContaining({ id: session.user.id, phone: session.user.phone }),
      });
      expect(response.body.accessToken).not.toBe(session.accessToken);
      expect(response.body.refreshToken).not.toBe(session.refreshToken);
      expect((await getMe(t, response.body.accessToken)).body.id).toBe(session.user.id);
      expect((await refresh(t, response.body.refreshToken)).status).toBe(200);
    });

    it('treats a reused refresh token as theft: 401 REFRESH_REUSED, the whole family is revoked and the reuse is audited', async () => {
      const session = await signIn(t);
      const rotated = await refresh(t, session.refreshToken);
      expect(rotated.status).toBe(200);

      const reused = await refresh(t, session.refreshToken);

      expectError(reused, 401, 'REFRESH_REUSED');
      expect((await refresh(t, rotated.body.refreshToken)).status).toBe(401);
      expect(await auditEntriesOf(t, session.user.id, 'auth.refresh_reused')).toEqual([
        expect.objectContaining({ actor_id: session.user.id, request_id: reused.headers['x-request-id'] }),
      ]);
    });

    it('gives a session 30 days from sign-in and 14 idle: every refresh keeps the end of the sign-in', async () => {
      const session = await signIn(t);
      const rotated = await refresh(t, session.refreshToken);
      const rows = (await t.app
        .get(DataSource)
        .query(
          'SELECT expires_at, family_expires_at, created_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at',
          [session.user.id],
        )) as { expires_at: Date; family_expires_at: Date; created_at: Date }[];
      const days = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 86_400_000);
      expect(rows.map((row) => days(row.created_at, row.expires_at))).toEqual([14, 14]);
      expect(days(rows[0]!.created_at, rows[0]!.family_expires_at)).toBe(30);
      expect(rows[1]!.family_expires_at.getTime()).toBe(rows[0]!.family_expires_at.getTime());
      expect(rotated.status).toBe(200);
    });

    it('refuses a refresh once the session is past its end since sign-in, with 401 REFRESH_INVALID', async () => {
      const session = await signIn(t);
      await t.app
        .get(DataSource)
        .query(`UPDATE refresh_tokens SET family_expires_at = now() - interval '1 second' WHERE user_id = $1`, [
          session.user.id,
        ]);
      expectError(await refresh(t, session.refreshToken), 401, 'REFRESH_INVALID');
    });

    it('refuses a token it never issued with 401 REFRESH_INVALID', async () => {
      expectError(await refresh(t, randomBytes(32).toString('base64url')), 401, 'REFRESH_INVALID');
    });

    it('refuses a missing refresh token with 400 VALIDATION_FAILED', async () => {
      const response = await request(t.server).post(`${API}/auth/refresh`).send({});
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
    });
  });

  describe('POST /auth/logout', () => {
    it('answers 204 and the refresh token no longer works', async () => {
      const session = await signIn(t);

      const response = await request(t.server).post(`${API}/auth/logout`).send({ refreshToken: session.refreshToken });

      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expectError(await refresh(t, session.refreshToken), 401, 'REFRESH_INVALID');
    });

    it('answers 204 for a token it does not know, too', async () => {
      const response = await request(t.server)
        .post(`${API}/auth/logout`)
        .send({ refreshToken: randomBytes(32).toString('base64url') });
      expect(response.status).toBe(204);
    });
  });

  describe('access tokens', () => {
    let session: Session;
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

    /** An access token as the app makes them, with any claim or key overridden. */
    function accessToken(claims: Record<string, unknown> = {}, key: { secret?: string; kid?: string } = {}): string {
      const now = Math.floor(Date.now() / 1000);
      return jwt.sign(
        {
          typ: 'access',
          sub: session.user.id,
          iss: 'contexor',
          aud: 'contexor-api',
          iat: now,
          exp: now + 3600,
          ...claims,
        },
        key.secret ?? t.config.jwt.secret,
        { algorithm: 'HS256', keyid: key.kid ?? t.config.jwt.keyId },
      );
    }

    beforeAll(async () => {
      session = await signIn(t);
    });

    it('accepts a well-formed token signed with the current key (the control for the cases below)', async () => {
      const response = await getMe(t, accessToken());
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(session.user.id);
    });

    it('answers GET /me without a token with 401 UNAUTHENTICATED', async () => {
      expectError(await getMe(t), 401, 'UNAUTHENTICATED');
    });

    it('refuses a malformed Authorization header', async () => {
      expectError(
        await request(t.server).get(`${API}/me`).set('Authorization', `Token ${session.accessToken}`),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('refuses an expired access token', async () => {
      const now = Math.floor(Date.now() / 1000);
      expectError(await getMe(t, accessToken({ iat: now - 7200, exp: now - 60 })), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const other = await signIn(t);
      const [header, , signature] = session.accessToken.split('.');
      const forgedPayload = base64url({ ...(jwt.decode(session.accessToken) as object), sub: other.user.id });

      expectError(await getMe(t, `${header}.${forgedPayload}.${signature}`), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token whose signature was altered', async () => {
      const [header, payload, signature] = session.accessToken.split('.');
      const altered = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;

      expectError(await getMe(t, `${header}.${payload}.${altered}`), 401, 'UNAUTHENTICATED');
    });

    it('refuses an unsigned alg:none token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url({ alg: 'none', typ: 'JWT', kid: t.config.jwt.keyId });
      const payload = base64url({
        typ: 'access',
        sub: session.user.id,
        iss: 'contexor',
        aud: 'contexor-api',
        iat: now,
        exp: now + 3600,
      });

      expectError(await getMe(t, `${header}.${payload}.`), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token with a kid it does not know', async () => {
      expectError(await getMe(t, accessToken({}, { kid: 'no-such-key' })), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token signed with another secret', async () => {
      expectError(await getMe(t, accessToken({}, { secret: randomBytes(32).toString('hex') })), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token for another audience or of another type', async () => {
      expectError(await getMe(t, accessToken({ aud: 'someone-else' })), 401, 'UNAUTHENTICATED');
      expectError(await getMe(t, accessToken({ typ: 'refresh' })), 401, 'UNAUTHENTICATED');
    });

    describe('after a key rotation', () => {
      const oldSecret = `old-${randomBytes(24).toString('hex')}`;
      let rotated: SmsTestApp;

      beforeAll(async () => {
        rotated = await bootSmsTestApp({ JWT_PREVIOUS_KEYS: `old:${oldSecret}`, APP_ROLE: 'api' });
      });

      afterAll(async () => {
        await rotated?.close();
      });

      it('accepts a token signed with a previous key listed in JWT_PREVIOUS_KEYS', async () => {
        const token = accessToken({}, { secret: oldSecret, kid: 'old' });

        const response = await getMe(rotated, token);

        expect(response.status).toBe(200);
        expect(response.body.id).toBe(session.user.id);
      });

      it('refuses the same token where the previous key is not listed', async () => {
        expectError(await getMe(t, accessToken({}, { secret: oldSecret, kid: 'old' })), 401, 'UNAUTHENTICATED');
      });

      it('keeps accepting tokens of the current key', async () => {
        expect((await getMe(rotated, session.accessToken)).status).toBe(200);
      });
    });
  });

  describe('GET and PATCH /me', () => {
    it('shows the user with every membership: organization id, name and role', async () => {
      const user = await signIn(t);
      const own = await createOrganizationAs(t, user, `آژانس نوآوران ${randomBytes(3).toString('hex')}`);
      const otherAdmin = await signIn(t);
      const other = await createOrganizationAs(t, otherAdmin);
      await addMember(t, otherAdmin, other.id, user.user.phone, 'EDITOR');

      const response = await getMe(t, user.accessToken);

      expect(response.status).toBe(200);
      expect(response.body).toEqual(expect.objectContaining({ id: user.user.id, phone: user.user.phone, name: null }));
      expect(response.body.memberships).toHaveLength(2);
      expect(response.body.memberships).toEqual(
        expect.arrayContaining([
          { organizationId: own.id, organizationName: own.name, role: 'ADMIN' },
          { organizationId: other.id, organizationName: other.name, role: 'EDITOR' },
        ]),
      );
    });

    it('shows no memberships for a new user', async () => {
      const user = await signIn(t);
      expect((await getMe(t, user.accessToken)).body.memberships).toEqual([]);
    });

    it('renames the user (a Persian name) and answers with the user', async () => {
      const user = await signIn(t);

      const response = await request(t.server).patch(`${API}/me`).set(bearer(user)).send({ name: 'سارا محمدی' });

      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        expect.objectContaining({ id: user.user.id, phone: user.user.phone, name: 'سارا محمدی', memberships: [] }),
      );
      expect((await getMe(t, user.accessToken)).body.name).toBe('سارا محمدی');
    });

    it('refuses an unknown field with 400 VALIDATION_FAILED naming it', async () => {
      const user = await signIn(t);

      const response = await request(t.server)
        .patch(`${API}/me`)
        .set(bearer(user))
        .send({ name: 'Sara', phone: '09120000000' });

      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'phone' })]);
      expect((await getMe(t, user.accessToken)).body).toEqual(
        expect.objectContaining({ phone: user.user.phone, name: null }),
      );
    });

    it('refuses PATCH /me without a token with 401 UNAUTHENTICATED', async () => {
      expectError(await request(t.server).patch(`${API}/me`).send({ name: 'Sara' }), 401, 'UNAUTHENTICATED');
    });
  });
});

describe('Auth: the per-IP limit on code requests', () => {
  let t: SmsTestApp;

  beforeAll(async () => {
    // An app of its own (own Redis prefix), so its counters start at zero.
    t = await bootSmsTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses the 31st request from one IP within the hour with 429 RATE_LIMITED, whatever the phone, and still serves other IPs', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i += 1) {
      expect((await requestOtp(t, randomPhone(), ip)).status).toBe(202);
    }

    const refused = await requestOtp(t, randomPhone(), ip);

    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await requestOtp(t, randomPhone(), '203.0.113.10')).status).toBe(202);
  });
});

describe('Auth: SMS delivery failures', () => {
  let t: SmsTestApp;
  let queue: Queue<SendOtpSmsPayload>;

  beforeAll(async () => {
    // Its own app and fake Kavenegar: scripted failures must meet this test's job and no other.
    t = await bootSmsTestApp();
    queue = t.app.get<Queue<SendOtpSmsPayload>>(getQueueToken(ACCOUNTS_SMS_QUEUE));
  });

  afterAll(async () => {
    await t?.close();
  });

  const lookupsFor = (phone: string) => t.fake.requests.filter((r) => r.params.receptor === phone);

  it('still delivers the code when Kavenegar answers 503 twice: the job retries with backoff', async () => {
    const phone = randomPhone();
    const since = t.fake.messages.length;
    t.fake.failNext(2, 503);

    expect((await requestOtp(t, phone)).status).toBe(202);

    // Backoff 2 s, then 4 s.
    const message = await t.fake.waitForMessage(phone, 20_000, since);
    expect(lookupsFor(phone)).toHaveLength(3);
    expect((await verifyOtp(t, phone, message.token)).status).toBe(200);
  }, 30_000);

  it('does not retry a configuration failure (418, no credit): Kavenegar sees exactly one request', async () => {
    const phone = randomPhone();
    t.fake.failNext(1, 418);

    expect((await requestOtp(t, phone)).status).toBe(202);

    const job = await eventually('the SMS job to fail for good', async () =>
      (await queue.getFailed()).find((j) => j.data.phoneE164 === toE164(phone)),
    );
    expect(job.failedReason).toContain('418');
    expect(job.attemptsMade).toBe(1);
    expect(await job.getState()).toBe('failed');
    expect(lookupsFor(phone)).toHaveLength(1);
    expect(t.fake.messages.filter((m) => m.receptor === phone)).toHaveLength(0);
  });
});
