// Every page is its own chunk, loaded when its route is first visited: the sign-in page
// downloads React, the router and its form, not the dashboard's tables, dialogs and charts.
import { lazy } from 'react';
import type { ComponentType } from 'react';

/** React.lazy over a module's named export (the pages export by name). */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const Layout = page(() => import('./components/layout.tsx'), 'Layout');
export const SignInPage = page(() => import('./routes/sign-in.tsx'), 'SignInPage');
export const SignUpPage = page(() => import('./routes/sign-up.tsx'), 'SignUpPage');
export const AcceptInvitationPage = page(
  () => import('./routes/accept-invitation.tsx'),
  'AcceptInvitationPage',
);
export const OverviewPage = page(() => import('./routes/overview.tsx'), 'OverviewPage');
export const SitesPage = page(() => import('./routes/sites.tsx'), 'SitesPage');
export const SitePage = page(() => import('./routes/site.tsx'), 'SitePage');
export const BuildingsPage = page(() => import('./routes/buildings.tsx'), 'BuildingsPage');
export const BuildingPage = page(() => import('./routes/building.tsx'), 'BuildingPage');
export const AssetsPage = page(() => import('./routes/assets.tsx'), 'AssetsPage');
export const AssetPage = page(() => import('./routes/asset.tsx'), 'AssetPage');
export const MembersPage = page(() => import('./routes/members.tsx'), 'MembersPage');
export const SettingsPage = page(() => import('./routes/settings.tsx'), 'SettingsPage');
export const AuditPage = page(() => import('./routes/audit.tsx'), 'AuditPage');
export const ApiKeysPage = page(() => import('./routes/api-keys.tsx'), 'ApiKeysPage');
export const NotFound = page(() => import('./routes/not-found.tsx'), 'NotFound');
