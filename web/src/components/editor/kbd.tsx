import type { ReactNode } from 'react';

/** A key as printed on the keyboard. */
export function Kbd({ children, hidden = false }: { children: ReactNode; hidden?: boolean }) {
  return (
    <kbd aria-hidden={hidden || undefined} dir="ltr" className="rounded border border-current/40 px-1 font-mono text-[0.75em] leading-none opacity-90 [unicode-bidi:isolate]">
      {children}
    </kbd>
  );
}
