import { useState } from 'react';

import { AssetFormDialog } from '../components/asset-form.tsx';
import { AssetLocationFilters } from '../components/asset-location-filters.tsx';
import { AssetsTable } from '../components/assets-table.tsx';
import { Button } from '../components/button.tsx';
import { PageHeader } from '../components/page-header.tsx';

export function AssetsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Assets"
        actions={
          <Button
            onClick={() => {
              setCreating(true);
            }}
          >
            New asset
          </Button>
        }
      />
      <AssetsTable filters={<AssetLocationFilters />} />
      <AssetFormDialog
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </>
  );
}
