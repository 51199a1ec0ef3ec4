import type { RecordContact } from '@/lib/crm/snapshot';
import { normalizeName } from '@/lib/domain/normalize';
import { contactNameKey, stakeholderIdForContact, type Stakeholder } from '@/lib/domain/stakeholder';
import type { DecisionRole } from '@/lib/playbook/schema';
import type { CompiledPlaybook } from './compiled-playbook';
import { explanation, type Explanation } from '@/lib/domain/explain';
import type { KeywordHit } from '@/lib/text/keyword-matcher';

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
  const byEmailName = storedByEmailName(stored);
  const result: ClassifiedStakeholder[] = [];
  const seen = new Set<string>();
  // Stored ids shown under the page's contact id instead, so a reports-to line to them still finds them.
  const shownAs = new Map<string, string>();

  for (const contact of contacts) {
    const id = stakeholderIdForContact(contact);
    if (seen.has(id)) continue;
    seen.add(id);
    let known = storedById.get(id);
    // A page that lists names without e-mails (Salesforce's Contact Roles) keys a contact by name,
    // while what the team stored about it may be keyed by e-mail (read back from the CRM's API):
    // the one stored person of that name is the same person, not an extra one.
    const alias = known === undefined && !contact.email ? byEmailName.get(contactNameKey(contact.name)) : undefined;
    if (alias) {
      known = alias;
      seen.add(alias.id);
      shownAs.set(alias.id, id);
    }
    const title = contact.title ?? known?.title;
    result.push({
      id,
      name: contact.name,
      title,
      stance: known?.stance ?? 'unknown',
      influence: known?.influence ?? 'unknown',
      ourOwner: known?.ourOwner,
      reportsTo: known?.reportsTo,
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
      reportsTo: stakeholder.reportsTo,
      lastEngagedAt: stakeholder.lastEngagedAt,
      plan: stakeholder.plan,
      source: stakeholder.source,
      crmRole: undefined,
      roles: classify(compiled, stakeholder.roles, undefined, stakeholder.title),
    });
  }
  if (shownAs.size > 0) {
    for (const person of result) if (person.reportsTo !== undefined) person.reportsTo = shownAs.get(person.reportsTo) ?? person.reportsTo;
  }
  return result;
}

/** Stored CRM contacts keyed by e-mail, by their name: only names that one such person has. */
function storedByEmailName(stored: readonly Stakeholder[]): Map<string, Stakeholder> {
  const byName = new Map<string, Stakeholder | null>();
  for (const stakeholder of stored) {
    if (stakeholder.source !== 'crm' || !stakeholder.id.startsWith('crm:email:')) continue;
    const key = contactNameKey(stakeholder.name);
    byName.set(key, byName.has(key) ? null : stakeholder);
  }
  return new Map([...byName].flatMap(([key, stakeholder]) => (stakeholder ? [[key, stakeholder] as const] : [])));
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

/**
 * "&" and "and" between words join two posts ("CFO & Company Secretary",
 * "Chief Accountant and Head of Finance"), or two functions of one ("Head of
 * Legal and Compliance"), which read the same as two posts. Inside a word they
 * do not ("O&M", "R&D").
 */
const TITLE_POST_CONJUNCTIONS = /\s+(?:&|and)\s+/iu;

/**
 * An exclusion word ending in, or followed by, "to", "for" or "of" (with or
 * without "the"): the holder works for whoever the rest of the title names
 * ("Assistant to the CEO and Chairman", "Secretary to the GM", "Office of the CEO").
 */
const WORKS_FOR_CONNECTOR = /^\s*(?:to|for|of)(?:\s+the)?\b/iu;
const ENDS_WITH_WORKS_FOR_CONNECTOR = /\b(?:to|for|of)(?:\s+the)?\s*$/iu;

/**
 * Bodies rather than persons: the secretary or assistant of a committee works
 * in the committee's function ("Tender Committee Secretary" is a procurement job).
 */
const COMMITTEE_WORDS = /\b(?:committee|commission|council|board|panel)s?\b|委员会|小组/iu;

/**
 * A Chinese department name (网络部, 采购中心, 财务处, 信息科, 招标办) right
 * before a rank, once "副" / "常务副" is set aside. 事业部 (business unit),
 * 总部 and 本部 (headquarters) are not departments: their heads run a business.
 */
const DEPARTMENT_BEFORE_RANK = /(?:(?<!事业|总|本)部|中心|处|科|室|办)(?:常务|执行)?副?$/u;

/**
 * Roles of the posts in a title, each post read by `readPost`. An "Assistant
 * to …" carries over the "&" / "and" that follows it, since the conjunction
 * then joins the people the assistant works for ("Secretary to the President and CEO").
 */
function rolesFromTitle(compiled: CompiledPlaybook, title: string | undefined): Map<DecisionRole, Explanation> {
  const found = new Map<DecisionRole, Explanation>();
  for (const segment of title?.split(TITLE_POST_SEPARATORS) ?? []) {
    let worksForNamed = false;
    for (const post of segment.split(TITLE_POST_CONJUNCTIONS)) {
      const reading = readPost(compiled, post, worksForNamed);
      worksForNamed = reading.worksForNamed;
      for (const [role, hit] of reading.roles) {
        if (!found.has(role)) found.set(role, explanation('stakeholder.roleFromTitle', { keyword: hit.keyword, role: role.label }));
      }
    }
  }
  return found;
}

/** Whether a title names a decision-chain role of the playbook (read as `classifyStakeholders` reads it). */
export function titleNamesRole(compiled: CompiledPlaybook, title: string | undefined): boolean {
  return rolesFromTitle(compiled, title).size > 0;
}

interface PostReading {
  roles: Map<DecisionRole, KeywordHit>;
  /** The post ends inside the object of "Assistant to …", so a post joined to it by "&" / "and" names whom the holder works for. */
  worksForNamed: boolean;
}

/**
 * The roles one post gives, from the title keywords found in it, read as follows.
 *
 * Exclusion words (the playbook's `titleExclusions`: "assistant", "secretary",
 * "intern", 助理, 秘书…) mean working FOR a post holder: they remove the roles
 * of the keywords that name that holder, not every role of the post. An
 * exclusion word removes the role of:
 * - a keyword inside it (总经理办公室, 总裁办: the office of the 总经理);
 * - every keyword after it when "to" / "for" / "of" joins them ("Assistant to
 *   the CEO", "Executive Assistant to the Chief Procurement Officer", "Office of the CFO");
 * - a top-role keyword right after it ("Assistant General Manager", "Assistant
 *   Secretary General"): an assistant is neither the head nor one of its deputies;
 * - a keyword before it ("总经理助理", "CEO 助理", "财务总监秘书", "CFO's Assistant", "IT Intern").
 * It leaves the role of:
 * - a function (non-top) keyword right after it: there the word is a rank
 *   ("Assistant Procurement Manager", 助理工程师), and an assistant manager of a
 *   function works in that function;
 * - a function keyword naming a committee the holder serves ("Tender Committee
 *   Secretary", "Secretary of the Tender Committee", 招标委员会秘书): the
 *   secretary of a tender committee works in procurement, the secretary of the
 *   CEO for the CEO.
 * An exclusion word that a keyword spells out ("Permanent Secretary",
 * "Secretary General") is part of a post of its own, not an exclusion.
 * (So "Intern Engineer" / 实习工程师 read as a rank of engineer, although
 * interns hold no role: the playbook does not tell interns from assistants.)
 *
 * A top-role keyword (总经理, 总裁) right after a Chinese department name is
 * that department's rank, not the head of the customer: 网络部总经理 heads the
 * network department, so the post holds only the roles the department names
 * (none for 人力资源部总经理). 分公司总经理 heads a branch and stays the top.
 *
 * A function keyword that ends the post is its job noun (engineer, 工程师,
 * 顾问); when another function's keyword comes before it, that one names the
 * function the holder works in, and the job noun adds nothing ("Field
 * Maintenance Engineer" is in maintenance, "IQC工程师" in inspection, 法律顾问
 * in legal). Top-role keywords name no function: "VP Procurement" is both.
 */
function readPost(compiled: CompiledPlaybook, post: string, worksForNamed: boolean): PostReading {
  const hits = compiled.titleMatcher.scan(post);
  const roles = new Map(hits);
  let worksForRest = worksForNamed;
  if (worksForNamed) roles.clear();

  for (const exclusion of exclusionsIn(compiled.titleExclusionMatcher, post, hits)) {
    const worksForAfter =
      ENDS_WITH_WORKS_FOR_CONNECTOR.test(post.slice(exclusion.start, exclusion.end)) || WORKS_FOR_CONNECTOR.test(post.slice(exclusion.end));
    if (worksForAfter) worksForRest = true;
    for (const [role, hit] of hits) {
      if (exclusion.start <= hit.start && hit.end <= exclusion.end) roles.delete(role);
      else if (hit.start >= exclusion.end) {
        const rightAfter = post.slice(exclusion.end, hit.start).trim() === '';
        if (role.top ? worksForAfter || rightAfter : worksForAfter && !COMMITTEE_WORDS.test(post.slice(hit.end))) roles.delete(role);
      } else if (role.top || !COMMITTEE_WORDS.test(post.slice(hit.end, exclusion.start))) roles.delete(role);
    }
  }

  for (const [role, hit] of roles) {
    if (role.top && DEPARTMENT_BEFORE_RANK.test(post.slice(0, hit.start))) roles.delete(role);
  }

  const jobNouns = [...roles].filter(
    ([role, hit]) =>
      !role.top &&
      post.slice(hit.end).trim() === '' &&
      [...roles].some(([other, otherHit]) => other !== role && !other.top && otherHit.start < hit.start),
  );
  for (const [role] of jobNouns) roles.delete(role);

  return { roles, worksForNamed: worksForRest };
}

/** Every exclusion word in a post, except those a title keyword spells out ("Permanent Secretary", "Secretary General"). */
function exclusionsIn(
  exclusions: CompiledPlaybook['titleExclusionMatcher'],
  post: string,
  keywordHits: ReadonlyMap<DecisionRole, KeywordHit>,
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let offset = 0; offset < post.length; ) {
    const exclusion = exclusions.scan(post.slice(offset)).get('excluded');
    if (exclusion === undefined) break;
    const start = offset + exclusion.start;
    const end = offset + exclusion.end;
    if (!spelledOutByKeyword(keywordHits, start, end)) found.push({ start, end });
    offset = end;
  }
  return found;
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
