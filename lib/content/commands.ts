import { DISPLAY_PLACEMENTS } from '@/lib/display/placements';
import type { DisplayPreferences } from '@/lib/display/schema';
import type { PageCommand } from '@/lib/messaging/protocol';

// Plain checks of what the extension sends the content script. The zod
// schemas of the protocol would pull the snapshot schema into every CRM page;
// commands.test.ts holds these checks to the schemas.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseDisplay(value: unknown): DisplayPreferences | null {
  if (!isObject(value) || typeof value.launcher !== 'boolean') return null;
  const placement = DISPLAY_PLACEMENTS.find((candidate) => candidate === value.placement);
  return placement ? { launcher: value.launcher, placement } : null;
}

/** The display preferences in the background's answer to `page/state`, or null when absent or malformed. */
export function displayOfReply(reply: unknown): DisplayPreferences | null {
  return isObject(reply) && isObject(reply.result) ? parseDisplay(reply.result.display) : null;
}

const DOCK_ACTIONS = ['open', 'close', 'toggle'] as const;

export function parsePageCommand(message: unknown): PageCommand | null {
  if (!isObject(message)) return null;
  if (message.type === 'page/display') {
    const display = parseDisplay(message.display);
    return display ? { type: 'page/display', display } : null;
  }
  if (message.type === 'page/docked') {
    const action = DOCK_ACTIONS.find((candidate) => candidate === message.action);
    return action ? { type: 'page/docked', action } : null;
  }
  if (message.type === 'page/read') return { type: 'page/read' };
  return null;
}
