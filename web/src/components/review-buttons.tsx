import type { ButtonHTMLAttributes } from 'react';
import { shortcutOf } from '@/lib/editor-shortcuts';
import { fa } from '@/messages/fa';
import { Kbd } from './editor/kbd';
import { Button } from './ui';

const APPROVE = shortcutOf('approve');
const REJECT = shortcutOf('reject');

type Props = ButtonHTMLAttributes<HTMLButtonElement>;

/** The approve dialog's button: the same before the dialog is loaded and as its trigger. */
export function ApproveButton(props: Props) {
  return (
    <Button aria-keyshortcuts={APPROVE.aria} aria-haspopup="dialog" {...props}>
      {fa.content.approve} <Kbd hidden>{APPROVE.keys[0]}</Kbd>
    </Button>
  );
}

/** The reject dialog's button: the same before the dialog is loaded and as its trigger. */
export function RejectButton(props: Props) {
  return (
    <Button variant="danger" aria-keyshortcuts={REJECT.aria} aria-haspopup="dialog" {...props}>
      {fa.content.reject} <Kbd hidden>{REJECT.keys[0]}</Kbd>
    </Button>
  );
}
