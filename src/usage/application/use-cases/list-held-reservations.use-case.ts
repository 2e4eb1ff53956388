import { Injectable } from '@nestjs/common';
import { UsageLedger, type HeldReservation } from '../ports/usage-ledger';

export interface ListHeldReservationsInput {
  /** Only reservations created before this moment. */
  createdBefore: Date;
  /** At most this many (1 to MAX_HELD_RESERVATIONS_LISTED). */
  limit: number;
}

export type { HeldReservation };

export const MAX_HELD_RESERVATIONS_LISTED = 1_000;

/**
 * Reservations still held (RESERVED) that were created before a moment, oldest first. The
 * recovery job uses it to find reservations whose generation never started or was lost (a crash
 * between reserve and start) and ends them through their owner.
 */
@Injectable()
export class ListHeldReservationsUseCase {
  constructor(private readonly ledger: UsageLedger) {}

  execute(input: ListHeldReservationsInput): Promise<HeldReservation[]> {
    if (!Number.isSafeInteger(input.limit) || input.limit < 1 || input.limit > MAX_HELD_RESERVATIONS_LISTED)
      throw new RangeError(`limit must be a whole number from 1 to ${MAX_HELD_RESERVATIONS_LISTED}`);
    if (Number.isNaN(input.createdBefore.getTime())) throw new RangeError('createdBefore must be a valid date');
    return this.ledger.listHeld(input.createdBefore, input.limit);
  }
}
