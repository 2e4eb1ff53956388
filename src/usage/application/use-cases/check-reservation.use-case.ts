import { Injectable } from '@nestjs/common';
import { UsageLedger } from '../ports/usage-ledger';

/**
 * Whether a reservation still holds its budget (RESERVED: neither settled nor released). A worker
 * asks before it calls the model, so a generation whose reservation was ended meanwhile (recovered,
 * discarded) does not spend unbudgeted tokens. An unknown or malformed id is not held.
 */
@Injectable()
export class CheckReservationUseCase {
  constructor(private readonly ledger: UsageLedger) {}

  async execute(reservationId: string): Promise<{ held: boolean }> {
    return { held: await this.ledger.isHeld(reservationId) };
  }
}
