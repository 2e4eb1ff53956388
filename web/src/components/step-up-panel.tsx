'use client';

import * as Dialog from '@radix-ui/react-dialog';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { authenticatorCodeOf } from '@/lib/two-factor';
import { SECURITY_PATH, stepUp, type StepUpReason } from '@/lib/step-up';
import { errorMessage, fa } from '@/messages/fa';
import { DialogPanel } from './confirm-dialog';
import { Field, Button } from './ui';

/**
 * The step-up dialog itself, loaded only when an action first needs it (src/components/step-up-dialog.tsx):
 * for STEP_UP_REQUIRED, the authenticator's code, sent to /bff/auth/step-up; for
 * TWO_FACTOR_ENROLMENT_REQUIRED, what to do and a link to the security page.
 */
export default function StepUpPanel({ reason, onDone }: { reason: StepUpReason; onDone: (steppedUp: boolean) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = authenticatorCodeOf(typed);
    setInvalid(!code);
    if (!code) return;
    setError(null);
    setSending(true);
    const result = await stepUp(code);
    setSending(false);
    if (result.ok) {
      onDone(true);
      return;
    }
    if (result.status === 401 && result.code === 'UNAUTHENTICATED') {
      window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    setError(errorMessage(result.code, result.details));
    setTyped('');
    document.getElementById('step-up-code')?.focus();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onDone(false))}>
      {reason === 'TWO_FACTOR_ENROLMENT_REQUIRED' ? (
        <DialogPanel
          title={fa.stepUp.enrolTitle}
          description={fa.stepUp.enrolDescription}
          describeVisibly
          action={
            <Link href={SECURITY_PATH} onClick={() => onDone(false)} className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              {fa.stepUp.goToSecurity}
            </Link>
          }
        />
      ) : (
        <DialogPanel
          title={fa.stepUp.title}
          description={fa.stepUp.description}
          describeVisibly
          action={
            <Button type="submit" form="step-up-form" disabled={sending}>
              {fa.stepUp.confirm}
            </Button>
          }
        >
          <form id="step-up-form" onSubmit={(event) => void submit(event)} className="mt-4 flex flex-col gap-2" noValidate>
            <Field
              id="step-up-code"
              label={fa.stepUp.codeLabel}
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              maxLength={12}
              autoFocus
              value={typed}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? 'step-up-code-problem' : undefined}
              onChange={(event) => setTyped(event.target.value)}
            />
            {invalid ? (
              <p id="step-up-code-problem" className="text-sm text-rose-700">
                {errorMessage('TWO_FACTOR_CODE_FORMAT')}
              </p>
            ) : null}
            {error ? (
              <p role="alert" className="text-sm text-rose-700">
                {error}
              </p>
            ) : null}
          </form>
        </DialogPanel>
      )}
    </Dialog.Root>
  );
}
