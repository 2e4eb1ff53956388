import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Full-text search over contents with Persian normalisation, and the indexes of the list filters.
 *
 * contexor_search_text() folds what varies in how Persian is typed: Arabic ي ى ك ة and أ إ ٱ
 * become ی ک ه ا; Persian and Arabic-Indic digits become Latin; diacritics (U+064B–U+065F, U+0670),
 * tatweel, zero-width (non-)joiners, direction marks and soft hyphens are removed; Latin is lower-
 * cased. It is applied alike to the stored text (in the index expression) and to the query.
 *
 * search_vector holds the normalised title, prompt and body as a tsvector, kept by a trigger. The
 * GIN index holds project_id too (btree_gin), so a search inside one project reads only that
 * project's entries.
 */
export class ContentSearch1795600000300 implements MigrationInterface {
  name = 'ContentSearch1795600000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`
      CREATE FUNCTION contexor_search_text(input text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN lower(regexp_replace(
        translate(input, 'يىكةأإٱ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', 'ییکهااا01234567890123456789'),
        '[\\u064B-\\u065F\\u0670\\u0640\\u200B-\\u200F\\u00AD]', '', 'g'))
    `);
    // A stored tsvector, kept by a trigger: checking a match against it costs next to nothing,
    // where recomputing to_tsvector of a 2 kB body for every candidate row costs ~20 µs.
    await queryRunner.query(`ALTER TABLE "contents" ADD "search_vector" tsvector`);
    await queryRunner.query(`
      CREATE FUNCTION contents_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := to_tsvector('simple', contexor_search_text(NEW.title || ' ' || NEW.prompt || ' ' || coalesce(NEW.body, '')));
        RETURN NEW;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER contents_search_vector BEFORE INSERT OR UPDATE OF title, prompt, body ON "contents"
      FOR EACH ROW EXECUTE FUNCTION contents_search_vector()
    `);
    await queryRunner.query(`UPDATE "contents" SET "title" = "title"`);
    await queryRunner.query(
      `CREATE INDEX "idx_contents_search" ON "contents" USING gin ("project_id", "search_vector")`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_contents_project_status"`);
    await queryRunner.query(
      `CREATE INDEX "idx_contents_project_status" ON "contents" ("project_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_contents_project_author" ON "contents" ("project_id", "created_by", "created_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contents_project_author"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contents_project_status"`);
    await queryRunner.query(`CREATE INDEX "idx_contents_project_status" ON "contents" ("project_id", "status") `);
    await queryRunner.query(`DROP INDEX "public"."idx_contents_search"`);
    await queryRunner.query(`DROP TRIGGER contents_search_vector ON "contents"`);
    await queryRunner.query(`DROP FUNCTION contents_search_vector()`);
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "search_vector"`);
    await queryRunner.query(`DROP FUNCTION contexor_search_text(text)`);
  }
}
