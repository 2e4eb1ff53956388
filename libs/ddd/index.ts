export * from './domain-error';
export * from './digits';
export * from './phone';
export * from './money';
export * from './email';
export * from './pagination';
export * from './clock';
