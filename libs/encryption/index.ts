export * from './data-cipher';
export * from './encryption.module';
