import type { OpenTransaction } from '../../../content';

/** Opens a database transaction that other contexts' use cases can join (`{ manager }`). */
export abstract class GenerationTransactions {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  abstract run<T>(work: (transaction: OpenTransaction) => Promise<T>): Promise<T>;
}
