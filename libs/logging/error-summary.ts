/** Name, code and the start of the message of an error, for logs. Adapters keep prompts and generated text out of messages. */
export function errorSummary(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error).slice(0, 200) };
  const code = (error as Error & { code?: unknown }).code;
  return { name: error.name, message: error.message.slice(0, 300), ...(typeof code === 'string' && { code }) };
}
