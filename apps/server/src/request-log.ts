// One log line per request, at info, written when the response has gone out:
// method, path (never the query string, which carries tRPC inputs), status and
// time. Fastify's own two lines per request are off (disableRequestLogging);
// the arrival is a debug line, for tests that wait for a request to land.
import type { FastifyInstance } from 'fastify';

const pathOf = (url: string) => url.split('?', 1)[0];

export function requestLog(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    req.log.debug({ method: req.method, path: pathOf(req.url) }, 'incoming request');
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        path: pathOf(req.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
}
