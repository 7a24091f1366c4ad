// A reader of prisma/schema.prisma for tooling and tests: each model's table
// and columns (@@map, @map) and its relations, and each enum's values. The
// generated client keeps the table names only in a private data model, so the
// schema text is read instead; tenancy.test.ts checks this reader against the
// generated client's models and fields, so a misread fails there.
import { readFileSync } from 'node:fs';

import { SCHEMA_PATH } from './migrations-folder.ts';

export interface SchemaField {
  name: string;
  /** The field's type without `?` or `[]`: a scalar, an enum or a model. */
  type: string;
  /** The column (`@map`), or the field's name. */
  column: string;
  list: boolean;
  optional: boolean;
  /** For a relation field that holds the foreign key: its fields and the target's. */
  relation: { fields: string[]; references: string[] } | null;
}

export interface SchemaModel {
  name: string;
  /** The table (`@@map`), or the model's name. */
  table: string;
  fields: SchemaField[];
}

export interface SchemaEnum {
  name: string;
  values: string[];
}

export interface PrismaSchema {
  models: SchemaModel[];
  enums: SchemaEnum[];
}

/** The line without its `//` comment (a `//` inside a string is kept). */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

const BLOCK = /^(model|enum|generator|datasource|view|type)\s+(\w+)\s*\{$/;
const FIELD = /^(\w+)\s+(\w+)(\[\])?(\?)?(?:\s+(.*))?$/;
const MAP = /@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/;
const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parseField(line: string): SchemaField {
  const match = FIELD.exec(line);
  if (!match) throw new Error(`schema.prisma: cannot read the field "${line}"`);
  const [, name = '', type = '', isList, isOptional, attributes = ''] = match;
  const fields = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(attributes);
  const references = /@relation\([^)]*references:\s*\[([^\]]*)\]/.exec(attributes);
  return {
    name,
    type,
    column: MAP.exec(attributes)?.[1] ?? name,
    list: isList !== undefined,
    optional: isOptional !== undefined,
    relation: fields ? { fields: list(fields[1]), references: list(references?.[1]) } : null,
  };
}

export function parsePrismaSchema(text: string): PrismaSchema {
  const schema: PrismaSchema = { models: [], enums: [] };
  let block: { kind: string; name: string; lines: string[] } | null = null;
  for (const raw of text.split('\n')) {
    const line = stripComment(raw).trim();
    if (!line) continue;
    if (!block) {
      const start = BLOCK.exec(line);
      if (!start) throw new Error(`schema.prisma: unexpected "${line}" outside a block`);
      block = { kind: start[1] ?? '', name: start[2] ?? '', lines: [] };
      continue;
    }
    if (line !== '}') {
      block.lines.push(line);
      continue;
    }
    const { kind, name, lines } = block;
    block = null;
    if (kind === 'view' || kind === 'type') {
      throw new Error(`schema.prisma: ${kind} blocks are not supported by this reader (${name})`);
    }
    if (kind === 'enum') {
      schema.enums.push({
        name,
        values: lines.filter((l) => !l.startsWith('@@')).map((l) => l.split(/\s/)[0] ?? l),
      });
    } else if (kind === 'model') {
      const table = lines.map((l) => /^@@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)$/.exec(l)?.[1]).find(Boolean);
      const fields = lines.filter((l) => !l.startsWith('@@')).map(parseField);
      schema.models.push({ name, table: table ?? name, fields });
    }
  }
  if (block) throw new Error(`schema.prisma: the block ${block.name} is not closed`);
  return schema;
}

export function readPrismaSchema(path = SCHEMA_PATH): PrismaSchema {
  return parsePrismaSchema(readFileSync(path, 'utf8'));
}
