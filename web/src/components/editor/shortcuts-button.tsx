import type { ButtonHTMLAttributes } from 'react';
import { Button } from '@/components/ui';
import { fa } from '@/messages/fa';
import { Kbd } from './kbd';

/** The shortcuts dialog's button: the same before the dialog is loaded and as its trigger. */
export function ShortcutsButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <Button variant="secondary" aria-keyshortcuts="?" aria-haspopup="dialog" {...props}>
      {fa.editor.shortcutsButton} <Kbd hidden>?</Kbd>
    </Button>
  );
}
