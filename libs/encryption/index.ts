export * from './data-cipher';
export * from './encryption.module';
export * from './reencrypt-column';
