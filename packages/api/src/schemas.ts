// Every domain's zod schemas, shared with the web forms (`@tenantry/api/schemas`).
export * from './lib/schemas.ts';
export * from './domains/api-key/schemas.ts';
export * from './domains/asset/schemas.ts';
export * from './domains/audit/schemas.ts';
export * from './domains/building/schemas.ts';
export * from './domains/invitation/schemas.ts';
export * from './domains/member/schemas.ts';
export * from './domains/organization/schemas.ts';
export * from './domains/site/schemas.ts';
