export * from './forbidden-target';
export * from './guarded-fetch';
export * from './guarded-lookup';
