'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { Button } from '@/components/ui';
import { EDITOR_SHORTCUTS } from '@/lib/editor-shortcuts';
import { fa } from '@/messages/fa';
import { Kbd } from './kbd';
import { ShortcutsButton } from './shortcuts-button';

/** Every shortcut of the content page, opened by `?` (or «؟») or by its button. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <ShortcutsButton />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content dir="rtl" className="fixed top-1/2 left-1/2 flex max-h-[90vh] w-[min(94vw,32rem)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 overflow-y-auto rounded-xl bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{fa.editor.shortcutsTitle}</Dialog.Title>
          <Dialog.Description className="text-sm text-slate-600">{fa.editor.shortcutsIntro}</Dialog.Description>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-start text-slate-600">
                <th scope="col" className="py-1 text-start font-medium">
                  {fa.editor.shortcutKey}
                </th>
                <th scope="col" className="py-1 text-start font-medium">
                  {fa.editor.shortcutAction}
                </th>
              </tr>
            </thead>
            <tbody>
              {EDITOR_SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.id} className="border-t border-slate-100" data-shortcut={shortcut.id}>
                  <td className="py-2 whitespace-nowrap">
                    <span className="inline-flex gap-1">
                      {shortcut.keys.map((key) => (
                        <Kbd key={key}>{key}</Kbd>
                      ))}
                    </span>
                    <span className="ms-2 text-xs text-slate-600">{fa.editor.orPersian(fa.editor.persianKeys[shortcut.id] ?? '')}</span>
                  </td>
                  <td className="py-2">{fa.editor.shortcuts[shortcut.id]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Dialog.Close asChild>
            <Button variant="secondary" className="self-start">
              {fa.editor.close}
            </Button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
