/** The SMS alert queue: one job per event and recipient. */
export const SMS_ALERT_QUEUE = 'sms-alert';
export const SEND_SMS_ALERT_JOB = 'send-sms-alert';
