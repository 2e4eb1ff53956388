import type { ReactNode } from 'react';

/**
 * A key as printed on the keyboard. `hidden`: a hint inside a button, whose name stays the button's
 * words (the shortcut is announced by `aria-keyshortcuts`), left out on a phone's narrow screen.
 */
export function Kbd({ children, hidden = false }: { children: ReactNode; hidden?: boolean }) {
  return (
    <kbd aria-hidden={hidden || undefined} dir="ltr" className={`rounded border border-current/40 px-1 font-mono text-[0.75em] leading-none [unicode-bidi:isolate] ${hidden ? 'max-md:hidden' : ''}`}>
      {children}
    </kbd>
  );
}
