import { UnitOfWork } from '#libs/ddd';

/**
 * For use-case specs over in-memory ports, which have no transaction to open: runs the work as it
 * is, and tells how many runs there were and whether a call happens inside one.
 */
export class InlineUnitOfWork extends UnitOfWork {
  runs = 0;
  private depth = 0;

  get inRun(): boolean {
    return this.depth > 0;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    this.depth += 1;
    try {
      return await work();
    } finally {
      this.depth -= 1;
    }
  }
}
