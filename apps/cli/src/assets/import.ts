// `tenantry assets import <file.csv>`: streams the file, validates each row with
// the API's own schema, sends valid rows in batches of 100 (asset.import,
// idempotent by tag), and reports bad rows by line number without stopping.
// Every batch carries one importId, so the whole file is one audit event whose
// counts the server adds up.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';

import { IMPORT_BATCH_MAX, ZCreateAssetInput } from '@tenantry/api/schemas';
import type { TCreateAssetInput } from '@tenantry/api/schemas';
import type { TenantryClient } from '@tenantry/client';
import { parse } from 'csv-parse';

import { CliError, describe } from '../errors.ts';
import { loadBuildings } from './buildings.ts';
import type { Row } from './columns.ts';
import { progressBar } from './progress.ts';

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

interface Pending {
  line: number;
  input: TCreateAssetInput;
}

/** Lines after the header, for the progress bar's total (a first, cheap pass over the file). */
async function countRows(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
    last = (chunk as Buffer).at(-1) ?? last;
  }
  if (last !== 10) lines += 1; // a last line without a newline
  return Math.max(lines - 1, 0);
}

function toInput(row: Row, buildingId: string) {
  return {
    buildingId,
    tag: row.tag ?? '',
    name: row.name ?? '',
    category: row.category ?? '',
    ...(row.status ? { status: row.status.toUpperCase() } : {}),
    ...(row.serial_number ? { serialNumber: row.serial_number } : {}),
    ...(row.installed_at ? { installedAt: row.installed_at } : {}),
  };
}

export async function importAssets(
  client: TenantryClient,
  path: string,
  report: (line: string) => void,
): Promise<ImportSummary> {
  await access(path).catch(() => {
    throw new CliError(`cannot read ${path}`);
  });
  const total = await countRows(path);
  const buildings = await loadBuildings(client);
  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const seenTags = new Map<string, number>();
  const bar = progressBar(total);
  let done = 0;
  let batch: Pending[] = [];
  const importId = randomUUID();

  const fail = (line: number, message: string) => {
    summary.failed += 1;
    report(`line ${line}: ${message}`);
  };

  const flush = async () => {
    if (!batch.length) return;
    const sending = batch;
    batch = [];
    try {
      const result = await client.asset.import.mutate({ importId, rows: sending.map((p) => p.input) });
      summary.created += result.created;
      summary.updated += result.updated;
      summary.skipped += result.unchanged;
    } catch (error) {
      for (const p of sending) fail(p.line, describe(error));
    }
    done += sending.length;
    bar.update(done);
  };

  const parser = createReadStream(path).pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      const line = info.lines;
      const building = buildings.resolve(record);
      if ('error' in building) {
        fail(line, building.error);
      } else {
        const parsed = ZCreateAssetInput.safeParse(toInput(record, building.id));
        const earlier = record.tag ? seenTags.get(record.tag) : undefined;
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'} ${i.message}`);
          fail(line, issues.join('; '));
        } else if (earlier) {
          fail(line, `tag ${parsed.data.tag} already appears on line ${earlier}`);
        } else {
          seenTags.set(parsed.data.tag, line);
          batch.push({ line, input: parsed.data });
          if (batch.length === IMPORT_BATCH_MAX) await flush();
          continue;
        }
      }
      done += 1;
      bar.update(done);
    }
  } catch (error) {
    throw new CliError(`${path} is not valid CSV: ${describe(error)}`);
  } finally {
    await flush();
    bar.update(Math.max(done, total));
    bar.stop();
  }
  return summary;
}
