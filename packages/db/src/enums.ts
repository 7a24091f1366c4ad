// @tenantry/db/enums: the schema's enums (values and types), safe for the
// browser. Prisma's generated enums.ts imports nothing; enums.test.ts keeps
// Node builtins and the Prisma runtime out of this module's import graph.
export * from './generated/enums.ts';
