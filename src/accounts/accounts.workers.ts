import type { Provider } from '@nestjs/common';
import { MaintenanceProcessor } from './infrastructure/bullmq/maintenance.processor';
import { SmsProcessor } from './infrastructure/bullmq/sms.processor';

/** The accounts context's queue processors, for the roots that run workers. */
export function accountsWorkers(): Provider[] {
  return [SmsProcessor, MaintenanceProcessor];
}
