import { Injectable } from '@nestjs/common';
import type { GlossaryEntry } from '../../../domain/style';
import { GlossaryRepository } from '../../ports/glossary.repository';

/** Any member reads the organization's glossary (the access guard has checked the membership). */
@Injectable()
export class GetGlossaryUseCase {
  constructor(private readonly glossaries: GlossaryRepository) {}

  execute(organizationId: string): Promise<GlossaryEntry[]> {
    return this.glossaries.find(organizationId);
  }
}
