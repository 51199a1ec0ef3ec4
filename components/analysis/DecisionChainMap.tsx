import { useLayoutEffect, useRef } from 'react';
import type { Influence, Stance } from '@/lib/domain/stakeholder';
import type { Person } from '@/lib/domain/team';
import type { DecisionChainGap, DecisionChainReport } from '@/lib/engines/decision-chain';
import type { ClassifiedStakeholder } from '@/lib/engines/stakeholders';
import { t } from '@/lib/i18n';
import { UrgencyBadge } from './NextActions';
import { ownerName } from './StakeholderEditor';
import { INFLUENCE_LABEL, STANCE_LABEL } from './StakeholderForm';
import type { PlaybookLabels } from './text';

/** A sign per stance, so the card's colour is never the only thing that tells them apart. */
const STANCE_SIGN: Record<Stance, string> = { supporter: '+', neutral: '=', opponent: '−', unknown: '?' };
/** Filled dots for more influence, beside the thicker border. */
const INFLUENCE_DOTS: Record<Influence, string> = { high: '●●●', medium: '●●○', low: '●○○', unknown: '○○○' };

const SVG_NS = 'http://www.w3.org/2000/svg';
const ARROW = 6;
/** Sideways shifts of successive lines, in px: the first through the cards' middle, the next beside it. */
const LINE_SHIFTS = [0, 12, -12, 24, -24, 36, -36];

export interface DecisionChainMapProps {
  report: DecisionChainReport;
  labels: PlaybookLabels;
  directory: readonly Person[];
  /** Starts adding a person for a customer role nobody covers. */
  addPerson(roleId: string): void;
  /** Opens the editor of a person. */
  editPerson(id: string): void;
}

interface Group {
  key: string;
  roleId: string | null;
  label: string;
  people: ClassifiedStakeholder[];
  slot: DecisionChainGap | undefined;
}

/**
 * The customer's people as cards grouped by decision-chain role (a person
 * holding two roles in both groups, people holding none under "Unplaced"),
 * each coloured and signed by stance, bordered and dotted by influence, with
 * our owner's initials; an empty slot for each required role nobody covers;
 * lines from each person to whom they report. The lists below say the same
 * in words.
 */
export function DecisionChainMap({ report, labels, directory, addPerson, editPerson }: DecisionChainMapProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const lines = useRef<SVGSVGElement>(null);
  const groups = mapGroups(report, labels);
  const byId = new Map(report.stakeholders.map((person) => [person.id, person]));
  const links = report.stakeholders.flatMap((person) =>
    person.reportsTo !== undefined && person.reportsTo !== person.id && byId.has(person.reportsTo) ? [[person.id, person.reportsTo] as const] : [],
  );
  const latestLinks = useRef(links);
  const shown = groups.length > 0;

  // Lines follow the cards' measured boxes: drawn after every render, and again whenever the map's size changes.
  useLayoutEffect(() => {
    latestLinks.current = links;
    if (canvas.current && lines.current) drawLines(canvas.current, lines.current, links);
  });
  useLayoutEffect(() => {
    const root = canvas.current;
    const svg = lines.current;
    // No ResizeObserver (happy-dom, old engines): the lines are drawn on render only.
    if (!shown || !root || !svg || typeof ResizeObserver === 'undefined') return undefined;
    const watch = new ResizeObserver(() => drawLines(root, svg, latestLinks.current));
    watch.observe(root);
    return () => watch.disconnect();
  }, [shown]);

  if (!shown) return null;
  return (
    <div className="chain-map" data-testid="decision-chain-map">
      <h3>{t('chainMapHeading')}</h3>
      <p className="muted small">{t('chainMapLegend')}</p>
      <div className="chain-map-canvas" ref={canvas}>
        <svg className="chain-map-lines" aria-hidden="true" focusable="false" ref={lines} />
        <ul className="chain-map-groups">
          {groups.map((group) => (
            <li key={group.key} className="chain-map-group" data-testid="map-group" data-role={group.roleId ?? undefined}>
              <p className="chain-map-group-label">{group.label}</p>
              <ul className="chain-map-cards" aria-label={group.label}>
                {group.people.map((person) => (
                  <li key={person.id}>
                    <Card
                      person={person}
                      manager={person.reportsTo === undefined ? undefined : byId.get(person.reportsTo)}
                      directory={directory}
                      edit={editPerson}
                    />
                  </li>
                ))}
                {group.slot && group.roleId !== null && (
                  <li>
                    <Slot gap={group.slot} roleLabel={group.label} notRead={report.rolesNotRead !== null} add={() => addPerson(group.roleId as string)} />
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Role groups in the playbook's order: those required or held by someone; then the people holding no role, if any. */
function mapGroups(report: DecisionChainReport, labels: PlaybookLabels): Group[] {
  const byId = new Map(report.stakeholders.map((person) => [person.id, person]));
  const slots = new Map(report.gaps.filter((gap) => gap.kind === 'role-uncovered' && gap.roleId !== undefined).map((gap) => [gap.roleId as string, gap]));
  const groups: Group[] = report.roles
    .filter((role) => role.required || role.stakeholderIds.length > 0)
    .map((role) => ({
      key: `role:${role.roleId}`,
      roleId: role.roleId,
      label: labels.decisionRole(role.roleId),
      people: role.stakeholderIds.flatMap((id) => byId.get(id) ?? []),
      slot: role.stakeholderIds.length === 0 ? slots.get(role.roleId) : undefined,
    }));
  const unplaced = report.stakeholders.filter((person) => person.roles.length === 0);
  if (unplaced.length > 0) groups.push({ key: 'unplaced', roleId: null, label: t('chainMapUnplaced'), people: unplaced, slot: undefined });
  return groups;
}

function Card({
  person,
  manager,
  directory,
  edit,
}: {
  person: ClassifiedStakeholder;
  manager: ClassifiedStakeholder | undefined;
  directory: readonly Person[];
  edit: (id: string) => void;
}) {
  const owner = ownerName(person.ourOwner, directory);
  return (
    <button
      type="button"
      className={`map-card stance-${person.stance} influence-${person.influence}`}
      data-testid="map-card"
      data-id={person.id}
      data-stance={person.stance}
      data-influence={person.influence}
      onClick={() => edit(person.id)}
    >
      <span className="map-card-head">
        <span className="map-card-name">{person.name}</span>{' '}
        <span
          className={`map-owner${person.ourOwner === undefined ? ' map-owner-none' : ''}`}
          role="img"
          aria-label={t('chainMapOwner', owner)}
          title={t('chainMapOwner', owner)}
          data-testid="map-owner"
        >
          {person.ourOwner === undefined ? '–' : initials(owner)}
        </span>
      </span>{' '}
      {person.title && (
        <>
          <span className="map-card-title">{person.title}</span>{' '}
        </>
      )}
      <span className="map-card-marks">
        <span className="map-stance" data-testid="map-stance">
          <span className="map-sign" aria-hidden="true">
            {STANCE_SIGN[person.stance]}
          </span>{' '}
          {t(STANCE_LABEL[person.stance])}
        </span>{' '}
        <span className="map-influence" data-testid="map-influence">
          <span className="map-dots" aria-hidden="true">
            {INFLUENCE_DOTS[person.influence]}
          </span>{' '}
          {t('chainMapInfluence', t(INFLUENCE_LABEL[person.influence]))}
        </span>
      </span>{' '}
      {manager && (
        <>
          <span className="map-reports-to" data-testid="map-reports-to">
            {t('chainMapReportsTo', manager.name)}
          </span>{' '}
        </>
      )}
      <span className="visually-hidden">{t('valueEdit')}</span>
    </button>
  );
}

function Slot({ gap, roleLabel, notRead, add }: { gap: DecisionChainGap; roleLabel: string; notRead: boolean; add: () => void }) {
  return (
    <button
      type="button"
      className={`map-slot severity-${gap.severity}`}
      data-testid="map-slot"
      data-role={gap.roleId}
      data-severity={gap.severity}
      onClick={add}
    >
      <span className="map-slot-status">{t(notRead ? 'chainMapSlotNotRead' : 'chainMapSlotMissing')}</span>{' '}
      <span className="map-slot-add">
        <span aria-hidden="true">+ </span>
        {t('stakeholderAdd', roleLabel)}
      </span>{' '}
      <UrgencyBadge urgency={gap.urgency} />
    </button>
  );
}

/**
 * Up to two letters for a colleague's circle: the first letters of the first
 * and last words of a Latin name ("Ana Costa": AC), the given name of a
 * Chinese one ("李伟": 伟, "欧阳娜娜": 娜娜) as the team's chat apps show it.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return '?';
  if (words.length === 1) {
    const letters = Array.from(words[0]!);
    if (/\p{Script=Han}/u.test(letters[0]!)) return letters.length <= 2 ? letters.at(-1)! : letters.slice(-2).join('');
    return letters[0]!.toUpperCase();
  }
  return (Array.from(words[0]!)[0]! + Array.from(words.at(-1)!)[0]!).toUpperCase();
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The line from a person's card to their manager's: between the closest pair
 * of their cards (a person with two roles has two), from edge to edge along
 * the line joining the centres, with the arrow's tip at the manager. `shift`
 * moves both ends sideways (within the cards), so lines to the same manager
 * down a column of full-width cards do not lie on top of each other. Null when
 * no box has a size (nothing laid out).
 */
export function reportLine(from: readonly Box[], to: readonly Box[], shift = 0): { x1: number; y1: number; x2: number; y2: number } | null {
  let best: { a: [number, number]; b: [number, number]; boxA: Box; boxB: Box; distance: number } | null = null;
  for (const boxA of from) {
    for (const boxB of to) {
      if (boxA === boxB || boxA.right - boxA.left <= 0 || boxB.right - boxB.left <= 0) continue;
      const a = centre(boxA, shift);
      const b = centre(boxB, shift);
      const distance = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (best === null || distance < best.distance) best = { a, b, boxA, boxB, distance };
    }
  }
  if (best === null || best.distance === 0) return null;
  const [x1, y1] = edgePoint(best.boxA, best.a, best.b);
  const [x2, y2] = edgePoint(best.boxB, best.b, best.a);
  return { x1, y1, x2, y2 };
}

/** The box's centre, moved `shift` sideways but kept 8 px inside its edges. */
function centre(box: Box, shift = 0): [number, number] {
  const room = Math.max(0, (box.right - box.left) / 2 - 8);
  return [(box.left + box.right) / 2 + Math.max(-room, Math.min(room, shift)), (box.top + box.bottom) / 2];
}

/** Where the line from `[cx, cy]` inside the box towards `[x, y]` leaves the box. */
function edgePoint(box: Box, [cx, cy]: [number, number], [x, y]: [number, number]): [number, number] {
  const dx = x - cx;
  const dy = y - cy;
  const toX = dx > 0 ? box.right - cx : cx - box.left;
  const toY = dy > 0 ? box.bottom - cy : cy - box.top;
  const scale = Math.min(dx === 0 ? Infinity : toX / Math.abs(dx), dy === 0 ? Infinity : toY / Math.abs(dy), 1);
  return [cx + dx * scale, cy + dy * scale];
}

/** Replaces the overlay's lines with one per link (person, manager), from the cards' boxes relative to `root`. */
function drawLines(root: HTMLElement, svg: SVGSVGElement, links: readonly (readonly [string, string])[]): void {
  const origin = root.getBoundingClientRect();
  const boxes = new Map<string, Box[]>();
  for (const card of root.querySelectorAll<HTMLElement>('[data-testid=map-card]')) {
    const rect = card.getBoundingClientRect();
    const id = card.dataset.id ?? '';
    const box = { left: rect.left - origin.left, top: rect.top - origin.top, right: rect.right - origin.left, bottom: rect.bottom - origin.top };
    boxes.set(id, [...(boxes.get(id) ?? []), box]);
  }
  const shapes: SVGElement[] = [];
  for (const [index, [from, to]] of links.entries()) {
    const line = reportLine(boxes.get(from) ?? [], boxes.get(to) ?? [], LINE_SHIFTS[index % LINE_SHIFTS.length]);
    if (line === null) continue;
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('class', 'chain-map-line');
    path.setAttribute('d', `M${round(line.x1)} ${round(line.y1)}L${round(line.x2)} ${round(line.y2)}`);
    path.dataset.from = from;
    path.dataset.to = to;
    const arrow = document.createElementNS(SVG_NS, 'path');
    arrow.setAttribute('class', 'chain-map-arrow');
    arrow.setAttribute('d', arrowHead(line));
    shapes.push(path, arrow);
  }
  svg.replaceChildren(...shapes);
}

/** A small filled triangle with its tip at the line's end. */
function arrowHead({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }): string {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const baseX = x2 - ux * ARROW;
  const baseY = y2 - uy * ARROW;
  const half = ARROW / 2;
  return `M${round(x2)} ${round(y2)}L${round(baseX - uy * half)} ${round(baseY + ux * half)}L${round(baseX + uy * half)} ${round(baseY - ux * half)}Z`;
}

const round = (value: number) => Math.round(value * 10) / 10;
