import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { UsageLedger } from '../ports/usage-ledger';

/**
 * After a failed call (nothing completed, so nothing is charged): gives the reservation's budget
 * back. Releasing twice, or a settled reservation, changes nothing and answers `released: false`.
 */
@Injectable()
export class ReleaseGenerationBudgetUseCase {
  constructor(
    private readonly ledger: UsageLedger,
    private readonly clock: Clock,
  ) {}

  async execute(reservationId: string): Promise<{ released: boolean }> {
    return { released: await this.ledger.release(reservationId, this.clock.now()) };
  }
}
