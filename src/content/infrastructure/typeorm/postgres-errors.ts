interface PostgresError {
  code?: string;
  constraint?: string;
  driverError?: PostgresError;
}

/** True for a foreign-key violation (SQLSTATE 23503) on the named constraint. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const pg = ((error as PostgresError)?.driverError ?? error) as PostgresError | undefined;
  return pg?.code === '23503' && pg.constraint === constraint;
}
