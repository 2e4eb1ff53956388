export * from './error-body';
export * from './validation';
export * from './request-id';
export * from './http-exception.filter';
export * from './public.decorator';
export * from './swagger';
export * from './page-query.dto';
export * from './parse-uuid-or-404.pipe';
