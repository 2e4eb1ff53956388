import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
import { glossaryKey, validateGlossary, type GlossaryEntry } from '../../../domain/style';
import { GlossaryRepository } from '../../ports/glossary.repository';

/** How many terms of each kind an audit entry names (the counts are always whole). */
const AUDITED_TERMS = 20;

/**
 * ADMIN replaces the organization's glossary. A real change is audited in the same transaction
 * (`content.glossary_changed`: how many entries were added, removed and changed, and the first terms
 * of each), as content policy changes are.
 */
@Injectable()
export class UpdateGlossaryUseCase {
  constructor(
    private readonly glossaries: GlossaryRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string, input: GlossaryEntry[]): Promise<GlossaryEntry[]> {
    const entries = validateGlossary(input);
    return this.uow.run(async () => {
      const before = await this.glossaries.replace(organizationId, entries, actor.userId, this.clock.now());
      const change = compare(before, entries);
      if (!change.added.length && !change.removed.length && !change.changed.length) return entries;
      await this.audit.record({
        action: 'content.glossary_changed',
        actorId: actor.userId,
        organizationId,
        targetType: 'organization',
        targetId: organizationId,
        metadata: {
          entries: entries.length,
          added: change.added.length,
          removed: change.removed.length,
          changed: change.changed.length,
          terms: {
            added: change.added.slice(0, AUDITED_TERMS),
            removed: change.removed.slice(0, AUDITED_TERMS),
            changed: change.changed.slice(0, AUDITED_TERMS),
          },
        },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      return entries;
    });
  }
}

/** Terms added, removed, and kept with another `preferred` or `forbidden`, matched by their normalized key. */
function compare(before: GlossaryEntry[], after: GlossaryEntry[]) {
  const old = new Map(before.map((entry) => [glossaryKey(entry.term), entry]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const entry of after) {
    const key = glossaryKey(entry.term);
    const previous = old.get(key);
    old.delete(key);
    if (!previous) added.push(entry.term);
    else if (
      previous.term !== entry.term ||
      previous.preferred !== entry.preferred ||
      previous.forbidden !== entry.forbidden
    ) {
      changed.push(entry.term);
    }
  }
  return { added, removed: [...old.values()].map((entry) => entry.term), changed };
}
