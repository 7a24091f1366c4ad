import type { IncomingHttpHeaders } from 'node:http';

/** Node's header object as Fetch Headers (better-auth and the tRPC context speak Fetch). */
export function toFetchHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}
