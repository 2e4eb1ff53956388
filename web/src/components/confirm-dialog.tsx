'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import { fa } from '@/messages/fa';
import { Button } from './ui';

/**
 * What both dialogs share: the overlay, a centred right-to-left panel with its title and
 * description, the body, then the action beside Cancel. A description that holds a user's text
 * isolates it itself (src/components/isolated-message.tsx): the Persian sentence keeps its direction.
 */
export function DialogPanel({ title, description, describeVisibly, action, children, onCloseAutoFocus }: { title: string; description: ReactNode; describeVisibly: boolean; action: ReactNode; children?: ReactNode; onCloseAutoFocus?: (event: Event) => void }) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
      <Dialog.Content dir="rtl" onCloseAutoFocus={onCloseAutoFocus} className="fixed top-1/2 left-1/2 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl">
        <Dialog.Title className="mb-3 text-lg font-bold">{title}</Dialog.Title>
        <Dialog.Description className={describeVisibly ? 'text-sm text-slate-600' : 'sr-only'}>
          {description}
        </Dialog.Description>
        {children}
        <div className="mt-4 flex gap-2">
          {action}
          <Dialog.Close asChild>
            <Button variant="secondary">{fa.cancel}</Button>
          </Dialog.Close>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/**
 * The question of a ConfirmButton (src/components/confirm-button.tsx), loaded on its first use: open
 * while `open`, the action beside Cancel, focus back on the button that asked once it closes.
 */
export default function ConfirmDialog({ open, onOpenChange, returnFocusTo, title, description, confirm, onConfirm }: { open: boolean; onOpenChange: (open: boolean) => void; returnFocusTo: RefObject<HTMLButtonElement | null>; title: string; description: ReactNode; confirm: string; onConfirm: () => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPanel
        title={title}
        description={description}
        describeVisibly
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocusTo.current?.focus();
        }}
        action={
          <Dialog.Close asChild>
            <Button variant="danger" onClick={onConfirm}>
              {confirm}
            </Button>
          </Dialog.Close>
        }
      />
    </Dialog.Root>
  );
}
