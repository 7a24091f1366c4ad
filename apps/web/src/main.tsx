import './index.css';
// zod's messages in words for people, for every form (the API's schemas and the pages' own).
import '@tenantry/api/zod-messages';

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';

import { NetworkBanner } from './components/network-banner.tsx';
import { PageBoundary } from './components/page-boundary.tsx';
import { RequireAdmin } from './components/require-admin.tsx';
import { Toaster } from './components/toaster.tsx';
import { queryClient, trpcClient } from './lib/client.ts';
import { applyTheme } from './lib/theme.ts';
import {
  AcceptInvitationPage,
  ApiKeysPage,
  AssetPage,
  AssetsPage,
  AuditPage,
  BuildingPage,
  BuildingsPage,
  Layout,
  MembersPage,
  NotFound,
  OverviewPage,
  SettingsPage,
  SignInPage,
  SignUpPage,
  SitePage,
  SitesPage,
} from './pages.ts';
import { TRPCProvider } from './trpc.ts';

applyTheme();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <BrowserRouter>
          <PageBoundary>
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
          </PageBoundary>
        </BrowserRouter>
        <NetworkBanner />
        <Toaster />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
