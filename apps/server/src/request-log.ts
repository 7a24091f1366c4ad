// One log line per request, at info, written when the response has gone out:
// method, path (never the query string, which carries tRPC inputs), status and
// time, instead of Fastify's two (received, completed). The arrival is a debug
// line, for tests that wait for a request to land. Fastify's other lines (a
// route not found, a failed stream) keep their defaults.
import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

const pathOf = (url: string) => url.split('?', 1)[0];

export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, path: pathOf(request.url) }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request failed');
    else request.log.info(line, 'request');
  }
}
