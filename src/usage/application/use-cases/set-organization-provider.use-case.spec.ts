import { loadConfig } from '#libs/config';
import { FixedClock } from '../../../../test/fakes/accounts/recording-ports';
import { InlineUnitOfWork } from '../../../../test/fakes/inline-unit-of-work';
import { RecordingUsageAudit } from '../../../../test/fakes/usage/usage-fakes';
import { CheckTargetAddressUseCase } from '../../../notifications/application/webhooks/check-target-address.use-case';
import { HostResolver } from '../../../notifications/application/webhooks/webhook-ports';
import type { OrganizationProvider } from '../../domain/organization-provider';
import { OrganizationProviderRepository, type ProviderAddressGuard } from '../ports/organization-providers';
import { RemoveOrganizationProviderUseCase } from './remove-organization-provider.use-case';
import { SetOrganizationProviderUseCase } from './set-organization-provider.use-case';

class Resolver extends HostResolver {
  resolve(host: string): Promise<string[]> {
    const answers: Record<string, string[]> = {
      'relay.example.com': ['93.184.216.34'],
      'internal.example.com': ['10.1.2.3'],
    };
    return answers[host] ? Promise.resolve(answers[host]) : Promise.reject(new Error('ENOTFOUND'));
  }
}

class InMemoryProviders extends OrganizationProviderRepository {
  readonly rows = new Map<string, OrganizationProvider>();
  findByOrganization(organizationId: string) {
    return Promise.resolve(this.rows.get(organizationId));
  }
  save(provider: OrganizationProvider) {
    this.rows.set(provider.organizationId, provider);
    return Promise.resolve();
  }
  removeForOrganization(organizationId: string) {
    const removed = this.rows.get(organizationId);
    this.rows.delete(organizationId);
    return Promise.resolve(removed);
  }
}

function setUp(allowPrivate: boolean) {
  const providers = new InMemoryProviders();
  const audit = new RecordingUsageAudit();
  const config = loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: String(allowPrivate) });
  const targets = new CheckTargetAddressUseCase(new Resolver(), config);
  const guard: ProviderAddressGuard = { check: (url: string) => targets.execute(url) };
  const set = new SetOrganizationProviderUseCase(providers, guard, audit, new FixedClock(), new InlineUnitOfWork());
  const remove = new RemoveOrganizationProviderUseCase(providers, audit, new InlineUnitOfWork());
  return { providers, audit, set, remove };
}

const actor = { userId: 'admin-1', requestId: 'req-1', ip: '10.0.0.1' };
const input = (baseUrl: string) => ({
  baseUrl,
  apiKey: 'sk-relay-0123456789abcd',
  models: [{ id: 'gpt-4.1-mini', inputUsdPerMTok: '0.4', cachedInputUsdPerMTok: '0.1', outputUsdPerMTok: '1.6' }],
});

describe('SetOrganizationProviderUseCase', () => {
  it('keeps a public base URL (without its trailing slash) and audits the change without the key', async () => {
    const { set, providers, audit } = setUp(false);

    await set.execute(actor, 'org-1', input('https://relay.example.com/v1/'));

    expect(providers.rows.get('org-1')?.baseUrl).toBe('https://relay.example.com/v1');
    expect(audit.providerEntries).toEqual([
      expect.objectContaining({ action: 'ai_provider.set', organizationId: 'org-1', before: null }),
    ]);
    expect(JSON.stringify(audit.providerEntries)).not.toContain('sk-relay-0123456789');
    expect(audit.providerEntries[0]?.after?.apiKeyLast4).toBe('abcd');
  });

  it.each([
    ['http://127.0.0.1:8080/v1', 'AI_PROVIDER_TARGET_FORBIDDEN'],
    ['http://localhost/v1', 'AI_PROVIDER_TARGET_FORBIDDEN'],
    ['https://[::1]/v1', 'AI_PROVIDER_TARGET_FORBIDDEN'],
    ['https://169.254.169.254/latest', 'AI_PROVIDER_TARGET_FORBIDDEN'],
    ['https://internal.example.com/v1', 'AI_PROVIDER_TARGET_FORBIDDEN'],
    ['https://nowhere.example.com/v1', 'AI_PROVIDER_URL_INVALID'],
    ['https://user:pass@relay.example.com/v1', 'AI_PROVIDER_URL_INVALID'],
    ['ftp://relay.example.com/v1', 'AI_PROVIDER_URL_INVALID'],
  ])('refuses %s with %s when private targets are not allowed, and keeps nothing', async (url, code) => {
    const { set, providers, audit } = setUp(false);

    await expect(set.execute(actor, 'org-1', input(url))).rejects.toMatchObject({ code, kind: 'invalid' });
    expect(providers.rows.size).toBe(0);
    expect(audit.providerEntries).toHaveLength(0);
  });

  it('accepts a loopback base URL where the deployment allows private targets (WEBHOOK_ALLOW_PRIVATE_TARGETS)', async () => {
    const { set, providers } = setUp(true);

    await set.execute(actor, 'org-1', input('http://127.0.0.1:8080/v1'));

    expect(providers.rows.has('org-1')).toBe(true);
  });

  it('removes the provider, audited once; removing none changes nothing', async () => {
    const { set, remove, providers, audit } = setUp(false);
    await set.execute(actor, 'org-1', input('https://relay.example.com/v1'));

    await remove.execute(actor, 'org-1');
    await remove.execute(actor, 'org-1');

    expect(providers.rows.size).toBe(0);
    expect(audit.providerEntries.map((entry) => entry.action)).toEqual(['ai_provider.set', 'ai_provider.removed']);
  });
});
