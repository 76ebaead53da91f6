// The portal on a phone: one section at a time. Five widgets one under another made a page over 5,900 px tall at
// 390 px wide (issue 17), and the person looking for "Book a follow-up" scrolled past two safety plans to find it.
// The address's fragment is the state: a link (the nav, the crisis dialog's "My safety plan", the check-in's
// "Book a time to talk") shows the section it points into, and back and forward go between sections. Wide
// screens and pages without JavaScript show every section; the nav is then a table of contents.
// A classic script at the end of <body>, not a module: it runs before the first paint, so a phone never shows
// every section for a moment and then jumps.
{
  const NARROW = matchMedia('(max-width: 48rem)');
  const TITLE = document.title;
  const sections = [...document.querySelectorAll('main > section[id]')];
  const links = [...document.querySelectorAll('nav.sections a[href^="#"]')];
  let current = sections[0];

  /** The element a fragment names: the id as written first, as the HTML standard looks it up, then decoded. */
  const byFragment = (fragment) => {
    const id = fragment.slice(1);
    if (!id) return null;
    let decoded = id;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      // A malformed %-sequence (#50%): only the id as written can match.
    }
    return document.getElementById(id) ?? document.getElementById(decoded);
  };

  const sectionOf = (element) => sections.find((section) => section.contains(element));

  /** The section on screen when the window turns narrow (zoomed in, a tablet turned): where focus or the top is. */
  function sectionInView() {
    const focused = sectionOf(document.activeElement);
    if (focused) return focused;
    return sections.find((section) => section.getBoundingClientRect().bottom > 0) ?? current;
  }

  function render() {
    for (const each of sections) each.hidden = NARROW.matches && each !== current;
    for (const link of links) {
      if (NARROW.matches && link.hash === `#${current.id}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    // Each section is a page of its own on a phone: its name leads the title, for history and screen readers.
    const heading = current.querySelector('h2')?.textContent.trim();
    document.title = NARROW.matches && heading ? `${heading} · ${TITLE}` : TITLE;
  }

  /** After a navigation: the section the address points into, with focus on its heading, as a new page would. */
  function followAddress(moveFocus) {
    const target = byFragment(location.hash);
    const section = target && sectionOf(target);
    if (section) current = section;
    render();
    if (!moveFocus || !section) return;
    // The heading the link names, or the section's own (a target that cannot take focus would drop focus to the
    // body); it was hidden when the browser tried to scroll to it, so scroll now.
    const heading = target.matches('h2[tabindex]') ? target : section.querySelector('h2');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }

  addEventListener('hashchange', () => followAddress(true));
  NARROW.addEventListener('change', () => {
    if (!NARROW.matches) return render();
    // Narrow now: keep what the person was on, and say so in the address (without a new history entry).
    current = sectionInView();
    if (sectionOf(byFragment(location.hash)) !== current) history.replaceState(null, '', `#${current.id}`);
    render();
    if (sectionOf(document.activeElement) === current)
      document.activeElement.scrollIntoView({ block: 'nearest' });
  });
  followAddress(false);
}
