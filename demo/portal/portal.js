// The demo portal's own code, as a host app would write it. Its sign-in is its own business; the kit gets either
// a token callback (token mode, from JavaScript) or `session: 'cookie'` (the portal's own HttpOnly session
// cookie, set by the server's sign-in route: no token in page script at all). Which one is the page's choice,
// kept in the address (?session=cookie) so it survives a reload; who is signed in is kept in sessionStorage.
import { signOut, configure } from '/dist/iop-kit.min.js';

const NAMES = { alex: 'Alex', jordan: 'Jordan' };
const COOKIE_MODE = new URLSearchParams(location.search).get('session') === 'cookie';
/** The server must see this header with the cookie (the kit sends it too): the CSRF defence. */
const CSRF = { 'X-IOP-CSRF': '1' };
const provider = document.querySelector('iop-provider');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const hint = document.getElementById('signed-out-hint');

configure({ allowedOrigins: ['https://telehealth.clinic.example', 'https://chat.clinic.example'] });

for (const input of document.querySelectorAll('input[name="session-mode"]')) {
  input.checked = (input.value === 'cookie') === COOKIE_MODE;
  input.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('session', input.value);
    location.assign(url);
  });
}

/** Token mode: the tokens live in a module this page loads only in token mode. */
const tokens = COOKIE_MODE ? undefined : (await import('./token-session.js')).TOKENS;

function show(person) {
  if (COOKIE_MODE) {
    if (person) configure({ session: 'cookie' });
  } else if (person) {
    const token = tokens[person];
    provider.getAccessToken = async () => token;
  } else {
    provider.getAccessToken = undefined;
  }
  who.textContent = person ? `Signed in as ${NAMES[person]}` : 'Not signed in';
  signOutButton.hidden = !person;
  hint.hidden = Boolean(person);
}

/** The portal's own server session (cookie mode): the demo route sets or clears the HttpOnly cookie. */
async function serverSession(method, person) {
  const response = await fetch('/api/v1/session', {
    method,
    headers: person ? { ...CSRF, 'Content-Type': 'application/json' } : CSRF,
    body: person ? JSON.stringify({ participant: person }) : undefined,
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`Session ${method} failed: HTTP ${response.status}`);
}

async function switchTo(person) {
  // One person's data never shows for the other: sign the widgets out, wipe the kit's cache, then switch.
  show(undefined);
  if (COOKIE_MODE) await serverSession('DELETE');
  await signOut();
  if (person && COOKIE_MODE) await serverSession('POST', person);
  if (person) sessionStorage.setItem('demo-person', person);
  else sessionStorage.removeItem('demo-person');
  show(person);
}

document.getElementById('sign-in-alex').addEventListener('click', () => switchTo('alex'));
document.getElementById('sign-in-jordan').addEventListener('click', () => switchTo('jordan'));
signOutButton.addEventListener('click', () => switchTo(undefined));
document.getElementById('preferences').addEventListener('submit', (event) => event.preventDefault());
// The server ended the session (signed out elsewhere, expired): the kit shows every widget signed out; the
// portal's own header follows.
addEventListener('iop-session-ended', () => {
  sessionStorage.removeItem('demo-person');
  who.textContent = 'Not signed in';
  signOutButton.hidden = true;
  hint.hidden = false;
});

const remembered = sessionStorage.getItem('demo-person');
if (remembered in NAMES) show(remembered);
else if (COOKIE_MODE) await switchTo('alex');
else show('alex');
