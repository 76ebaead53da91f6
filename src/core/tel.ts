/**
 * Phone numbers as links: `tel:` and `sms:`. Numbers come from backends and from people; a link that does not
 * work is worse than plain text for someone in crisis. Kept apart from links.ts so the crisis button loads only
 * these (links.ts re-exports them with `safeExternalUrl`).
 */

/** Characters people put between digits: spaces, hyphens, dots, brackets. */
const VISUAL_SEPARATORS = /[\s\-.()\u00a0]/g;

/**
 * The `tel:` URL (RFC 3966) for a phone number, or undefined when it is not one: a global number
 * (`+` then 7 to 15 digits, E.164) or a local number or short code (3 to 15 digits, e.g. 988, 911, 000).
 */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const compact = phone.trim().replace(VISUAL_SEPARATORS, '');
  if (/^\+[1-9]\d{6,14}$/.test(compact) || /^\d{3,15}$/.test(compact)) return `tel:${compact}`;
  return undefined;
}

/**
 * The `sms:` URL (RFC 5724) for a text line, or undefined when the number is not valid. The `?&body=` form is
 * the one that works on both iOS and Android (DOMAIN.md).
 */
export function smsHref(number: string | undefined, body?: string): string | undefined {
  const tel = telHref(number);
  if (!tel) return undefined;
  const target = tel.slice('tel:'.length);
  return body ? `sms:${target}?&body=${encodeURIComponent(body)}` : `sms:${target}`;
}
