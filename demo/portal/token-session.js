// Token mode only (loaded by portal.js when the page is not in cookie mode): the demo's bearer tokens, as a
// portal would get them from its OAuth or SMART on FHIR launch. In cookie mode this file is never loaded, so
// no token exists anywhere in the page's script.
export const TOKENS = { alex: 'demo-alex', jordan: 'demo-jordan' };
