import { Injectable } from '@nestjs/common';
import type { ContentPolicy } from '../../../domain/content-policy';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';

@Injectable()
export class GetContentPolicyUseCase {
  constructor(private readonly policies: ContentPolicyRepository) {}

  execute(organizationId: string): Promise<ContentPolicy> {
    return this.policies.find(organizationId);
  }
}
