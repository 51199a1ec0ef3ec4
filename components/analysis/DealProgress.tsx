import type { ReactNode } from 'react';
import type { RequirementsReport, StageCompleteness } from '@/lib/engines/requirements';
import type { AssignedMember, RoleNeed, TeamReport } from '@/lib/engines/team';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { PlaybookLabels } from './text';

/** The iron triangle's corners, in the order the figure draws them: AR at the top, SR bottom left, FR bottom right. */
const CORNERS = [
  { roleId: 'ar', x: 100, y: 20, label: { x: 123, y: 25, anchor: 'start' } },
  { roleId: 'sr', x: 30, y: 98, label: { x: 30, y: 131, anchor: 'middle' } },
  { roleId: 'fr', x: 170, y: 98, label: { x: 170, y: 131, anchor: 'middle' } },
] as const;
const RADIUS = 17;

/** How a role is drawn: someone holds it; nobody does; nobody does and the playbook requires it. */
type Marking = 'held' | 'nobody' | 'required';

const HAN = /\p{Script=Han}/u;

/** Initials for a marker: "Li Wei" → "LW"; a Chinese name without spaces → its last two characters ("王小明" → "小明"). */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '?';
  if (words.length === 1 && HAN.test(first)) return Array.from(first).slice(-2).join('');
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0] : '';
  return `${Array.from(first)[0]}${last}`.toUpperCase();
}

/** A short tag for a corner: the abbreviation a label ends with ("Account responsible (AR)" → "AR"), else the label, cut short. */
function shortLabel(label: string): string {
  const abbreviation = /[(（]([^()（）]{1,6})[)）]\s*$/.exec(label)?.[1];
  if (abbreviation) return abbreviation;
  const characters = Array.from(label);
  return characters.length <= 10 ? label : `${characters.slice(0, 9).join('')}…`;
}

const nameOf = (member: AssignedMember) => member.name ?? member.personId;

function marking(role: RoleNeed | undefined): Marking {
  if (role && role.assigned.length > 0) return 'held';
  return role?.need === 'required' ? 'required' : 'nobody';
}

/** What a marker shows: the first holder's initials ("+" when more hold it), "!" for a required role nobody holds. */
function markerText(role: RoleNeed | undefined): string {
  const first = role?.assigned[0];
  if (role && first) return `${first.name === null ? '?' : initials(first.name)}${role.assigned.length > 1 ? '+' : ''}`;
  return marking(role) === 'required' ? '!' : '';
}

/** The role and who holds it, as a sentence for screen readers and tooltips. */
function holderText(roleId: string, role: RoleNeed | undefined, labels: PlaybookLabels): string {
  const label = labels.teamRole(roleId);
  if (role && role.assigned.length > 0) return t('triangleHeld', label, role.assigned.map(nameOf).join(', '));
  return marking(role) === 'required' ? t('triangleNobodyRequired', label) : t('triangleNobody', label);
}

function StageRow({ stage, current, labels }: { stage: StageCompleteness; current: boolean; labels: PlaybookLabels }) {
  const share = (count: number) => `${(count / stage.required) * 100}%`;
  return (
    <li
      data-testid="stage-progress"
      data-stage={stage.stageId}
      data-required={stage.required}
      data-captured={stage.captured}
      data-confirmed={stage.confirmed}
      aria-current={current ? 'step' : undefined}
    >
      <span className="stage-progress-label">
        {labels.stage(stage.stageId)}
        {current && (
          <>
            {' '}
            <span className="badge badge-current">{t('progressCurrentStage')}</span>
          </>
        )}
      </span>
      <span className="stage-progress-counts">
        {stage.required === 0
          ? t('progressNothingRequired')
          : t('progressStageCounts', formatNumber(stage.captured), formatNumber(stage.required), formatNumber(stage.confirmed))}
      </span>
      {stage.required > 0 && (
        <span className="progress-bar" aria-hidden="true">
          <span className="bar-confirmed" style={{ width: share(stage.confirmed) }} />
          <span className="bar-captured" style={{ width: share(stage.captured - stage.confirmed) }} />
        </span>
      )}
    </li>
  );
}

function Legend({ items }: { items: { key: string; swatch: ReactNode; text: string }[] }) {
  return (
    <ul className="progress-legend" aria-label={t('progressLegendLabel')}>
      {items.map((item) => (
        <li key={item.key}>
          {item.swatch} {item.text}
        </li>
      ))}
    </ul>
  );
}

function TeamTriangle({ team, labels }: { team: TeamReport; labels: PlaybookLabels }) {
  const byId = new Map(team.roles.map((role) => [role.roleId, role]));
  const cornerIds = new Set<string>(CORNERS.map((corner) => corner.roleId));
  const others = team.roles.filter((role) => !cornerIds.has(role.roleId));
  const held = CORNERS.filter((corner) => marking(byId.get(corner.roleId)) === 'held').length;
  const [ar, sr, fr] = CORNERS;
  return (
    <figure className="team-figure" data-testid="team-triangle">
      <svg className="team-triangle" viewBox="0 0 200 136" role="img" aria-label={t('triangleSummary', formatNumber(held), formatNumber(CORNERS.length))}>
        <polygon className="triangle-edge" points={`${ar.x},${ar.y} ${sr.x},${sr.y} ${fr.x},${fr.y}`} />
        {CORNERS.map((corner) => {
          const role = byId.get(corner.roleId);
          const text = markerText(role);
          return (
            <g
              key={corner.roleId}
              className={`team-node node-${marking(role)}`}
              data-testid="team-role-node"
              data-role={corner.roleId}
              data-status={role?.status ?? 'not-needed'}
              data-marker={text}
            >
              <title>{holderText(corner.roleId, role, labels)}</title>
              <circle cx={corner.x} cy={corner.y} r={RADIUS} />
              {text !== '' && (
                <text className="node-initials" x={corner.x} y={corner.y} dy="0.35em" textAnchor="middle" fontSize={Array.from(text).length > 2 ? 10 : 12}>
                  {text}
                </text>
              )}
              <text className="node-label" x={corner.label.x} y={corner.label.y} textAnchor={corner.label.anchor}>
                {shortLabel(labels.teamRole(corner.roleId))}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="visually-hidden">
        {CORNERS.map((corner) => (
          <li key={corner.roleId}>{holderText(corner.roleId, byId.get(corner.roleId), labels)}</li>
        ))}
      </ul>
      {others.length > 0 && (
        <ul className="team-chips" aria-label={t('triangleOtherRoles')}>
          {others.map((role) => (
            <li key={role.roleId} className="team-chip" data-testid="team-role-node" data-role={role.roleId} data-status={role.status} data-marker={markerText(role)}>
              <span className={`chip-marker node-${marking(role)}`} aria-hidden="true">
                {markerText(role)}
              </span>
              <span aria-hidden="true">{labels.teamRole(role.roleId)}</span>
              <span className="visually-hidden">{holderText(role.roleId, role, labels)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/**
 * Progress at a glance: per LTC stage the required facts captured, confirmed
 * and missing, and the team as the iron triangle (AR, SR, FR) with the other
 * roles the deal needs or has.
 */
export function DealProgress({ requirements, team, labels }: { requirements: RequirementsReport; team: TeamReport; labels: PlaybookLabels }) {
  const currentStage = requirements.stage.kind === 'mapped' ? requirements.stage.stageId : null;
  return (
    <section aria-labelledby="progress-heading" className="deal-progress" data-testid="deal-progress">
      <h2 id="progress-heading">{t('progressHeading')}</h2>
      <ol className="stage-progress" aria-label={t('progressStagesLabel')}>
        {requirements.completeness.map((stage) => (
          <StageRow key={stage.stageId} stage={stage} current={stage.stageId === currentStage} labels={labels} />
        ))}
      </ol>
      <Legend
        items={[
          { key: 'confirmed', swatch: <span className="swatch bar-confirmed" aria-hidden="true" />, text: t('progressLegendConfirmed') },
          { key: 'captured', swatch: <span className="swatch bar-captured" aria-hidden="true" />, text: t('progressLegendCaptured') },
          { key: 'missing', swatch: <span className="swatch swatch-missing" aria-hidden="true" />, text: t('progressLegendMissing') },
        ]}
      />
      <TeamTriangle team={team} labels={labels} />
      <Legend
        items={[
          { key: 'held', swatch: <span className="chip-marker node-held" aria-hidden="true" />, text: t('triangleLegendHeld') },
          { key: 'nobody', swatch: <span className="chip-marker node-nobody" aria-hidden="true" />, text: t('triangleLegendNobody') },
          {
            key: 'required',
            swatch: (
              <span className="chip-marker node-required" aria-hidden="true">
                !
              </span>
            ),
            text: t('triangleLegendRequired'),
          },
        ]}
      />
    </section>
  );
}
