import request from 'supertest';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import { createProject, expectError, setUpContentTeam, type ContentTeam } from '../support/content-helpers';

/**
 * Input that used to answer 500 (found by hand over HTTP): each is refused at validation with 400
 * in the contract's shape, and leaves nothing behind.
 */
describe('hostile input (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.editor, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const organizationsOfAdmin = async () =>
    ((await http().get(`${API}/organizations`).set(bearer(team.admin))).body as { id: string }[]).length;

  it.each([
    ['a NUL byte', 'سازمان\u0000'],
    ['a lone high surrogate', 'سازمان \ud800'],
    ['a lone low surrogate', '\udc00 سازمان'],
  ])('refuses %s in a text field with 400 VALIDATION_FAILED and creates nothing', async (_, name) => {
    const before = await organizationsOfAdmin();
    const response = await http().post(`${API}/organizations`).set(bearer(team.admin)).send({ name });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.details.fields).toEqual([{ field: 'name', messages: [expect.any(String)] }]);
    expect(await organizationsOfAdmin()).toBe(before);
  });

  it('refuses a JSON body nested 40 levels deep with 400', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expectError(
      await http().post(`${API}/organizations`).set(bearer(team.admin)).send({ name: 'ژرف', deep }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each(['99999999999', '1e20'])('refuses page=%s with 400 instead of overflowing the offset', async (page) => {
    expectError(
      await http().get(`${API}/projects/${projectId}/contents`).query({ page }).set(bearer(team.viewer)),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each(['20261101', '2026-W01', '2026-123', '2026-02-30', '2026-11-01T10:00'])(
    'refuses from=%s: only a date or an instant with an offset',
    async (from) => {
      expectError(
        await http().get(`${API}/projects/${projectId}/contents`).query({ from }).set(bearer(team.viewer)),
        400,
        'VALIDATION_FAILED',
      );
    },
  );

  it('accepts the two documented forms, in Persian digits too', async () => {
    for (const from of ['2026-11-01', '2026-11-01T10:00:00+03:30', '۲۰۲۶-۱۱-۰۱'])
      expect(
        (await http().get(`${API}/projects/${projectId}/contents`).query({ from }).set(bearer(team.viewer))).status,
      ).toBe(200);
  });

  it('answers a search made only of tatweels as one with no words: 200', async () => {
    const response = await http()
      .get(`${API}/projects/${projectId}/contents`)
      .query({ q: 'ـــ' })
      .set(bearer(team.viewer));
    expect(response.status).toBe(200);
  });

  it('refuses a webhook URL longer than 2 000 characters once percent-encoded with 400 WEBHOOK_URL_INVALID', async () => {
    const response = await http()
      .post(`${API}/organizations/${team.org.id}/webhooks`)
      .set(bearer(team.admin))
      .send({ url: `https://hooks.example.com/${'ب'.repeat(900)}`, events: ['content.generated'] });
    expectError(response, 400, 'WEBHOOK_URL_INVALID');
  });
});
