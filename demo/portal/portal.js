// The demo portal's own code, as a host app would write it. Its sign-in is its own business; the kit gets either
// a token callback (token mode, from JavaScript) or `session: 'cookie'` (the portal's own HttpOnly session
// cookie, set by the server's sign-in route: no token in page script at all). Which one is the page's choice,
// kept in the address (?session=cookie) so it survives a reload; who is signed in is kept in sessionStorage.
// With ?backend=fhir (served by `npm start -- --fhir` on the FHIR server's port) the same page talks FHIR R4
// in token mode: it reads the FHIR base URL and the patients' ids from /fhir-demo.json, as a portal would learn
// them from its SMART launch (the `patient` launch context).
import { signOut, configure } from '/dist/iop-kit.min.js';

const NAMES = { alex: 'Alex', jordan: 'Jordan' };
const FHIR = new URLSearchParams(location.search).get('backend') === 'fhir';
// The FHIR demo server knows bearer tokens only: FHIR mode is token mode.
const COOKIE_MODE = !FHIR && new URLSearchParams(location.search).get('session') === 'cookie';
/** The server must see this header with the cookie (the kit sends it too): the CSRF defence. */
const CSRF = { 'X-IOP-CSRF': '1' };
const provider = document.querySelector('iop-provider');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const hint = document.getElementById('signed-out-hint');

configure({ allowedOrigins: ['https://telehealth.clinic.example', 'https://chat.clinic.example'] });

/** `{ baseUrl, patients: { alex, jordan } }` in FHIR mode. */
let fhirDemo;
/**
 * R4 has no standard way to start a video visit: a real portal calls its own telehealth service here. The
 * demo makes up a room on the demo telehealth origin, as the reference backend does.
 */
const DEMO_TELEHEALTH = {
  start: async () => ({
    joinUrl: `https://telehealth.clinic.example/join/${crypto.randomUUID()}`,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  }),
  chatUrl: 'https://chat.clinic.example/iop',
};

const sessionMode = document.querySelector('.session-mode');
const signInButtons = { alex: 'sign-in-alex', jordan: 'sign-in-jordan' };
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
    // FHIR reads everything for one patient: who is signed in decides which Patient the kit asks about.
    if (fhirDemo) configure({ patient: fhirDemo.patients[person] });
    provider.getAccessToken = async () => token;
  } else {
    provider.getAccessToken = undefined;
  }
  header(person);
}

/**
 * The demo's own sign-in controls. Signed in, the header is one line (who, the other person, sign out): on a
 * phone the controls took 270 px above the widgets. How to sign in is chosen while signed out.
 */
function header(person) {
  who.textContent = person ? `Signed in as ${NAMES[person]}` : 'Not signed in';
  signOutButton.hidden = !person;
  hint.hidden = Boolean(person);
  sessionMode.hidden = FHIR || Boolean(person);
  for (const [name, id] of Object.entries(signInButtons)) {
    const button = document.getElementById(id);
    button.hidden = name === person;
    button.textContent = `${person ? 'Switch to' : 'Sign in as'} ${NAMES[name]}`;
  }
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
  header(undefined);
});

if (FHIR) {
  try {
    const response = await fetch('/fhir-demo.json');
    if (!response.ok) throw new Error(`/fhir-demo.json answered ${response.status}`);
    fhirDemo = await response.json();
    provider.setAttribute('base-url', fhirDemo.baseUrl);
    configure({ backend: 'fhir', patient: fhirDemo.patients.alex, telehealth: DEMO_TELEHEALTH });
    document.title = `${document.title} (FHIR R4)`;
  } catch (error) {
    fhirDemo = undefined;
    hint.textContent = `The FHIR demo could not start (${error.message}). Run \`npm start -- --fhir\` and open this page from the FHIR server's address it prints.`;
  }
}
const remembered = sessionStorage.getItem('demo-person');
// A FHIR page without its FHIR server stays signed out, so the hint that says why stays visible.
if (FHIR && !fhirDemo) show(undefined);
else if (remembered in NAMES) show(remembered);
else if (COOKIE_MODE) await switchTo('alex');
else show('alex');
