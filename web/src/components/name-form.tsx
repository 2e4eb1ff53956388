'use client';

import { useState, type FormEvent } from 'react';
import { textProblem } from '@/lib/text-problem';
import { Button, ErrorBanner, Field } from './ui';

/** Why a name cannot be sent, as the API would refuse it: empty once trimmed, or longer than 200 characters. */
export function nameProblem(name: string): string | undefined {
  return textProblem(name, 200);
}

/**
 * One name and a button: creating an organization, a workspace or a project. A plain form, without a
 * form library or a schema: the home page shows three of them, and one rule does not need 30 kB.
 */
export function NameForm({ label, button, id, onCreate }: { label: string; button: string; id: string; onCreate: (name: string) => Promise<unknown> }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = nameProblem(name);
    setProblem(found);
    if (found) return;
    setError(null);
    setBusy(true);
    try {
      await onCreate(name.trim());
      setName('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="mt-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end" noValidate>
      <div className="flex-1 sm:basis-48">
        <Field id={id} label={label} dir="auto" value={name} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setName(event.target.value)} />
        {problem ? (
          <p id={`${id}-problem`} className="mt-1 text-sm text-rose-700">
            {problem}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="whitespace-nowrap" disabled={busy}>
        {button}
      </Button>
      <ErrorBanner error={error} />
    </form>
  );
}
