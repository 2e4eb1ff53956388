import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loggableError } from '#libs/logging';
import { toErrorResponse } from './error-body';

/** The one place that turns any thrown error into the contract's error body. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(error, request, reply, this.logger);
  }
}

export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error' | 'warn'>,
): void {
  const { body, headers, unexpected, unavailable } = toErrorResponse(error, String(request.id));
  // Never the error object itself: a failed query carries its parameters (prompts, names, phones).
  if (unexpected)
    logger.error({ err: loggableError(error), requestId: request.id }, 'Unexpected error while handling a request');
  if (unavailable)
    logger.warn(
      { err: loggableError(error), requestId: request.id },
      'PostgreSQL or Redis did not answer in time: answered 503',
    );
  if (reply.sent) return;
  void reply.status(body.statusCode).headers(headers).type('application/json; charset=utf-8').send(body);
}
