import * as jalaali from 'jalaali-js';
import { UsagePeriod, type UsageCalendar } from '../../domain/usage-period';

/** The usage period (calendar month) holding `instant`, with jalaali-js doing the Persian calendar. */
export function periodContaining(instant: Date, calendar: UsageCalendar): UsagePeriod {
  return UsagePeriod.containing(instant, calendar, jalaali);
}
