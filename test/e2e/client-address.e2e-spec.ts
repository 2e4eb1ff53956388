import { createHmac, randomInt } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { API, bearer, bootSmsTestApp, randomPhone, type SmsTestApp } from '../support/auth-helpers';

const SECRET = 'dashboard-and-api-share-this-client-address-secret';

/** `X-Contexor-Client` as the dashboard's server writes it (README, "The real client behind the dashboard"). */
function signed(address: string, secret = SECRET, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const payload = `${address}.${unixSeconds}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

const documentationAddress = () => `198.51.100.${1 + randomInt(254)}`;

describe('The client address the dashboard signs (X-Contexor-Client, CLIENT_ADDRESS_SECRET set)', () => {
  let t: SmsTestApp;

  beforeAll(async () => {
    // Every request comes from this test's one socket, as every dashboard request comes from the BFF's.
    t = await bootSmsTestApp({ CLIENT_ADDRESS_SECRET: SECRET, TRUST_PROXY: 'false' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const requestOtp = (header?: string) => {
    const call = request(t.server).post(`${API}/auth/otp/request`);
    return (header === undefined ? call : call.set('X-Contexor-Client', header)).send({ phone: randomPhone() });
  };

  it('gives two signed client addresses separate per-IP budgets for sign-in codes, though both come from one socket', async () => {
    const [first, second] = ['203.0.113.21', '2001:db8::22'];
    for (let i = 0; i < 30; i++) expect((await requestOtp(signed(first))).status).toBe(202);

    const refused = await requestOtp(signed(first));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');

    const other = await requestOtp(signed(second));
    expect(other.status).toBe(202);
    expect(other.headers['x-ratelimit-remaining']).toBe('29');
  });

  it('counts forged, expired, malformed and unsigned headers against the socket they came from, and a signed one by its own address', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forgeries = [
      () => signed(documentationAddress(), 'a-secret-the-client-guessed-of-40-chars'),
      () => signed(documentationAddress(), SECRET, now - 120),
      () => signed(documentationAddress(), SECRET, now + 120),
      () => signed(documentationAddress()).replace(/^198\.51\.100\.\d+/, '192.0.2.99'),
      () => documentationAddress(),
      () => 'not an address at all',
    ];
    for (let i = 0; i < 30; i++) {
      const response = await requestOtp(i % 5 === 4 ? undefined : forgeries[i % forgeries.length]!());
      expect(response.status).toBe(202);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(29 - i));
    }

    const refused = await requestOtp(forgeries[0]!());
    expect(refused.status).toBe(429);
    expect((await requestOtp()).status).toBe(429);
    expect((await requestOtp(signed('203.0.113.23'))).status).toBe(202);
  });

  it('writes the signed address into the audit log: sign-in (no organization) and the actor of an authenticated change', async () => {
    const [signInAddress, laterAddress] = ['203.0.113.24', '2001:db8::25'];
    const phone = randomPhone();
    const since = t.fake.messages.length;
    expect(
      (
        await request(t.server)
          .post(`${API}/auth/otp/request`)
          .set('X-Contexor-Client', signed(signInAddress))
          .send({ phone })
      ).status,
    ).toBe(202);
    const code = (await t.fake.waitForMessage(phone, 10_000, since)).token;
    const session = await request(t.server)
      .post(`${API}/auth/otp/verify`)
      .set('X-Contexor-Client', signed(signInAddress))
      .send({ phone, code });
    expect(session.status).toBe(200);

    const [signedIn] = (await t.app
      .get(DataSource)
      .query(`SELECT ip FROM audit_log WHERE actor_id = $1 AND action = 'auth.signed_in'`, [session.body.user.id])) as {
      ip: string;
    }[];
    expect(signedIn?.ip).toBe(signInAddress);

    const organization = await request(t.server)
      .post(`${API}/organizations`)
      .set(bearer(session.body.accessToken))
      .set('X-Contexor-Client', signed(laterAddress))
      .send({ name: 'Client address' });
    expect(organization.status).toBe(201);
    const log = await request(t.server)
      .get(`${API}/organizations/${organization.body.id}/audit-log`)
      .set(bearer(session.body.accessToken));
    expect(log.body.items).toEqual([expect.objectContaining({ action: 'organization.created', ip: laterAddress })]);
  });
});
