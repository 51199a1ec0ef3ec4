import type { RecordContact } from '../crm/snapshot';
import { normalizeName } from '../domain/normalize';
import { stakeholderIdForContact, type Stakeholder } from '../domain/stakeholder';
import type { DecisionRole } from '../playbook/schema';
import type { CompiledPlaybook } from './compiled-playbook';
import { explanation, type Explanation } from './explain';

/** A customer person with everything known about them and the decision-chain roles they hold. */
export interface ClassifiedStakeholder extends Omit<Stakeholder, 'roles'> {
  /** The contact role the CRM shows, if the person is a CRM contact. */
  crmRole: string | undefined;
  roles: RoleClassification[];
}

export interface RoleClassification {
  roleId: string;
  because: Explanation;
}

/** CRMs that allow several contact roles show them in one cell. */
const CONTACT_ROLE_SEPARATORS = /[,;，；、]/;

/**
 * CRM contacts merged with what the team stored about them (stance, owner…),
 * followed by stored stakeholders the page does not show. Roles a person set
 * win; without them, roles come from the CRM contact role, then the title.
 */
export function classifyStakeholders(
  compiled: CompiledPlaybook,
  contacts: readonly RecordContact[],
  stored: readonly Stakeholder[],
): ClassifiedStakeholder[] {
  const storedById = new Map(stored.map((stakeholder) => [stakeholder.id, stakeholder]));
  const result: ClassifiedStakeholder[] = [];
  const seen = new Set<string>();

  for (const contact of contacts) {
    const id = stakeholderIdForContact(contact);
    if (seen.has(id)) continue;
    seen.add(id);
    const known = storedById.get(id);
    const title = contact.title ?? known?.title;
    result.push({
      id,
      name: contact.name,
      title,
      stance: known?.stance ?? 'unknown',
      influence: known?.influence ?? 'unknown',
      ourOwner: known?.ourOwner,
      lastEngagedAt: known?.lastEngagedAt,
      plan: known?.plan,
      source: 'crm',
      crmRole: contact.role,
      roles: classify(compiled, known?.roles ?? [], contact.role, title),
    });
  }
  for (const stakeholder of stored) {
    if (seen.has(stakeholder.id)) continue;
    seen.add(stakeholder.id);
    // Field by field, not a spread: stored objects come in many shapes, and one shape keeps later reads fast.
    result.push({
      id: stakeholder.id,
      name: stakeholder.name,
      title: stakeholder.title,
      stance: stakeholder.stance,
      influence: stakeholder.influence,
      ourOwner: stakeholder.ourOwner,
      lastEngagedAt: stakeholder.lastEngagedAt,
      plan: stakeholder.plan,
      source: stakeholder.source,
      crmRole: undefined,
      roles: classify(compiled, stakeholder.roles, undefined, stakeholder.title),
    });
  }
  return result;
}

function classify(
  compiled: CompiledPlaybook,
  setRoles: readonly string[],
  crmRole: string | undefined,
  title: string | undefined,
): RoleClassification[] {
  // Ids of roles a newer playbook dropped are ignored rather than shown as nameless roles.
  const roleIds = unique(setRoles.filter((roleId) => compiled.decisionRolesById.has(roleId)));
  if (roleIds.length === 0) return inferRoles(compiled, crmRole, title);
  return roleIds.map((roleId) => ({ roleId, because: explanation('stakeholder.roleSetManually') }));
}

function inferRoles(compiled: CompiledPlaybook, crmRole: string | undefined, title: string | undefined): RoleClassification[] {
  const found = new Map<DecisionRole, Explanation>();
  for (const part of crmRole?.split(CONTACT_ROLE_SEPARATORS) ?? []) {
    for (const role of compiled.contactRoles.get(normalizeName(part)) ?? []) {
      if (!found.has(role)) found.set(role, explanation('stakeholder.roleFromCrm', { crmRole: part.trim(), role: role.label }));
    }
  }
  if (title !== undefined) {
    for (const [role, hit] of compiled.titleMatcher.scan(title)) {
      if (!found.has(role)) found.set(role, explanation('stakeholder.roleFromTitle', { keyword: hit.keyword, role: role.label }));
    }
  }
  // Playbook order, so the same person always lists roles the same way.
  const roles: RoleClassification[] = [];
  for (const role of compiled.playbook.decisionRoles) {
    const because = found.get(role);
    if (because !== undefined) roles.push({ roleId: role.id, because });
  }
  return roles;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
