import type { Money } from '#libs/ddd';
import type { ProjectUsageLimits } from '../../domain/project-usage-limits';
import type { PeriodSpend, ThresholdReached, UsageLimits } from '../../domain/usage-limits';
import type { UsageCalendar, UsagePeriod } from '../../domain/usage-period';

export interface NewReservation {
  /** Chosen by the caller when it needs to find the reservation again without the answer (e.g. the generation job's id); else a new UUID. */
  id?: string;
  organizationId: string;
  userId: string;
  /** The generation's project: its held budget counts against the project's limits too. */
  projectId?: string | null;
  tokens: number;
  cost: Money;
}

/** A reservation still holding budget. */
export interface HeldReservation {
  reservationId: string;
  organizationId: string;
  createdAt: Date;
}

/**
 * Decides, under the lock on the organization's limits, whether a reservation fits: returns the
 * period it belongs to, or throws. `spendIn` reads the period's spend (the organization's, the
 * member's and the project's) inside the same transaction; `project` is the reservation's project's
 * limits, read under the same lock (undefined without a project or without limits of its own).
 */
export type AdmitReservation = (
  limits: UsageLimits,
  spendIn: (period: UsagePeriod) => Promise<PeriodSpend>,
  project: ProjectUsageLimits | undefined,
) => Promise<UsagePeriod>;

export interface NewUsageRecord {
  /** The OpenAI response id: one completed call, one record, however often its job is retried. */
  callKey: string;
  organizationId: string;
  userId: string;
  projectId: string;
  contentId: string | null;
  model: string;
  promptTokens: number;
  cachedTokens: number;
  /** All completion tokens, reasoning ones included. */
  completionTokens: number;
  /** The part of the completion spent reasoning (`completion_tokens_details.reasoning_tokens`). */
  reasoningTokens: number;
  cost: Money;
  /** The tokens were counted locally: the provider's answer carried no usage. */
  usageEstimated: boolean;
  /** The model had no price and the call was charged at the fallback price. */
  priceFallback: boolean;
  /** Which provider served the call: the deployment's (when left out), or the organization's own. */
  provider?: 'deployment' | 'organization';
  createdAt: Date;
}

export interface SettleOutcome {
  /** false when a record with this call key existed already; nothing was changed then. */
  recorded: boolean;
  /** The recorded cost (of the existing record when `recorded` is false). */
  cost: Money;
  /** Whether the recorded cost is at the fallback price (of the existing record when `recorded` is false). */
  priceFallback: boolean;
  /** When the record was written; it decides the period the call counts in. */
  recordedAt: Date;
  /** Whether the organization had any limit, or a project with one, when the record was written (thresholds only exist then); read with it. */
  organizationHasLimits?: boolean;
}

export interface RecordedThreshold extends ThresholdReached {
  id: string;
  createdAt: Date;
}

/** The budget book of the generation pipeline: reservations, usage records and threshold events. */
export abstract class UsageLedger {
  /**
   * In one transaction: locks the organization's limits row (creating it with the defaults when
   * missing), lets `admit` check the period's spend, and inserts a RESERVED reservation.
   * Concurrent reservations of one organization are serialised by the lock, so together they can
   * never exceed a limit. `now` is the reservation's creation time.
   */
  abstract reserve(reservation: NewReservation, admit: AdmitReservation, now: Date): Promise<{ reservationId: string }>;

  /**
   * The same for an organization with no limit at all (nor any limited project), in one statement and without the exclusive
   * lock: concurrent reservations of an unlimited organization need not wait for each other. The
   * limits row is share-locked while the reservation is written, so a change of limits waits for it
   * (and then sees it). `undefined` (nothing written) when the organization has limits, or no row
   * yet: then `reserve` decides. `periodOf` gives the period of `now` in each calendar.
   */
  abstract reserveWhereUnlimited(
    reservation: NewReservation,
    periodOf: (calendar: UsageCalendar) => UsagePeriod,
    now: Date,
  ): Promise<{ reservationId: string } | undefined>;

  /**
   * Atomically: inserts the usage record unless its call key exists, and only then marks the
   * reservation (if any, of that organization) SETTLED.
   */
  abstract settle(record: NewUsageRecord, reservationId: string | null): Promise<SettleOutcome>;

  /** Marks a RESERVED reservation RELEASED; false when there was none to release. */
  abstract release(reservationId: string, at: Date): Promise<boolean>;

  /** Whether the reservation is RESERVED (neither settled nor released); false for an unknown id. */
  abstract isHeld(reservationId: string): Promise<boolean>;

  /** RESERVED reservations created before `createdBefore`, oldest first, at most `limit`. */
  abstract listHeld(createdBefore: Date, limit: number): Promise<HeldReservation[]>;

  /**
   * The period's used and reserved tokens and cost, for the organization and (if given) one member.
   * Every RESERVED reservation counts, whatever period it was made in. With a project, its spend too.
   */
  abstract spendIn(
    organizationId: string,
    userId: string | null,
    period: UsagePeriod,
    projectId?: string | null,
  ): Promise<PeriodSpend>;

  /**
   * Makes the settles of one organization decide its thresholds one after another, until the
   * transaction ends: the spend read after it includes every record committed before, so a threshold
   * that calls settled at once reach together is seen by the last of them (never missed).
   */
  abstract lockThresholds(organizationId: string): Promise<void>;

  /** Records each reached threshold once per organization, period, scope and threshold; returns those recorded now. */
  abstract recordThresholds(
    organizationId: string,
    period: UsagePeriod,
    reached: ThresholdReached[],
    at: Date,
  ): Promise<RecordedThreshold[]>;
}
