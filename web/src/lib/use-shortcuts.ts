'use client';

import { useEffect, useRef } from 'react';

/**
 * A keyboard shortcut, matched on the physical key (`event.code`), not on the character: on a
 * Persian layout the S key types «س» and A types «ش», yet `code` stays `KeyS`/`KeyA`.
 */
export interface Shortcut {
  /** `KeyS`, `KeyA`…, or `?` for the help key (Shift+Slash, or «؟» on a Persian layout). */
  code: string;
  /** Ctrl (⌘ on a Mac) held: such a shortcut also works while typing in a text field. */
  mod?: boolean;
  enabled?: boolean;
  run: () => void;
}

/** Whether the user is typing: a text field, a select, a contenteditable. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

const dialogOpen = (doc: Document) => doc.querySelector('[role="dialog"]:not([data-state="closed"]), [role="alertdialog"]:not([data-state="closed"])') !== null;

/** Whether a keydown is the given shortcut, and may act where it happened. */
export function matchesShortcut(event: KeyboardEvent, shortcut: Pick<Shortcut, 'code' | 'mod'>): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (event.isComposing || event.altKey) return false;
  if (shortcut.mod) return mod && event.code === shortcut.code;
  if (mod || isTyping(event.target) || dialogOpen(document)) return false;
  if (shortcut.code === '?') return event.key === '?' || event.key === '؟' || (event.code === 'Slash' && event.shiftKey);
  return event.code === shortcut.code && !event.shiftKey;
}

/** Listens on the document for the page's shortcuts while it is mounted; the first enabled match runs and the browser's own action (Ctrl+S: save the page) is prevented. */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const shortcut = current.current.find((one) => one.enabled !== false && matchesShortcut(event, one));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
