// The full server on embedded PGlite (the default without DATABASE_URL), in a
// new folder each run: it migrates itself on open, and its tenant is made
// through the API (register, a site, a building, assets by asset.import), since
// PGlite is one connection that the server holds.
import { signIn, trpcMutation } from './http.ts';
import { BENCH_PASSWORD, assetTag, ownerEmail } from './seed.ts';

export const PGLITE_ASSETS = 100;

export async function seedPglite(serverUrl: string): Promise<{ assetId: string; cookie: string }> {
  const email = ownerEmail('pglite');
  await trpcMutation(serverUrl, 'organization.register', {
    organizationName: 'Bench pglite',
    name: 'Owner of pglite',
    email,
    password: BENCH_PASSWORD,
  });
  const cookie = await signIn(serverUrl, email, BENCH_PASSWORD);
  const auth = new Headers({ cookie });
  const { data: site } = await trpcMutation<{ id: string }>(
    serverUrl,
    'site.create',
    { name: 'Site 1' },
    auth,
  );
  const { data: building } = await trpcMutation<{ id: string }>(
    serverUrl,
    'building.create',
    { siteId: site.id, name: 'Building 1' },
    auth,
  );
  const rows = Array.from({ length: PGLITE_ASSETS }, (_, i) => ({
    buildingId: building.id,
    tag: assetTag(i + 1),
    name: `Pump ${i + 1}`,
    category: 'Pump',
  }));
  await trpcMutation(serverUrl, 'asset.import', { rows }, auth);
  const listPath = `/trpc/asset.list?input=${encodeURIComponent(JSON.stringify({ json: { tag: assetTag(50) } }))}`;
  const response = await fetch(serverUrl + listPath, { headers: { cookie } });
  const body = (await response.json()) as { result: { data: { json: { items: { id: string }[] } } } };
  const assetId = body.result.data.json.items[0]?.id;
  if (!assetId) throw new Error('the PGlite server did not list its imported asset');
  return { assetId, cookie };
}
