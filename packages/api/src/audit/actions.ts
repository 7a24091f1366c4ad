// Every audited action, and the kind of record it targets. A mutation names its
// action in its procedure's meta; a name not listed here does not compile.
export const AUDIT_ACTIONS = {
  'organization.register': 'organization',
  'organization.update': 'organization',
  'member.updateRole': 'user',
  'member.deactivate': 'user',
  'member.reactivate': 'user',
  'member.transferOwnership': 'user',
  'invitation.create': 'invitation',
  'invitation.revoke': 'invitation',
  'invitation.accept': 'invitation',
  'site.create': 'site',
  'site.update': 'site',
  'site.delete': 'site',
  'building.create': 'building',
  'building.update': 'building',
  'building.delete': 'building',
  'asset.create': 'asset',
  'asset.update': 'asset',
  'asset.import': 'asset',
  'asset.delete': 'asset',
  'apiKey.create': 'apiKey',
  'apiKey.revoke': 'apiKey',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditTargetType = (typeof AUDIT_ACTIONS)[AuditAction];
