'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import * as Dialog from '@radix-ui/react-dialog';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SECURITY_PATH, stepUp, type StepUpReason } from '@/lib/step-up';
import { authenticatorCodeSchema } from '@/lib/two-factor';
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
  const form = useForm<{ code: string }, unknown, { code: string }>({ resolver: zodResolver(authenticatorCodeSchema), defaultValues: { code: '' } });

  const submit = form.handleSubmit(async ({ code }) => {
    setError(null);
    const result = await stepUp(code);
    if (result.ok) {
      onDone(true);
      return;
    }
    if (result.status === 401 && result.code === 'UNAUTHENTICATED') {
      window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    setError(errorMessage(result.code, result.details));
    form.reset({ code: '' });
    form.setFocus('code');
  });

  const codeError = form.formState.errors.code?.message;
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
            <Button type="submit" form="step-up-form" disabled={form.formState.isSubmitting}>
              {fa.stepUp.confirm}
            </Button>
          }
        >
          <form id="step-up-form" onSubmit={submit} className="mt-4 flex flex-col gap-2" noValidate>
            <Field id="step-up-code" label={fa.stepUp.codeLabel} inputMode="numeric" autoComplete="one-time-code" dir="ltr" maxLength={12} autoFocus {...form.register('code')} />
            {codeError ? <p className="text-sm text-rose-700">{errorMessage(codeError)}</p> : null}
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
