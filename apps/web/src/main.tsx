import './index.css';

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';

import { Layout } from './components/layout.tsx';
import { RequireAdmin } from './components/require-admin.tsx';
import { Toaster } from './components/toaster.tsx';
import { queryClient, trpcClient } from './lib/client.ts';
import { AcceptInvitationPage } from './routes/accept-invitation.tsx';
import { ApiKeysPage } from './routes/api-keys.tsx';
import { AssetPage } from './routes/asset.tsx';
import { AssetsPage } from './routes/assets.tsx';
import { AuditPage } from './routes/audit.tsx';
import { BuildingPage } from './routes/building.tsx';
import { BuildingsPage } from './routes/buildings.tsx';
import { MembersPage } from './routes/members.tsx';
import { NotFound } from './routes/not-found.tsx';
import { OverviewPage } from './routes/overview.tsx';
import { SettingsPage } from './routes/settings.tsx';
import { SignInPage } from './routes/sign-in.tsx';
import { SignUpPage } from './routes/sign-up.tsx';
import { SitePage } from './routes/site.tsx';
import { SitesPage } from './routes/sites.tsx';
import { TRPCProvider } from './trpc.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
            <Route path="/invite/:token" element={<AcceptInvitationPage />} />
            <Route element={<Layout />}>
              <Route index element={<OverviewPage />} />
              <Route path="sites" element={<SitesPage />} />
              <Route path="sites/:siteId" element={<SitePage />} />
              <Route path="buildings" element={<BuildingsPage />} />
              <Route path="buildings/:buildingId" element={<BuildingPage />} />
              <Route path="assets" element={<AssetsPage />} />
              <Route path="assets/:assetId" element={<AssetPage />} />
              <Route path="members" element={<MembersPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route
                path="audit"
                element={
                  <RequireAdmin>
                    <AuditPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="api-keys"
                element={
                  <RequireAdmin>
                    <ApiKeysPage />
                  </RequireAdmin>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
        <Toaster />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
