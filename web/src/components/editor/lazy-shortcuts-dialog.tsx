'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { ShortcutsButton } from './shortcuts-button';

// Radix Dialog is loaded on the first press (or hover, or focus) of the button or of `?`, not with the page.
const loadDialog = () => import('./shortcuts-dialog');
const ShortcutsDialog = dynamic(() => loadDialog().then((dialog) => dialog.ShortcutsDialog), { ssr: false, loading: () => <ShortcutsButton aria-busy /> });

/** The shortcuts dialog behind a plain button of the same size until it is first asked for; then it opens, with focus inside. */
export function LazyShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [asked, setAsked] = useState(false);
  if (open && !asked) setAsked(true);
  if (!asked && !open) return <ShortcutsButton aria-expanded={false} onPointerEnter={() => void loadDialog()} onFocus={() => void loadDialog()} onClick={() => onOpenChange(true)} />;
  return <ShortcutsDialog open={open} onOpenChange={onOpenChange} />;
}
