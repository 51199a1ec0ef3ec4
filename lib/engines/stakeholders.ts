import type { RecordContact } from '../crm/snapshot';
import { normalizeName } from '../domain/normalize';
import { stakeholderIdForContact, type Stakeholder } from '../domain/stakeholder';
import type { DecisionRole } from '../playbook/schema';
import type { CompiledPlaybook } from './compiled-playbook';
import { explanation, type Explanation } from './explain';
import type { KeywordHit } from './keyword-matcher';

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
 * win; without them, roles come from the CRM contact role, or failing that the title.
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

/**
 * The CRM's contact role is the team's own statement about the person, so it
 * decides; the title is read only when the CRM role means no decision-chain
 * role (absent, "Other", or a name the playbook does not map).
 */
function inferRoles(compiled: CompiledPlaybook, crmRole: string | undefined, title: string | undefined): RoleClassification[] {
  const fromCrm = rolesFromCrm(compiled, crmRole);
  return inPlaybookOrder(compiled, fromCrm.size > 0 ? fromCrm : rolesFromTitle(compiled, title));
}

function rolesFromCrm(compiled: CompiledPlaybook, crmRole: string | undefined): Map<DecisionRole, Explanation> {
  const found = new Map<DecisionRole, Explanation>();
  for (const part of crmRole?.split(CONTACT_ROLE_SEPARATORS) ?? []) {
    for (const role of compiled.contactRoles.get(normalizeName(part)) ?? []) {
      if (!found.has(role)) found.set(role, explanation('stakeholder.roleFromCrm', { crmRole: part.trim(), role: role.label }));
    }
  }
  return found;
}

/**
 * Where a title lists several posts ("总经理 / 董事长", "副总经理（分管采购）",
 * "总经理助理兼采购部经理"). Spaces separate posts only between Chinese
 * characters: in "Assistant to the CEO" or "CEO 助理" they join the words of one post.
 */
const TITLE_POST_SEPARATORS = /[/／,，、;；|｜·・()（）兼]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;

/** Roles of the posts in a title; a post that belongs to someone else ("总经理助理", "Assistant to the CEO") adds none. */
function rolesFromTitle(compiled: CompiledPlaybook, title: string | undefined): Map<DecisionRole, Explanation> {
  const found = new Map<DecisionRole, Explanation>();
  for (const post of title?.split(TITLE_POST_SEPARATORS) ?? []) {
    const hits = compiled.titleMatcher.scan(post);
    if (hits.size === 0 || worksForTitleHolder(compiled.titleExclusionMatcher, post, hits)) continue;
    for (const [role, hit] of hits) {
      if (!found.has(role)) found.set(role, explanation('stakeholder.roleFromTitle', { keyword: hit.keyword, role: role.label }));
    }
  }
  return found;
}

/**
 * Whether a post holds an exclusion word ("assistant", "秘书") outside every
 * title keyword found in it: a keyword that spells the word out is a post of
 * its own ("Permanent Secretary", "Secretary General").
 */
function worksForTitleHolder(
  exclusions: CompiledPlaybook['titleExclusionMatcher'],
  post: string,
  keywordHits: ReadonlyMap<DecisionRole, KeywordHit>,
): boolean {
  for (let offset = 0; offset < post.length; ) {
    const exclusion = exclusions.scan(post.slice(offset)).get('excluded');
    if (exclusion === undefined) return false;
    const start = offset + exclusion.start;
    const end = offset + exclusion.end;
    if (!spelledOutByKeyword(keywordHits, start, end)) return true;
    offset = end;
  }
  return false;
}

function spelledOutByKeyword(keywordHits: ReadonlyMap<DecisionRole, KeywordHit>, start: number, end: number): boolean {
  for (const hit of keywordHits.values()) if (hit.start <= start && end <= hit.end) return true;
  return false;
}

/** Playbook order, so the same person always lists roles the same way. */
function inPlaybookOrder(compiled: CompiledPlaybook, found: ReadonlyMap<DecisionRole, Explanation>): RoleClassification[] {
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
