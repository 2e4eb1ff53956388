import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { HostResolver } from '../../application/webhooks/webhook-ports';

@Injectable()
export class DnsHostResolver extends HostResolver {
  async resolve(host: string): Promise<string[]> {
    if (isIP(host)) return [host];
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  }
}
