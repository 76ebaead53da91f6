import type { Hotline, Region } from './schemas.js';
import { smsHref, telHref } from './tel.js';
import { REGION_HELP } from './region-help.js';

export { REGION_HELP, type BuiltInHotline, type Localized, type RegionHelp } from './region-help.js';

/** The ways to reach a line (tel: and sms: links, chat origins), to spot a backend line that adds nothing. */
function reachPoints(line: Pick<Hotline, 'phone' | 'sms' | 'chatUrl'>): string[] {
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
 * The lines a backend adds for a region, to show after the built-in ones (which never depend on it). A backend
 * can add lines but never remove or change a built-in one: a line with a built-in id is ignored, and so is one
 * that only repeats numbers already shown, or one for another region.
 */
export function addedHotlines(region: Region, fromBackend: readonly Hotline[] = []): Hotline[] {
  const builtIn = REGION_HELP[region].hotlines;
  const knownIds = new Set(builtIn.map((h) => h.id));
  const knownPoints = new Set(builtIn.flatMap(reachPoints));
  return fromBackend.filter((h) => {
    if (h.region !== region || knownIds.has(h.id)) return false;
    const points = reachPoints(h);
    return points.length === 0 || points.some((p) => !knownPoints.has(p));
  });
}
