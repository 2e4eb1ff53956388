'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { templateVariables } from '@/lib/template-variables';
import type { PromptTemplate } from '@/lib/types';
import { fa } from '@/messages/fa';

const promptSchema = z.object({
  name: z.string().trim().min(1, fa.form.required).max(200, fa.form.tooLong(200)),
  category: z.string().trim().min(1, fa.form.required).max(100, fa.form.tooLong(100)),
  template: z.string().trim().min(1, fa.form.required).max(20_000, fa.form.tooLong(20_000)),
});

export default function PromptsPage() {
  const { id } = useParams<{ id: string }>();
  const queries = useQueryClient();
  const [category, setCategory] = useState('');
  const prompts = useQuery({ queryKey: ['prompts', id], queryFn: () => api<PromptTemplate[]>(`workspaces/${id}/prompts`) });
  const form = useForm<z.input<typeof promptSchema>, unknown, z.output<typeof promptSchema>>({ resolver: zodResolver(promptSchema), defaultValues: { name: '', category: '', template: '' } });
  const template = form.watch('template');
  const create = useMutation({
    mutationFn: (input: z.output<typeof promptSchema>) => api<PromptTemplate>(`workspaces/${id}/prompts`, { method: 'POST', body: input }),
    onSuccess: async () => {
      form.reset({ name: '', category: form.getValues('category'), template: '' });
      await queries.invalidateQueries({ queryKey: ['prompts', id] });
    },
  });
  const categories = [...new Set(prompts.data?.map((p) => p.category) ?? [])];
  const shown = prompts.data?.filter((p) => !category || p.category === category) ?? [];
  const found = templateVariables(template);
  const submit = form.handleSubmit((input) => create.mutate(input));
  const errors = form.formState.errors;
  if (prompts.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.prompts.title}</h1>
      <ErrorBanner error={prompts.error ?? create.error} />
      <Card>
        <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label={fa.prompts.category}>
          {['', ...categories].map((value) => (
            <button
              key={value || 'all'}
              type="button"
              aria-pressed={category === value}
              onClick={() => setCategory(value)}
              className={`rounded-full px-3 py-1 text-sm ring-1 ${category === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
            >
              {value || fa.prompts.all}
            </button>
          ))}
        </div>
        {!shown.length ? <Empty>{fa.prompts.empty}</Empty> : null}
        <ul className="divide-y divide-slate-100">
          {shown.map((p) => (
            <li key={p.id} className="py-2">
              <p className="font-medium" dir="auto">
                {p.name} <span className="text-xs text-slate-500">— {p.category}</span>
              </p>
              <p className="text-sm text-slate-600" dir="auto">
                {p.template}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <Field id="prompt-name" label={fa.prompts.name} dir="auto" {...form.register('name')} />
          {errors.name ? <p className="text-sm text-rose-700">{errors.name.message}</p> : null}
          <Field id="prompt-category" label={fa.prompts.category} dir="auto" {...form.register('category')} />
          {errors.category ? <p className="text-sm text-rose-700">{errors.category.message}</p> : null}
          <label htmlFor="prompt-template" className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{fa.prompts.template}</span>
            <textarea id="prompt-template" dir="auto" rows={4} className="rounded-lg border border-slate-300 px-3 py-2 text-base" {...form.register('template')} />
          </label>
          {errors.template ? <p className="text-sm text-rose-700">{errors.template.message}</p> : null}
          <p className="text-sm text-slate-600" aria-live="polite">
            {fa.prompts.variables}: {found.length ? found.map((v) => <code key={v} className="mx-1 rounded bg-slate-100 px-1">{v}</code>) : fa.prompts.none}
          </p>
          <Button type="submit" disabled={create.isPending}>
            {fa.prompts.create}
          </Button>
        </form>
      </Card>
    </div>
  );
}
