'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import Link from 'next/link';
import type { RefObject } from 'react';
import { SECURITY_PATH } from '@/lib/step-up';
import { fa } from '@/messages/fa';
import { SideNav } from './side-nav';
import { SignOutButton } from './sign-out-button';
import { UserBadge } from './user-badge';

/**
 * The drawer itself, loaded only when the menu is first opened (Radix's dialog is not part of every
 * page's first load): a modal dialog from the right that keeps focus inside, closes on Escape and
 * gives focus back to the menu button.
 */
export default function DrawerDialog({ open, onClose, menuButton }: { open: boolean; onClose: () => void; menuButton: RefObject<HTMLButtonElement | null> }) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            menuButton.current?.focus();
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-80 max-w-[85vw] flex-col gap-4 overflow-y-auto bg-white p-4 shadow-xl focus:outline-none"
        >
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="text-base font-bold text-slate-900">{fa.shell.menu}</Dialog.Title>
            <Dialog.Close className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              <X aria-hidden="true" className="h-5 w-5" />
              <span className="sr-only">{fa.shell.closeMenu}</span>
            </Dialog.Close>
          </div>
          <UserBadge className="border-b border-slate-100 pb-3" />
          <SideNav onNavigate={onClose} />
          <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
            <Link href={SECURITY_PATH} onClick={onClose} className="rounded-lg px-3 py-1.5 text-sm text-indigo-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              {fa.shell.security}
            </Link>
            <SignOutButton />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
