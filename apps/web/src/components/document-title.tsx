// The tab's title, "Assets · Tenantry": React 19 hoists a <title> rendered anywhere into
// <head>, ahead of index.html's plain "Tenantry", and takes it out when the page unmounts.
export const APP_NAME = 'Tenantry';

export function DocumentTitle({ title }: { title: string }) {
  return <title>{`${title} · ${APP_NAME}`}</title>;
}
