import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  addMember,
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  randomPhone,
  signIn,
  signInAsMember,
  type OrganizationSummary,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import { TestAuthenticator } from '../support/authenticator';
import { createContent, createProject, expectError } from '../support/content-helpers';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const toPersianDigits = (code: string) => code.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);

describe('Two-factor authentication and step-up (HTTP)', () => {
  let t: SmsTestApp;

  beforeAll(async () => {
    t = await bootSmsTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);

  /** Enrols an authenticator for the session's user and confirms it with a first code. */
  async function enrol(session: Session): Promise<TestAuthenticator> {
    const started = await http().post(`${API}/me/two-factor`).set(bearer(session));
    expect(started.status).toBe(201);
    const app = new TestAuthenticator(started.body.secret as string);
    const confirmed = await http()
      .post(`${API}/me/two-factor/confirm`)
      .set(bearer(session))
      .send({ code: await app.nextCode() });
    expect(confirmed.status).toBe(200);
    return app;
  }

  async function stepUp(session: Session, app: TestAuthenticator): Promise<Session> {
    const response = await http()
      .post(`${API}/auth/step-up`)
      .set(bearer(session))
      .send({ code: await app.nextCode() });
    expect(response.status).toBe(200);
    return { ...session, accessToken: response.body.accessToken as string };
  }

  describe('enrolment', () => {
    it('enrols an authenticator: a secret and an otpauth URI, active once a first code confirms it', async () => {
      const user = await signIn(t);
      expect((await http().get(`${API}/me/two-factor`).set(bearer(user))).body).toEqual({
        enabled: false,
        enabledAt: null,
        pending: false,
        requiredBy: [],
      });

      const started = await http().post(`${API}/me/two-factor`).set(bearer(user));
      expect(started.status).toBe(201);
      expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(started.body.otpauthUri as string);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.searchParams.get('secret')).toBe(started.body.secret);
      expect(uri.searchParams.get('issuer')).toBe('Contexor');
      expect((await http().get(`${API}/me/two-factor`).set(bearer(user))).body).toMatchObject({
        enabled: false,
        pending: true,
      });

      const app = new TestAuthenticator(started.body.secret as string);
      expectError(
        await http().post(`${API}/me/two-factor/confirm`).set(bearer(user)).send({ code: '000000' }),
        401,
        'TWO_FACTOR_CODE_INVALID',
      );
      const confirmed = await http()
        .post(`${API}/me/two-factor/confirm`)
        .set(bearer(user))
        .send({ code: toPersianDigits(await app.nextCode()) });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ enabled: true, enabledAt: expect.any(String), pending: false, requiredBy: [] });

      expectError(await http().post(`${API}/me/two-factor`).set(bearer(user)), 409, 'TWO_FACTOR_ALREADY_ENABLED');
    });

    it('keeps the secret encrypted in the database', async () => {
      const user = await signIn(t);
      const started = await http().post(`${API}/me/two-factor`).set(bearer(user));
      const [row] = (await t.app
        .get(DataSource)
        .query('SELECT secret FROM user_two_factor WHERE user_id = $1', [user.user.id])) as { secret: string }[];
      expect(row!.secret).toMatch(/^enc:v1:/);
      expect(row!.secret).not.toContain(started.body.secret);
    });

    it('accepts each code once: the same code twice is refused', async () => {
      const user = await signIn(t);
      const app = await enrol(user);
      const spent = app.codeOfStep(app.lastUsedStep);

      expectError(
        await http().post(`${API}/auth/step-up`).set(bearer(user)).send({ code: spent }),
        401,
        'TWO_FACTOR_CODE_INVALID',
      );
    });

    it('disables with a current code, and refuses without one', async () => {
      const user = await signIn(t);
      const app = await enrol(user);

      expectError(
        await http().post(`${API}/me/two-factor/disable`).set(bearer(user)).send({ code: '123' }),
        401,
        'TWO_FACTOR_CODE_INVALID',
      );
      const disabled = await http()
        .post(`${API}/me/two-factor/disable`)
        .set(bearer(user))
        .send({ code: await app.nextCode() });
      expect(disabled.status).toBe(204);
      expect((await http().get(`${API}/me/two-factor`).set(bearer(user))).body.enabled).toBe(false);
    });

    it('allows ten code tries per user per 15 minutes, counted per user, not per address', async () => {
      const [guesser, neighbour] = await Promise.all([signIn(t), signIn(t)]);
      await enrol(guesser);
      const neighbourApp = await enrol(neighbour);
      const guess = () => http().post(`${API}/auth/step-up`).set(bearer(guesser)).send({ code: '000000' });

      // The confirmation was the first try of the ten.
      for (let i = 0; i < 9; i += 1) expectError(await guess(), 401, 'TWO_FACTOR_CODE_INVALID');
      expectError(await guess(), 429, 'RATE_LIMITED');

      const fromSameAddress = await http()
        .post(`${API}/auth/step-up`)
        .set(bearer(neighbour))
        .send({ code: await neighbourApp.nextCode() });
      expect(fromSameAddress.status).toBe(200);
    });

    it('refuses a step-up to a user without an authenticator with 409 TWO_FACTOR_NOT_ENABLED', async () => {
      const user = await signIn(t);
      expectError(
        await http().post(`${API}/auth/step-up`).set(bearer(user)).send({ code: '123456' }),
        409,
        'TWO_FACTOR_NOT_ENABLED',
      );
    });
  });

  describe('an organization that requires it of its ADMINs', () => {
    let admin: Session;
    let adminApp: TestAuthenticator;
    let steppedUp: Session;
    let org: OrganizationSummary;

    beforeAll(async () => {
      admin = await signIn(t);
      org = await createOrganizationAs(t, admin);
      adminApp = await enrol(admin);
      steppedUp = await stepUp(admin, adminApp);
    });

    it('lets only an admin with an authenticator, stepped up, turn the rule on', async () => {
      const other = await signIn(t);
      const otherOrg = await createOrganizationAs(t, other);
      expectError(
        await http()
          .put(`${API}/organizations/${otherOrg.id}/two-factor`)
          .set(bearer(other))
          .send({ requireAdminTwoFactor: true }),
        403,
        'TWO_FACTOR_ENROLMENT_REQUIRED',
      );

      expectError(
        await http()
          .put(`${API}/organizations/${org.id}/two-factor`)
          .set(bearer(admin))
          .send({ requireAdminTwoFactor: true }),
        403,
        'STEP_UP_REQUIRED',
      );
      const turnedOn = await http()
        .put(`${API}/organizations/${org.id}/two-factor`)
        .set(bearer(steppedUp))
        .send({ requireAdminTwoFactor: true });
      expect(turnedOn.status).toBe(200);
      expect(turnedOn.body).toMatchObject({ id: org.id, requireAdminTwoFactor: true });
      expect((await http().get(`${API}/organizations/${org.id}`).set(bearer(admin))).body.requireAdminTwoFactor).toBe(
        true,
      );
    });

    it('asks an admin without an authenticator to enrol before a sensitive action, and lets ordinary reads through', async () => {
      const secondAdmin = await signInAsMember(t, steppedUp, org.id, 'ADMIN');

      expectError(
        await http()
          .post(`${API}/organizations/${org.id}/members`)
          .set(bearer(secondAdmin))
          .send({ phone: randomPhone(), role: 'VIEWER' }),
        403,
        'TWO_FACTOR_ENROLMENT_REQUIRED',
      );
      expect((await http().get(`${API}/organizations/${org.id}/members`).set(bearer(secondAdmin))).status).toBe(200);
    });

    it('refuses every sensitive action without a fresh step-up, and allows it with one', async () => {
      const workspace = await http()
        .post(`${API}/organizations/${org.id}/workspaces`)
        .set(bearer(admin))
        .send({ name: 'w' });
      const project = await createProject(t, admin, workspace.body.id as string);
      const content = await createContent(t, admin, project.id);
      const member = await addMember(t, steppedUp, org.id, randomPhone(), 'VIEWER');
      const sensitive: [string, (as: Session) => request.Test][] = [
        [
          'add a member',
          (as) =>
            http()
              .post(`${API}/organizations/${org.id}/members`)
              .set(bearer(as))
              .send({ phone: randomPhone(), role: 'VIEWER' }),
        ],
        [
          'change a role',
          (as) =>
            http()
              .patch(`${API}/organizations/${org.id}/members/${member.userId}`)
              .set(bearer(as))
              .send({ role: 'EDITOR' }),
        ],
        [
          'set usage limits',
          (as) =>
            http()
              .put(`${API}/organizations/${org.id}/usage/limits`)
              .set(bearer(as))
              .send({ monthlyTokenLimit: 1000, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null }),
        ],
        [
          'register a webhook',
          (as) =>
            http()
              .post(`${API}/organizations/${org.id}/webhooks`)
              .set(bearer(as))
              .send({ url: 'https://hooks.example.com/x', events: ['content.approved'] }),
        ],
        [
          'set the organization’s AI provider',
          (as) =>
            http()
              .put(`${API}/organizations/${org.id}/ai-provider`)
              .set(bearer(as))
              .send({
                baseUrl: 'https://93.184.216.34/v1',
                apiKey: 'sk-relay-key-0001',
                models: [{ id: 'm', inputUsdPerMTok: '1', cachedInputUsdPerMTok: '1', outputUsdPerMTok: '1' }],
              }),
        ],
        [
          'return to the deployment’s AI provider',
          (as) => http().delete(`${API}/organizations/${org.id}/ai-provider`).set(bearer(as)),
        ],
        [
          'change the content policy',
          (as) => http().put(`${API}/organizations/${org.id}/content-policy`).set(bearer(as)).send({}),
        ],
        ['approve', (as) => http().post(`${API}/contents/${content.id}/approve`).set(bearer(as)).send({ version: 1 })],
        [
          'remove a member',
          (as) => http().delete(`${API}/organizations/${org.id}/members/${member.userId}`).set(bearer(as)),
        ],
      ];

      for (const [, send] of sensitive) expectError(await send(admin), 403, 'STEP_UP_REQUIRED');
      for (const [action, send] of sensitive) {
        const response = await send(steppedUp);
        // Past the guard: whatever the action itself answers, it is not the step-up refusal.
        expect({ action, code: response.body?.code }).not.toEqual({ action, code: 'STEP_UP_REQUIRED' });
        expect({ action, status: response.status }).not.toEqual({ action, status: 403 });
      }
      expect((await http().get(`${API}/organizations/${org.id}/members`).set(bearer(admin))).body).not.toContainEqual(
        expect.objectContaining({ userId: member.userId }),
      );
    });

    it('says how old a step-up may be, and refuses one older than 10 minutes', async () => {
      const refused = await http()
        .post(`${API}/organizations/${org.id}/members`)
        .set(bearer(admin))
        .send({ phone: randomPhone(), role: 'VIEWER' });
      expectError(refused, 403, 'STEP_UP_REQUIRED');
      expect(refused.body.details).toEqual({ maxAgeSeconds: 600 });

      // A token the server itself would have issued 11 minutes after a step-up.
      const jwt = new JwtService();
      const stale = jwt.sign(
        { typ: 'access', sua: Math.floor(Date.now() / 1000) - 660 },
        {
          secret: createSecretKey(Buffer.from(t.config.jwt.secret, 'utf8')) as unknown as Buffer,
          algorithm: 'HS256',
          keyid: t.config.jwt.keyId,
          subject: admin.user.id,
          issuer: 'contexor',
          audience: 'contexor-api',
          expiresIn: 600,
        },
      );
      expectError(
        await http()
          .post(`${API}/organizations/${org.id}/members`)
          .set(bearer(stale))
          .send({ phone: randomPhone(), role: 'VIEWER' }),
        403,
        'STEP_UP_REQUIRED',
      );
    });

    it('answers the step-up with a token and how long it counts', async () => {
      const user = await signIn(t);
      const app = await enrol(user);
      const response = await http()
        .post(`${API}/auth/step-up`)
        .set(bearer(user))
        .send({ code: await app.nextCode() });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 3600,
        steppedUpAt: expect.any(String),
        stepUpExpiresAt: expect.any(String),
      });
      const window = Date.parse(response.body.stepUpExpiresAt) - Date.parse(response.body.steppedUpAt);
      expect(window).toBe(600_000);
    });

    it('keeps an admin of such an organization from disabling their authenticator', async () => {
      const response = await http().post(`${API}/me/two-factor/disable`).set(bearer(admin)).send({ code: '123456' });
      expectError(response, 409, 'TWO_FACTOR_REQUIRED_BY_ORGANIZATION');
      expect(response.body.details).toEqual({ organizationIds: [org.id] });
      expect((await http().get(`${API}/me/two-factor`).set(bearer(admin))).body.requiredBy).toEqual([org.id]);
    });
  });
});
