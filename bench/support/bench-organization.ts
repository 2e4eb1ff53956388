import type { FakeKavenegarServer } from '../../test/fakes/fake-kavenegar.server';

export interface BenchOrganization {
  token: string;
  organizationId: string;
  projectId: string;
}

/** A call to `<baseUrl>/api/v1<path>` that must succeed; its JSON answer. */
export async function callApi<T>(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Signs a new phone in through the real OTP flow (the fake Kavenegar receives the code; a queue
 * worker must run to send it), then makes an organization, a workspace and a project.
 */
export async function newBenchOrganization(
  baseUrl: string,
  kavenegar: FakeKavenegarServer,
): Promise<BenchOrganization> {
  const phone = `0912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  const since = kavenegar.messages.length;
  await callApi(baseUrl, 'POST', '/auth/otp/request', null, { phone });
  const message = await kavenegar.waitForMessage(phone, 10_000, since);
  const { accessToken: token } = await callApi<{ accessToken: string }>(baseUrl, 'POST', '/auth/otp/verify', null, {
    phone,
    code: message.token,
  });
  const org = await callApi<{ id: string }>(baseUrl, 'POST', '/organizations', token, { name: 'بنچمارک' });
  const workspace = await callApi<{ id: string }>(baseUrl, 'POST', `/organizations/${org.id}/workspaces`, token, {
    name: 'فضای کار',
  });
  const project = await callApi<{ id: string }>(baseUrl, 'POST', `/workspaces/${workspace.id}/projects`, token, {
    name: 'پروژه',
  });
  return { token, organizationId: org.id, projectId: project.id };
}
