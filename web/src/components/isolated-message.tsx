import type { ReactNode } from 'react';

const SLOT = '\u0000';

/**
 * A message of src/messages/fa.ts that holds a user's text (a name, a phone), with that text in its
 * own isolate, so a Latin name or a "+98…" phone keeps its order inside the Persian sentence. The
 * message is asked for with a placeholder and the text put where it lands, so fa.ts stays plain strings.
 */
export function IsolatedMessage({ message, value, ltr = false }: { message: (value: string) => string; value: string; ltr?: boolean }): ReactNode {
  const [before = '', after = ''] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      <bdi dir={ltr ? 'ltr' : undefined}>{value}</bdi>
      {after}
    </>
  );
}
