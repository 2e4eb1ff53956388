interface ErrorFields {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  query?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** Quoted literals in a database message ("invalid input syntax for type uuid: \"…\"") are values. */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

/**
 * An error as it may be logged: name, message, stack and the database's own codes, never the
 * values of a query. A TypeORM QueryFailedError carries the statement's `parameters` and pg's
 * `detail` ("Key (phone)=(+98912…) already exists"); logged as they are, they would write prompts,
 * names and phone numbers to the log. Database messages lose their quoted literals too.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: String(error).slice(0, 300) };
  const fields = error as ErrorFields;
  const database = (fields.driverError ??
    (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) ? error : undefined)) as
    ErrorFields | undefined;
  const message = typeof fields.message === 'string' ? fields.message : '';
  return {
    type: typeof fields.name === 'string' ? fields.name : 'Error',
    message: database ? message.replace(QUOTED, '"…"') : message,
    ...(typeof fields.stack === 'string' && { stack: database ? fields.stack.replace(QUOTED, '"…"') : fields.stack }),
    ...(database && {
      code: database.code,
      constraint: database.constraint,
      table: database.table,
      column: database.column,
      routine: database.routine,
    }),
    ...(typeof fields.query === 'string' && { query: fields.query.replace(/\s+/g, ' ').slice(0, 500) }),
    ...(!database && typeof fields.code === 'string' && { code: fields.code }),
  };
}
