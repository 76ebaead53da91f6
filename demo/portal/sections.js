// The portal on a phone: one section at a time. Five widgets one under another made a page over 5,900 px tall at
// 390 px wide (issue 17), and the person looking for "Book a follow-up" scrolled past two safety plans to find it.
// The address's fragment is the state: a link (the nav, the crisis dialog's "My safety plan", the check-in's
// "Book a time to talk") shows the section it points into, and back and forward go between sections. Wide
// screens and pages without JavaScript show every section; the nav is then a table of contents.
const NARROW = matchMedia('(max-width: 48rem)');
const sections = [...document.querySelectorAll('main > section[id]')];
const links = [...document.querySelectorAll('nav.sections a[href^="#"]')];
let current = sections[0];

/** What the address's fragment points at, and the section it is in (none for #main, say). */
function pointedAt() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  return { target, section: target ? sections.find((section) => section.contains(target)) : undefined };
}

/** Shows the section the address points into; `moveFocus` after a navigation, as a new page would. */
function showSection(moveFocus) {
  const { target, section } = pointedAt();
  if (section) current = section;
  for (const each of sections) each.hidden = NARROW.matches && each !== current;
  for (const link of links) {
    if (NARROW.matches && link.hash === `#${current.id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!moveFocus || !section) return;
  // The section's heading (or the heading the link names) takes focus, so a screen reader starts reading there
  // and Tab goes on from it; it was hidden when the browser tried to scroll to it, so scroll now.
  const heading = target === section ? section.querySelector('h2') : target;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

addEventListener('hashchange', () => showSection(true));
NARROW.addEventListener('change', () => showSection(false));
showSection(false);
