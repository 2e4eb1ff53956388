import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '#libs/ddd';
import { ResolveMembershipUseCase } from '../../../../accounts';
import { checkStyle, type StyleReport } from '../../../domain/style';
import { GlossaryRepository } from '../../ports/glossary.repository';

export interface CheckTextStyleInput {
  text: string;
  /** The organization whose glossary applies; the caller must be a member (an outsider gets 404). */
  organizationId?: string;
}

/** POST /style/check: any signed-in user checks any text, with an organization's glossary when named. */
@Injectable()
export class CheckTextStyleUseCase {
  constructor(
    private readonly membership: ResolveMembershipUseCase,
    private readonly glossaries: GlossaryRepository,
  ) {}

  async execute(actor: Actor, input: CheckTextStyleInput): Promise<StyleReport> {
    if (input.organizationId === undefined) return checkStyle(input.text);
    const role = await this.membership.execute(actor.userId, input.organizationId);
    if (!role) throw new NotFoundError('Organization');
    return checkStyle(input.text, await this.glossaries.find(input.organizationId));
  }
}
