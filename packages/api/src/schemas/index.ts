// zod schemas for every procedure's input, shared with the web forms.
export * from './api-key.ts';
export * from './asset.ts';
export * from './audit.ts';
export * from './building.ts';
export * from './common.ts';
export * from './invitation.ts';
export * from './member.ts';
export * from './organization.ts';
export * from './site.ts';
