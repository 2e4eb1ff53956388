import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The search vector is computed again only when the title, prompt or body really changed. The
 * content row is written back whole (every column in SET), so `UPDATE OF title, prompt, body`
 * fired on every write, a status change included: twice per generation, normalising the whole
 * text each time. The trigger keeps its name; inserts still always compute the vector.
 */
export class SearchVectorOnTextChange1795600000600 implements MigrationInterface {
  name = 'SearchVectorOnTextChange1795600000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contents_search_vector ON "contents"`);
    await queryRunner.query(`
      CREATE TRIGGER contents_search_vector BEFORE INSERT ON "contents"
      FOR EACH ROW EXECUTE FUNCTION contents_search_vector()`);
    await queryRunner.query(`
      CREATE TRIGGER contents_search_vector_on_change BEFORE UPDATE OF title, prompt, body ON "contents"
      FOR EACH ROW
      WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.prompt IS DISTINCT FROM NEW.prompt
            OR OLD.body IS DISTINCT FROM NEW.body)
      EXECUTE FUNCTION contents_search_vector()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contents_search_vector_on_change ON "contents"`);
    await queryRunner.query(`DROP TRIGGER contents_search_vector ON "contents"`);
    await queryRunner.query(`
      CREATE TRIGGER contents_search_vector BEFORE INSERT OR UPDATE OF title, prompt, body ON "contents"
      FOR EACH ROW EXECUTE FUNCTION contents_search_vector()`);
  }
}
