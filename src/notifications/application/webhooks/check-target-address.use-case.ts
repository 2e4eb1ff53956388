import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { isForbiddenTarget } from '#libs/net';
import { parseWebhookUrl } from '../../domain/webhooks/webhook-url';
import { WebhookUrlInvalidError } from '../../domain/webhooks/webhook.errors';
import { HostResolver } from './webhook-ports';

/** `allowed`, or why not: not an http(s) URL without credentials, a host that does not resolve, a forbidden address. */
export type TargetVerdict = 'allowed' | 'invalid' | 'unresolvable' | 'forbidden';

/**
 * The address guard of outgoing calls to URLs an organization chose (webhooks, its own AI
 * provider): http(s) without credentials, and — unless WEBHOOK_ALLOW_PRIVATE_TARGETS — no
 * localhost, and no host resolving to a loopback, private, link-local or otherwise reserved address.
 */
@Injectable()
export class CheckTargetAddressUseCase {
  constructor(
    private readonly resolver: HostResolver,
    private readonly config: AppConfig,
  ) {}

  async execute(rawUrl: string): Promise<TargetVerdict> {
    let url: URL;
    try {
      url = parseWebhookUrl(rawUrl);
    } catch (error) {
      if (error instanceof WebhookUrlInvalidError) return 'invalid';
      throw error;
    }
    return this.config.webhooks.allowPrivateTargets ? 'allowed' : this.judgeHost(url.hostname);
  }

  private async judgeHost(hostname: string): Promise<TargetVerdict> {
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (host === 'localhost' || host.endsWith('.localhost')) return 'forbidden';
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await this.resolver.resolve(host);
    } catch {
      return 'unresolvable';
    }
    return !addresses.length || addresses.some(isForbiddenTarget) ? 'forbidden' : 'allowed';
  }
}
