/**
 * Turning data into links safely. Phone numbers and URLs come from backends and from people; a link that
 * does not work is worse than plain text for someone in crisis, and a `javascript:` link is an attack.
 */
export { smsHref, telHref } from './tel.js';

/**
 * A URL from a backend that the kit may open (a telehealth room, a chat): only `https:` and only on one of the
 * allowed origins. Returns the normalised URL, or undefined for anything else (`javascript:`, `http:`, other
 * origins, garbage).
 */
export function safeExternalUrl(
  url: string | undefined,
  allowedOrigins: readonly string[],
): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return undefined;
  const allowed = allowedOrigins.some((origin) => {
    try {
      return new URL(origin).origin === parsed.origin;
    } catch {
      return false;
    }
  });
  return allowed ? parsed.href : undefined;
}
