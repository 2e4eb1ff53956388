interface PostgresError {
  code?: string;
  constraint?: string;
  driverError?: PostgresError;
}

/** True for a unique-constraint violation (SQLSTATE 23505), optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = ((error as PostgresError)?.driverError ?? error) as PostgresError | undefined;
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
