import type { Provider } from '@nestjs/common';
import { MaintenanceProcessor } from './infrastructure/queue/maintenance.processor';
import { SmsProcessor } from './infrastructure/queue/sms.processor';

/** The accounts context's queue processors, for the roots that run workers. */
export function accountsWorkers(): Provider[] {
  return [SmsProcessor, MaintenanceProcessor];
}
