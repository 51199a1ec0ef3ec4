import type { LocalizedText } from '@/lib/domain/localized-text';
import { formatPath, type ValidationIssue } from '@/lib/domain/issues';
import { explanation, type Explanation } from '@/lib/domain/explain';
import { parsePlaybook } from './parse';
import type { Playbook } from './schema';

export type PlaybookSource = 'managed' | 'imported' | 'default';

export interface PlaybookWarning {
  /** The source that was skipped. */
  source: Exclude<PlaybookSource, 'default'>;
  issues: ValidationIssue[];
  explanation: Explanation;
}

export interface ResolvedPlaybook {
  playbook: Playbook;
  source: PlaybookSource;
  warnings: PlaybookWarning[];
}

export interface PlaybookCandidates {
  default: Playbook;
  /** What a user imported in the options page (object or JSON text), if anything. */
  imported?: unknown;
  /** The `playbook` policy from managed storage (object or JSON text), if IT set one. */
  managed?: unknown;
}

const SOURCE_LABELS: Record<PlaybookSource, LocalizedText> = {
  managed: { en: 'managed (IT policy)', 'zh-CN': '托管（IT 策略）' },
  imported: { en: 'imported', 'zh-CN': '导入的' },
  default: { en: 'default', 'zh-CN': '默认' },
};

/**
 * Which playbook is in force: IT's managed policy, else the user's import,
 * else the default. An invalid source is skipped as a whole, with a warning
 * that carries every problem's path; it is never applied in part.
 */
export function resolvePlaybook(candidates: PlaybookCandidates): ResolvedPlaybook {
  const failures: { source: PlaybookWarning['source']; parsed: FailedSource }[] = [];
  let resolved: Omit<ResolvedPlaybook, 'warnings'> = { playbook: candidates.default, source: 'default' };
  for (const [source, input] of [['managed', candidates.managed], ['imported', candidates.imported]] as const) {
    if (input === undefined || input === null) continue;
    const parsed = parseSource(input);
    if (parsed.ok) {
      resolved = { playbook: parsed.value, source };
      break;
    }
    failures.push({ source, parsed });
  }
  const warnings = failures.map(({ source, parsed }) => ({
    source,
    issues: parsed.issues,
    explanation: warningText(source, resolved.source, parsed),
  }));
  return { ...resolved, warnings };
}

type FailedSource = { ok: false; issues: ValidationIssue[]; jsonError?: string };
type ParsedSource = { ok: true; value: Playbook } | FailedSource;

/**
 * Texts parsed lately, and what each gave. The stored import and the managed policy are read as
 * the same texts on every analysis; the same text gives the same playbook object, so what the
 * engines compile and read from it per playbook object (lib/engines) is kept between analyses.
 */
const parsedTexts = new Map<string, ParsedSource>();
const MAX_PARSED_TEXTS = 4;

/** Managed policies and imports may hold the playbook as JSON text (Chrome policies are often strings). */
function parseSource(input: unknown): ParsedSource {
  if (typeof input !== 'string') return parsePlaybook(input);
  let parsed = parsedTexts.get(input);
  if (parsed === undefined) {
    if (parsedTexts.size >= MAX_PARSED_TEXTS) parsedTexts.clear();
    parsed = parseText(input);
    parsedTexts.set(input, parsed);
  }
  return parsed;
}

function parseText(input: string): ParsedSource {
  try {
    return parsePlaybook(JSON.parse(input));
  } catch (error) {
    const jsonError = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: [], message: jsonError }], jsonError };
  }
}

function warningText(source: PlaybookSource, fallback: PlaybookSource, parsed: FailedSource): Explanation {
  const labels = { source: SOURCE_LABELS[source], fallback: SOURCE_LABELS[fallback] };
  if (parsed.jsonError !== undefined) return explanation('playbookSource.invalidJson', { ...labels, error: parsed.jsonError });
  const first = parsed.issues[0];
  return explanation('playbookSource.invalidPlaybook', {
    ...labels,
    count: parsed.issues.length,
    firstPath: first ? formatPath(first.path) : '',
    firstMessage: first?.message ?? '',
  });
}
