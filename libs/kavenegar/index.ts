export * from './kavenegar-client';
