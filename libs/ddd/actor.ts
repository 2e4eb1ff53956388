/** Who is doing something, and from where: passed to every use case for authorization and audit. */
export interface Actor {
  userId: string;
  requestId?: string;
  ip?: string;
}
