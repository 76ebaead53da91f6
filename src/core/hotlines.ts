import type { Hotline, Region } from './schemas.js';
import type { Locale } from './locale.js';
import { smsHref, telHref } from './tel.js';
import { REGION_HELP } from './region-help.js';

export { REGION_HELP, type BuiltInHotline, type Localized, type RegionHelp } from './region-help.js';

/** A hotline ready to show: built-in ones in the reader's language, backend ones as they came. */
export interface ShownHotline {
  id: string;
  name: string;
  description?: string;
  phone?: string;
  sms?: { number: string; body?: string };
  chatUrl?: string;
  builtIn: boolean;
}

/** The ways to reach a line (tel: and sms: links, chat origins), to spot a backend line that adds nothing. */
function reachPoints(line: Pick<ShownHotline, 'phone' | 'sms' | 'chatUrl'>): string[] {
  const points = [telHref(line.phone), line.sms && smsHref(line.sms.number, line.sms.body)];
  if (line.chatUrl) {
    try {
      points.push(`chat:${new URL(line.chatUrl).origin}`);
    } catch {
      points.push(`chat:${line.chatUrl}`);
    }
  }
  return points.filter((p): p is string => Boolean(p));
}

/**
 * The hotlines to show for a region: every built-in one first, in order, then the backend's additions for
 * that region. The backend may add lines; it can never remove or change a built-in one (a line with a
 * built-in id is ignored, and so is one that only repeats numbers already shown).
 */
export function hotlinesFor(
  region: Region,
  locale: Locale,
  fromBackend: readonly Hotline[] = [],
): ShownHotline[] {
  const builtIn = REGION_HELP[region].hotlines.map((h): ShownHotline => ({
    id: h.id,
    name: h.name[locale],
    description: h.description?.[locale],
    phone: h.phone,
    sms: h.sms,
    chatUrl: h.chatUrl,
    builtIn: true,
  }));
  const knownIds = new Set(builtIn.map((h) => h.id));
  const knownPoints = new Set(builtIn.flatMap(reachPoints));
  const added = fromBackend
    .filter((h) => h.region === region && !knownIds.has(h.id))
    .filter((h) => {
      const points = reachPoints(h);
      return points.length === 0 || points.some((p) => !knownPoints.has(p));
    })
    .map((h): ShownHotline => ({ ...h, builtIn: false }));
  return [...builtIn, ...added];
}
