// The asset CSV format, shared by export and import so one feeds the other.
export const COLUMNS = [
  'tag',
  'name',
  'category',
  'status',
  'site',
  'building',
  'serial_number',
  'installed_at',
] as const;

export type Row = Partial<Record<(typeof COLUMNS)[number] | 'building_id', string>>;
