'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { fa } from '@/messages/fa';
import { Button, ErrorBanner, Field } from './ui';

const nameSchema = z.object({ name: z.string().check(z.trim(), z.minLength(1, fa.form.required), z.maxLength(200, fa.form.tooLong(200))) });

/** One name and a button: creating an organization, a workspace or a project. */
export function NameForm({ label, button, id, onCreate }: { label: string; button: string; id: string; onCreate: (name: string) => Promise<unknown> }) {
  const [error, setError] = useState<unknown>(null);
  const form = useForm<z.input<typeof nameSchema>, unknown, z.output<typeof nameSchema>>({ resolver: zodResolver(nameSchema), defaultValues: { name: '' } });
  const submit = form.handleSubmit(async ({ name }) => {
    setError(null);
    try {
      await onCreate(name);
      form.reset({ name: '' });
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <form onSubmit={submit} className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <div className="flex-1">
        <Field id={id} label={label} dir="auto" {...form.register('name')} />
        {form.formState.errors.name ? <p className="mt-1 text-sm text-rose-700">{form.formState.errors.name.message}</p> : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {button}
      </Button>
      <ErrorBanner error={error} />
    </form>
  );
}
