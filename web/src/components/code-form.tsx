'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { authenticatorCodeSchema } from '@/lib/two-factor';
import { errorMessage } from '@/messages/fa';
import { Button, Field } from './ui';

/** One authenticator code and a button: confirming an enrolment, turning it off. The field empties after each try, since a code works once. */
export function CodeForm({ id, label, button, variant = 'primary', busy, onCode }: { id: string; label: string; button: string; variant?: 'primary' | 'danger'; busy: boolean; onCode: (code: string) => Promise<unknown> }) {
  const form = useForm<{ code: string }, unknown, { code: string }>({ resolver: zodResolver(authenticatorCodeSchema), defaultValues: { code: '' } });
  const submit = form.handleSubmit(async ({ code }) => {
    await onCode(code).catch(() => undefined);
    form.reset({ code: '' });
  });
  const error = form.formState.errors.code?.message;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <div className="sm:w-56">
        <Field id={id} label={label} inputMode="numeric" autoComplete="one-time-code" dir="ltr" maxLength={12} {...form.register('code')} />
        {error ? <p className="mt-1 text-sm text-rose-700">{errorMessage(error)}</p> : null}
      </div>
      <Button type="submit" variant={variant} disabled={busy || form.formState.isSubmitting}>
        {button}
      </Button>
    </form>
  );
}
