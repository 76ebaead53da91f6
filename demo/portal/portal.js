// The demo portal's own code, as a host app would write it: its sign-in state is its own business (here, which
// demo person is signed in lives in sessionStorage); the kit only gets a token callback, from JavaScript.
import { signOut, configure } from '/dist/iop-kit.min.js';

const TOKENS = { alex: 'demo-alex', jordan: 'demo-jordan' };
const NAMES = { alex: 'Alex', jordan: 'Jordan' };
const provider = document.querySelector('iop-provider');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const hint = document.getElementById('signed-out-hint');

configure({ allowedOrigins: ['https://telehealth.clinic.example', 'https://chat.clinic.example'] });

function show(person) {
  if (person) {
    const token = TOKENS[person];
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

const remembered = sessionStorage.getItem('demo-person');
show(remembered in TOKENS ? remembered : 'alex');
