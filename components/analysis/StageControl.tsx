import type { DealAnalysis } from '@/lib/engines/analyze';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/format';
import type { PlaybookLabels } from './text';

/**
 * Moving a deal on where the CRM stops (a won deal into delivery, then cash),
 * and the team's move in force with the way back to the CRM's stage. Nothing
 * when the CRM tracks the deal's stage on its own.
 */
export function StageControl({
  control,
  labels,
  moveOn,
  followCrm,
}: {
  control: DealAnalysis['stageControl'];
  labels: PlaybookLabels;
  moveOn: (stageId: string) => void;
  followCrm: () => void;
}) {
  const { next, override } = control;
  if (next === null && override === null) return null;
  return (
    <div className="small" data-testid="stage-control">
      {override && (
        <p>
          {t('stageMovedByTeam', formatDay(override.setAt), override.fromCrmStage)}{' '}
          <button type="button" className="secondary" onClick={followCrm}>
            {t('stageFollowCrm')}
          </button>
        </p>
      )}
      {next !== null && (
        <p>
          <button type="button" onClick={() => moveOn(next)}>
            {t('stageMoveOn', labels.stage(next))}
          </button>
        </p>
      )}
    </div>
  );
}
