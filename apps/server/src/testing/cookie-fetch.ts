// A fetch that keeps cookies, as a browser would for one site, and sends the
// Origin a browser would. Enough for end-to-end tests over real HTTP.
export interface CookieFetch {
  fetch: typeof fetch;
  cookies: Map<string, string>;
}

export function cookieFetch(origin: string): CookieFetch {
  const cookies = new Map<string, string>();
  const wrapped: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    headers.set('origin', origin);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return { fetch: wrapped, cookies };
}
