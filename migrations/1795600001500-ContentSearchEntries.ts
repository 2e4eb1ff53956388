import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: a narrow copy of each content's search vector, for counting a search's matches.
 *
 * Counting the matches of a common word means visiting the heap row of every match to check it is
 * visible; a contents row (title, prompt, body, vector: ~1.6 kB) puts ~5 on a page, so a word in a
 * quarter of a 60 000-content project visits ~12 000 pages. content_search_entries holds only what a
 * search filters on (organization, project, creation time) and the vector without positions
 * (`strip`: the search ANDs word prefixes, no phrases or weights, so positions never change a
 * match), ~20 rows to a page: the same count visits a quarter of the pages.
 *
 * Kept by row triggers on contents, in the statement that writes the content: after an insert, and
 * after an update that changed the vector (the BEFORE trigger computes it when the text changes) or
 * a column copied here. A deleted content takes its entry with it (ON DELETE CASCADE). CREATE
 * TRIGGER blocks writes to contents until this migration commits, and the backfill runs after it.
 * The GIN index holds project_id too (btree_gin), as idx_contents_search does.
 */
export class ContentSearchEntries1795600001500 implements MigrationInterface {
  name = 'ContentSearchEntries1795600001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "content_search_entries" (
                "content_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "search_vector" tsvector NOT NULL,
                CONSTRAINT "pk_content_search_entries" PRIMARY KEY ("content_id"),
                CONSTRAINT "fk_content_search_entries_content" FOREIGN KEY ("content_id")
                    REFERENCES "contents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION content_search_entries_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO content_search_entries (content_id, organization_id, project_id, created_at, search_vector)
              VALUES (NEW.id, NEW.organization_id, NEW.project_id, NEW.created_at, strip(coalesce(NEW.search_vector, ''::tsvector)))
              ON CONFLICT (content_id) DO UPDATE SET
                organization_id = EXCLUDED.organization_id,
                project_id = EXCLUDED.project_id,
                created_at = EXCLUDED.created_at,
                search_vector = EXCLUDED.search_vector;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER contents_search_entry AFTER INSERT ON "contents"
            FOR EACH ROW EXECUTE FUNCTION content_search_entries_sync()
        `);
    await queryRunner.query(`
            CREATE TRIGGER contents_search_entry_on_change AFTER UPDATE ON "contents"
            FOR EACH ROW
            WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector
                  OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
                  OR OLD.project_id IS DISTINCT FROM NEW.project_id
                  OR OLD.created_at IS DISTINCT FROM NEW.created_at)
            EXECUTE FUNCTION content_search_entries_sync()
        `);
    await queryRunner.query(`
            INSERT INTO content_search_entries (content_id, organization_id, project_id, created_at, search_vector)
            SELECT id, organization_id, project_id, created_at, strip(coalesce(search_vector, ''::tsvector)) FROM contents
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_content_search_entries_search" ON "content_search_entries" USING gin ("project_id", "search_vector")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contents_search_entry_on_change ON "contents"`);
    await queryRunner.query(`DROP TRIGGER contents_search_entry ON "contents"`);
    await queryRunner.query(`DROP FUNCTION content_search_entries_sync()`);
    await queryRunner.query(`DROP TABLE "content_search_entries"`);
  }
}
