export * from './logging.module';
export * from './request-logging';
export * from './error-summary';
export * from './loggable-error';
