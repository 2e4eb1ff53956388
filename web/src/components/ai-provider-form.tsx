'use client';

import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner, Field } from '@/components/ui';
import { toLatinDigits } from '@/lib/format';
import type { AiProvider, AiProviderInput, AiProviderModel } from '@/lib/types';
import { fa } from '@/messages/fa';

const MAX_MODELS = 50;
const MIN_KEY = 8;
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const PRICE = /^\d{1,5}(?:\.\d{1,6})?$/;
const PRICE_FIELDS = ['inputUsdPerMTok', 'cachedInputUsdPerMTok', 'outputUsdPerMTok'] as const;

type Row = AiProviderModel;

const blankRow = (): Row => ({ id: '', inputUsdPerMTok: '', cachedInputUsdPerMTok: '', outputUsdPerMTok: '' });

/** A decimal price as typed (Persian digits allowed), or undefined when it is not one the API accepts (0 … 10 000, 6 decimals). */
export function parsePrice(raw: string): string | undefined {
  const text = toLatinDigits(raw).replace(/[٫,]/g, '.').trim();
  if (!PRICE.test(text) || Number(text) > 10_000) return undefined;
  return text;
}

/** Why the form cannot be saved, field by field, as the API would refuse it (it checks again). */
export function problemsOf(
  baseUrl: string,
  apiKey: string,
  rows: Row[],
): { baseUrl?: string; apiKey?: string; models?: string; rows: (string | undefined)[] } {
  const seen = new Set<string>();
  const url = baseUrl.trim();
  return {
    baseUrl: /^https?:\/\/[^\s/]+/i.test(url) ? undefined : fa.aiProvider.baseUrlInvalid,
    apiKey: apiKey.trim().length >= MIN_KEY ? undefined : fa.aiProvider.keyRequired,
    models: !rows.length
      ? fa.aiProvider.modelsRequired
      : rows.length > MAX_MODELS
        ? fa.aiProvider.tooManyModels
        : undefined,
    rows: rows.map((row) => {
      const id = row.id.trim();
      if (!MODEL_ID.test(id)) return fa.aiProvider.modelIdInvalid;
      if (seen.has(id.toLowerCase())) return fa.aiProvider.modelDuplicate;
      seen.add(id.toLowerCase());
      if (PRICE_FIELDS.some((field) => parsePrice(row[field]) === undefined)) return fa.aiProvider.priceInvalid;
      return undefined;
    }),
  };
}

/**
 * The organization's own OpenAI-compatible provider: base URL, key (write-only: only its last 4
 * characters are ever shown, and it must be typed again to save) and the models with their prices
 * in USD per million tokens. Saving replaces the whole provider (PUT); removing it returns the
 * organization to the deployment's provider (DELETE). Both go through the step-up dialog (`api()`).
 */
export function AiProviderForm({
  provider,
  canEdit,
  saving,
  removing,
  error,
  onSave,
  onRemove,
}: {
  provider: AiProvider | null;
  canEdit: boolean;
  saving: boolean;
  removing: boolean;
  error: unknown;
  onSave: (input: AiProviderInput) => void;
  onRemove: () => void;
}) {
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [rows, setRows] = useState<Row[]>(() =>
    provider ? provider.models.map((model) => ({ ...model })) : [blankRow()],
  );
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [touched, setTouched] = useState(false);
  const problems = problemsOf(baseUrl, apiKey, rows);
  const invalid = Boolean(problems.baseUrl || problems.apiKey || problems.models || problems.rows.some(Boolean));
  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    onSave({
      baseUrl: baseUrl.trim(),
      apiKey: apiKey.trim(),
      models: rows.map((row) => ({
        id: row.id.trim(),
        inputUsdPerMTok: parsePrice(row.inputUsdPerMTok)!,
        cachedInputUsdPerMTok: parsePrice(row.cachedInputUsdPerMTok)!,
        outputUsdPerMTok: parsePrice(row.outputUsdPerMTok)!,
      })),
    });
  };

  const status = (
    <p className="text-sm text-slate-700">
      {provider ? (
        <>
          {fa.aiProvider.usingOwn}{' '}
          <span dir="ltr" className="font-mono">
            •••• {provider.apiKeyLast4}
          </span>
        </>
      ) : (
        fa.aiProvider.usingDeployment
      )}
    </p>
  );
  if (!canEdit)
    return (
      <div className="flex flex-col gap-2">
        {status}
        <p className="text-sm text-slate-600">{fa.aiProvider.readOnly}</p>
      </div>
    );

  const show = (message: string | undefined) =>
    touched && message ? <p className="text-sm text-rose-700">{message}</p> : null;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {status}
      <Field
        id="ai-provider-base-url"
        label={fa.aiProvider.baseUrl}
        dir="ltr"
        type="url"
        placeholder="https://relay.example.ir/v1"
        value={baseUrl}
        onChange={(event) => setBaseUrl(event.target.value)}
      />
      {show(problems.baseUrl)}
      <div className="flex flex-col gap-1">
        <Field
          id="ai-provider-key"
          label={fa.aiProvider.apiKey}
          dir="ltr"
          type="password"
          autoComplete="off"
          placeholder={provider ? `•••• ${provider.apiKeyLast4}` : 'sk-…'}
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          aria-describedby="ai-provider-key-hint"
        />
        <p id="ai-provider-key-hint" className="text-xs text-slate-600">
          {provider ? fa.aiProvider.keyAgain : fa.aiProvider.keyHint}
        </p>
      </div>
      {show(problems.apiKey)}
      <table className="w-full text-sm">
        <caption className="mb-2 text-start font-medium">{fa.aiProvider.models}</caption>
        <thead>
          <tr className="text-start text-slate-600">
            <th scope="col" className="text-start font-normal">
              {fa.aiProvider.modelId}
            </th>
            <th scope="col" className="text-start font-normal">
              {fa.aiProvider.inputPrice}
            </th>
            <th scope="col" className="text-start font-normal">
              {fa.aiProvider.cachedInputPrice}
            </th>
            <th scope="col" className="text-start font-normal">
              {fa.aiProvider.outputPrice}
            </th>
            <th scope="col">
              <span className="sr-only">{fa.aiProvider.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="align-top">
              <td className="p-1">
                <input
                  aria-label={fa.aiProvider.modelId}
                  dir="ltr"
                  className="w-full rounded border border-slate-300 px-2 py-1"
                  value={row.id}
                  onChange={(event) => change(index, { id: event.target.value })}
                />
                {touched && problems.rows[index] ? (
                  <p className="text-xs text-rose-700">{problems.rows[index]}</p>
                ) : null}
              </td>
              {PRICE_FIELDS.map((field) => (
                <td key={field} className="p-1">
                  <input
                    aria-label={
                      {
                        inputUsdPerMTok: fa.aiProvider.inputPrice,
                        cachedInputUsdPerMTok: fa.aiProvider.cachedInputPrice,
                        outputUsdPerMTok: fa.aiProvider.outputPrice,
                      }[field]
                    }
                    dir="ltr"
                    inputMode="decimal"
                    className="w-full rounded border border-slate-300 px-2 py-1"
                    value={row[field]}
                    onChange={(event) => change(index, { [field]: event.target.value })}
                  />
                </td>
              ))}
              <td className="p-1">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  aria-label={fa.aiProvider.removeModel(row.id.trim() || String(index + 1))}
                >
                  ×
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {show(problems.models)}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRows((current) => [...current, blankRow()])}
          disabled={rows.length >= MAX_MODELS}
        >
          {fa.aiProvider.addModel}
        </Button>
        <Button type="submit" disabled={saving}>
          {fa.aiProvider.save}
        </Button>
        {provider ? (
          confirmRemove ? (
            <>
              <Button type="button" variant="danger" disabled={removing} onClick={onRemove}>
                {fa.aiProvider.confirmRemove}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmRemove(false)}>
                {fa.aiProvider.cancel}
              </Button>
            </>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirmRemove(true)}>
              {fa.aiProvider.remove}
            </Button>
          )
        ) : null}
      </div>
      <ErrorBanner error={error} />
    </form>
  );
}
