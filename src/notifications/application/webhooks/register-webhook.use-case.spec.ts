import { loadConfig } from '#libs/config';
import { FixedClock, RecordingAuditLog } from '../../../../test/fakes/accounts/recording-ports';
import { InlineUnitOfWork } from '../../../../test/fakes/inline-unit-of-work';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { CheckTargetAddressUseCase } from './check-target-address.use-case';
import { RegisterWebhookUseCase } from './register-webhook.use-case';
import { HostResolver, type WebhookEndpointRepository, type WebhookSecrets } from './webhook-ports';

class Resolver extends HostResolver {
  constructor(private readonly answers: Record<string, string[]>) {
    super();
  }
  async resolve(host: string): Promise<string[]> {
    const answer = this.answers[host];
    if (!answer) throw new Error('ENOTFOUND');
    return answer;
  }
}

function setUp(allowPrivate: boolean) {
  const added: WebhookEndpoint[] = [];
  const endpoints = {
    add: async (endpoint: WebhookEndpoint) => void added.push(endpoint),
  } as unknown as WebhookEndpointRepository;
  const secrets: WebhookSecrets = { generate: () => 'whsec_dGVzdA==' };
  const audit = new RecordingAuditLog();
  const resolver = new Resolver({
    'hooks.example.com': ['93.184.216.34'],
    'internal.example.com': ['93.184.216.34', '10.0.0.7'],
    'rebind.example.com': ['127.0.0.1'],
  });
  const config = loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: String(allowPrivate) });
  const useCase = new RegisterWebhookUseCase(
    endpoints,
    new CheckTargetAddressUseCase(resolver, config),
    secrets,
    audit,
    new FixedClock(),
    new InlineUnitOfWork(),
  );
  return { useCase, added, audit };
}

const actor = { userId: 'admin-1', requestId: 'req-1', ip: '10.0.0.1' };

describe('RegisterWebhookUseCase', () => {
  it('registers a public URL with a new secret, de-duplicates events, and audits it', async () => {
    const { useCase, added, audit } = setUp(false);

    const endpoint = await useCase.execute(actor, 'org-1', {
      url: 'https://hooks.example.com/in',
      events: ['content.approved', 'content.approved'],
    });

    expect(endpoint).toMatchObject({
      organizationId: 'org-1',
      url: 'https://hooks.example.com/in',
      events: ['content.approved'],
      secret: 'whsec_dGVzdA==',
    });
    expect(added).toHaveLength(1);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'webhook.created',
        targetId: endpoint.id,
        metadata: { url: endpoint.url, events: ['content.approved'] },
      }),
    ]);
  });

  it.each([
    ['a loopback IP', 'http://127.0.0.1:8080/'],
    ['a private IP', 'http://192.168.1.10/'],
    ['the cloud metadata address', 'http://169.254.169.254/latest'],
    ['an IPv6 loopback', 'http://[::1]/'],
    ['localhost', 'http://localhost:3000/'],
    ['a name with one private address among public ones', 'https://internal.example.com/'],
    ['a name that resolves to loopback', 'https://rebind.example.com/'],
  ])('refuses %s with WEBHOOK_TARGET_FORBIDDEN', async (_, url) => {
    const { useCase, added } = setUp(false);
    await expect(useCase.execute(actor, 'org-1', { url, events: ['content.approved'] })).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    expect(added).toHaveLength(0);
  });

  it('refuses a host that does not resolve', async () => {
    const { useCase } = setUp(false);
    await expect(
      useCase.execute(actor, 'org-1', { url: 'https://nowhere.invalid/', events: ['content.approved'] }),
    ).rejects.toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
  });

  it('allows private targets when the deployment says so', async () => {
    const { useCase } = setUp(true);
    await expect(
      useCase.execute(actor, 'org-1', { url: 'http://127.0.0.1:8080/', events: ['content.approved'] }),
    ).resolves.toMatchObject({ url: 'http://127.0.0.1:8080/' });
  });
});
