export * from './logging.module';
export * from './error-summary';
export * from './loggable-error';
