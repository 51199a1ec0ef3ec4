import type { CompiledPlaybook } from './compiled-playbook';

/**
 * The team role that assembles the deal's team and owns what no specific role
 * does: the role the record owner holds (the account responsible), else the
 * playbook's first team role.
 */
export function leadRole(compiled: CompiledPlaybook): string | undefined {
  const { teamRoles } = compiled.playbook;
  return (teamRoles.find((role) => role.heldByRecordOwner) ?? teamRoles[0])?.id;
}
