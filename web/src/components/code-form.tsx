'use client';

import { useState, type FormEvent } from 'react';
import { authenticatorCodeOf } from '@/lib/two-factor';
import { errorMessage } from '@/messages/fa';
import { Button, Field } from './ui';

/**
 * One authenticator code and a button: confirming an enrolment, turning it off. The field empties
 * after each try, since a code works once. A plain form: one rule needs no form library or schema.
 */
export function CodeForm({ id, label, button, variant = 'primary', busy, onCode }: { id: string; label: string; button: string; variant?: 'primary' | 'danger'; busy: boolean; onCode: (code: string) => Promise<unknown> }) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = authenticatorCodeOf(typed);
    setInvalid(!code);
    if (!code) return;
    setSending(true);
    await onCode(code).catch(() => undefined);
    setSending(false);
    setTyped('');
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <div className="sm:w-56">
        <Field
          id={id}
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={12}
          value={typed}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-problem` : undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        {invalid ? (
          <p id={`${id}-problem`} className="mt-1 text-sm text-rose-700">
            {errorMessage('TWO_FACTOR_CODE_FORMAT')}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant={variant} disabled={busy || sending}>
        {button}
      </Button>
    </form>
  );
}
