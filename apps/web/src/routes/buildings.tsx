import { useState } from 'react';

import { BuildingFormDialog } from '../components/building-form.tsx';
import { BuildingsTable } from '../components/buildings-table.tsx';
import { Button } from '../components/button.tsx';
import { PageHeader } from '../components/page-header.tsx';

export function BuildingsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Buildings"
        actions={
          <Button
            onClick={() => {
              setCreating(true);
            }}
          >
            New building
          </Button>
        }
      />
      <BuildingsTable />
      <BuildingFormDialog
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </>
  );
}
