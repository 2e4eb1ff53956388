import { FakeOpenAiServer } from '../../test/fakes/fake-openai.server';

/**
 * The fake OpenAI server in a process of its own (forked by `FakeOpenAiProcess`), so that the ~105
 * SSE chunks it writes per completion are not charged to the process under test: a real OpenAI is
 * another machine. It listens on a free port of 127.0.0.1, says `ready` with its base URL over IPC,
 * then answers one message per command; it exits when the parent disconnects (stop, exit, crash).
 */

export type FakeOpenAiCommand =
  | { method: 'respondWith'; text: string }
  | { method: 'setLatency'; ms: number }
  | { method: 'setChunkDelay'; ms: number }
  | { method: 'reset' }
  | { method: 'requestCount' }
  | { method: 'stop' };

/** Parent → child: a command and the id its answer carries back. */
export type FakeOpenAiCommandMessage = FakeOpenAiCommand & { id: number };

/** Child → parent. */
export type FakeOpenAiProcessMessage =
  { type: 'ready'; baseUrl: string } | { type: 'answer'; id: number; value?: number; error?: string };

async function execute(fake: FakeOpenAiServer, command: FakeOpenAiCommand): Promise<number | undefined> {
  switch (command.method) {
    case 'respondWith':
      return void fake.respondWith(command.text);
    case 'setLatency':
      return void fake.setLatency(command.ms);
    case 'setChunkDelay':
      return void fake.setChunkDelay(command.ms);
    case 'reset':
      return void fake.reset();
    case 'requestCount':
      return fake.requestCount;
    case 'stop':
      return fake.stop().then(() => undefined);
  }
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('fake-openai-process must be forked with an IPC channel');
  const apiKey = process.argv[2];
  const fake = await FakeOpenAiServer.start(apiKey ? { apiKey } : {});
  // However the parent goes (stop, normal exit, crash, SIGKILL), its end of the channel closes.
  process.once('disconnect', () => void fake.stop().finally(() => process.exit(0)));
  process.on('message', (message: FakeOpenAiCommandMessage) => {
    execute(fake, message).then(
      (value) => send({ type: 'answer', id: message.id, value } satisfies FakeOpenAiProcessMessage),
      (error: unknown) =>
        send({
          type: 'answer',
          id: message.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies FakeOpenAiProcessMessage),
    );
  });
  send({ type: 'ready', baseUrl: fake.baseUrl } satisfies FakeOpenAiProcessMessage);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `fake-openai-process: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
