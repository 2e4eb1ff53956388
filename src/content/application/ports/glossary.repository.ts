import type { GlossaryEntry } from '../../domain/style';

/** An organization's glossary (empty until its first PUT). */
export abstract class GlossaryRepository {
  abstract find(organizationId: string): Promise<GlossaryEntry[]>;
  /** Replaces the whole glossary; answers the entries it had, read under a lock in the same transaction. */
  abstract replace(organizationId: string, entries: GlossaryEntry[], by: string, at: Date): Promise<GlossaryEntry[]>;
}
