// Headers on every response that helmet does not set: a Permissions-Policy
// that turns off the browser features the dashboard never uses, and Vary:
// Origin wherever a CORS header was chosen by the request's Origin, so that no
// cache hands one origin's answer to another.
import type { FastifyInstance } from 'fastify';

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (reply.hasHeader('access-control-allow-origin')) {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(^|,)\s*origin\s*(,|$)/i.test(vary))
        void reply.header('vary', vary ? `${vary}, Origin` : 'Origin');
    }
  });
}
