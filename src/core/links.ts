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

/**
 * A link the page itself gives a widget (the check-in's "Book a time to talk", the crisis dialog's "My safety
 * plan"): an `http:` or `https:` URL, a path on this site, or a place on this page (`#book`). Anything else
 * (`javascript:`, `data:`, `//other.site`) is dropped, and the widget shows no link rather than one that runs code.
 */
export function pageLinkHref(url: string | undefined): string | undefined {
  // Browsers read `\` as `/` and drop tabs and newlines, so `/\evil.example` and `/\t/evil.example` would be
  // another site: a link with either (or any space) is refused whole.
  return url && /^(https?:\/\/|\/(?!\/)|#)[^\\\s]*$/i.test(url) ? url : undefined;
}
