import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '#libs/config';
import type { Caller } from '#libs/ddd';
import { CurrentCaller, RequireRole } from '../../../accounts';
import { WatchContentGenerationUseCase } from '../../application/use-cases/generation/watch-content-generation.use-case';
import { StreamAccessWatch } from './stream-access-watch';
import { SseStreams } from './sse-stream';

const DESCRIPTION = `Server-Sent Events (\`text/event-stream\`) for one content, until the client disconnects.

The first event is a \`status\` with the content's current state. Then, as they happen:
- \`status\` \`{status, lastError: {code, message} | null, jobId?, attempt?}\`: a status change. \`IN_PROGRESS\` (re)starts the text: after a retry the deltas begin again.
- \`delta\` \`{text}\`: the next piece of generated text.
- \`done\` \`{jobId, model, finishReason, usage: {promptTokens, completionTokens, cachedTokens, reasoningTokens, totalTokens}}\`: the text is complete and saved as a new version (cachedTokens and reasoningTokens are the parts of promptTokens and completionTokens the provider reports as cached and as reasoning).
- \`error\` \`{code, message, retrying, retryAfterMs?, jobId}\`: an attempt failed (\`code\` e.g. \`RATE_LIMITED\`, \`INSUFFICIENT_QUOTA\`, \`TIMEOUT\`); \`retrying: false\` means the generation has failed for good.

Events carry an \`id\`; a client that reconnects with \`Last-Event-ID\` gets the events it missed (for 15 minutes after the last one).
A comment line is sent every 15 s to keep proxies from closing the connection. While the stream is open the caller's
access is checked again every few seconds: when they leave the organization, or their access token expires, the stream
ends with an \`end\` event \`{reason: "access_revoked" | "session_expired"}\` (reconnect only with a valid token). Browsers' EventSource cannot send an
Authorization header: read the stream with fetch() instead.`;

@ApiTags('Contents')
@ApiBearerAuth()
@Controller('contents')
export class GenerationEventsController {
  constructor(
    private readonly watchGeneration: WatchContentGenerationUseCase,
    private readonly streams: SseStreams,
    private readonly accessWatch: StreamAccessWatch,
    private readonly config: AppConfig,
  ) {}

  @Get(':id/events')
  @RequireRole('VIEWER', 'content', 'id')
  @ApiOperation({
    summary: 'Live status and generated text of a content (Server-Sent Events)',
    description: DESCRIPTION,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiOkResponse({ description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  async events(
    @CurrentCaller() caller: Caller,
    @Param('id') contentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const stream = this.streams.create(reply);
    const lastEventId = request.headers['last-event-id'];
    // Subscribed before the response starts: a failure here still gets the contract's JSON error.
    const subscription = await this.watchGeneration.execute(
      caller.organizationId,
      contentId,
      (event) => stream.send(event),
      { after: typeof lastEventId === 'string' ? lastEventId : undefined },
    );
    const watch = this.accessWatch.start(caller, caller.organizationId, this.config.sse.accessRecheckMs, (reason) =>
      stream.endWith(reason),
    );
    stream.onClose(() => {
      watch.stop();
      return subscription.close();
    });
    stream.open();
  }
}
