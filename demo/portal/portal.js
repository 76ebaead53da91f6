// The demo portal's own code, as a host app would write it: its sign-in state is its own business (here, which
// demo person is signed in lives in sessionStorage); the kit only gets a token callback, from JavaScript.
// With ?backend=fhir (served by `npm start -- --fhir` on the FHIR server's port) the same page talks FHIR R4:
// it reads the FHIR base URL and the patients' ids from /fhir-demo.json, as a portal would learn them from its
// SMART launch (the `patient` launch context).
import { signOut, configure } from '/dist/iop-kit.min.js';

const TOKENS = { alex: 'demo-alex', jordan: 'demo-jordan' };
const NAMES = { alex: 'Alex', jordan: 'Jordan' };
const provider = document.querySelector('iop-provider');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const hint = document.getElementById('signed-out-hint');

configure({ allowedOrigins: ['https://telehealth.clinic.example', 'https://chat.clinic.example'] });

const FHIR = new URLSearchParams(location.search).get('backend') === 'fhir';
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

function show(person) {
  if (person) {
    const token = TOKENS[person];
    // FHIR reads everything for one patient: who is signed in decides which Patient the kit asks about.
    if (fhirDemo) configure({ patient: fhirDemo.patients[person] });
    provider.getAccessToken = async () => token;
  } else {
    provider.getAccessToken = undefined;
  }
  who.textContent = person ? `Signed in as ${NAMES[person]}` : 'Not signed in';
  signOutButton.hidden = !person;
  hint.hidden = Boolean(person);
}

async function switchTo(person) {
  // One person's data never shows for the other: sign the widgets out, wipe the kit's cache, then switch.
  show(undefined);
  await signOut();
  if (person) sessionStorage.setItem('demo-person', person);
  else sessionStorage.removeItem('demo-person');
  show(person);
}

document.getElementById('sign-in-alex').addEventListener('click', () => switchTo('alex'));
document.getElementById('sign-in-jordan').addEventListener('click', () => switchTo('jordan'));
signOutButton.addEventListener('click', () => switchTo(undefined));
document.getElementById('preferences').addEventListener('submit', (event) => event.preventDefault());

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
else show(remembered in TOKENS ? remembered : 'alex');
