'use client';

import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { Button } from './ui';

const loadDialog = () => import('./confirm-dialog');
const ConfirmDialog = lazy(loadDialog);

/**
 * A button that asks once more before an action that cannot be undone (removing a member, deleting a
 * template). The question is a Radix dialog, loaded when the button is first pointed at, focused or
 * pressed: a page of such buttons does not carry the dialog's code in its first load.
 */
export function ConfirmButton({ trigger, title, description, confirm, onConfirm }: { trigger: ReactNode; title: string; description: ReactNode; confirm: string; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing (by any means) hands focus back.
  const [loaded, setLoaded] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => {
          button.current = event.currentTarget;
          setLoaded(true);
          setOpen(true);
        }}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        {trigger}
      </Button>
      {loaded ? (
        <Suspense>
          <ConfirmDialog open={open} onOpenChange={setOpen} returnFocusTo={button} title={title} description={description} confirm={confirm} onConfirm={onConfirm} />
        </Suspense>
      ) : null}
    </>
  );
}
