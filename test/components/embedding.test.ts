import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { IopCrisisConnect } from '../../src/components/crisis-connect/crisis-connect.js';

// The crisis button on pages the kit does not control: under the page's own strict CSP with Trusted Types
// (test/fixtures/hosts/csp.html, policy in web-test-runner.config.mjs), and in a sandboxed iframe without
// allow-same-origin (test/fixtures/hosts/sandboxed.html). Clicks are real mouse clicks at screen positions.

/** Adds an iframe of `src` (with `sandbox` when given) and resolves once it loaded. */
async function frame(src: string, sandbox?: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  if (sandbox !== undefined) iframe.setAttribute('sandbox', sandbox);
  iframe.style.cssText = 'width: 600px; height: 500px; border: 0; display: block';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** Clicks at a point of the iframe's own viewport. */
async function clickIn(
  iframe: HTMLIFrameElement,
  box: { x: number; y: number; width: number; height: number },
) {
  const at = iframe.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(at.left + box.x + box.width / 2), Math.round(at.top + box.y + box.height / 2)],
  });
}

/**
 * What a sandboxed frame (which the parent cannot look inside) reports about itself: every report it posts is
 * collected, from before `frame()` resolves (its load event comes after the kit ran). Call in a describe body.
 */
function framedReports<R>() {
  const state = { iframe: undefined as HTMLIFrameElement | undefined, reports: [] as R[] };
  const onMessage = (event: MessageEvent) => {
    const framed = document.querySelector('iframe')?.contentWindow;
    if (framed && event.source === framed) state.reports.push((event.data as { report: R }).report);
  };
  beforeEach(() => {
    state.reports = [];
    addEventListener('message', onMessage);
  });
  afterEach(() => {
    removeEventListener('message', onMessage);
    state.iframe?.remove();
  });
  const latest = () => state.reports[state.reports.length - 1]!;
  /** Asks the frame for a report and resolves with it. */
  async function ask(): Promise<R> {
    const count = state.reports.length;
    state.iframe!.contentWindow!.postMessage('report', '*');
    await waitUntil(() => state.reports.length > count, 'the framed page answers');
    return latest();
  }
  return { state, latest, ask };
}

describe('the crisis button under the page’s strict CSP with Trusted Types', () => {
  let iframe: HTMLIFrameElement;
  afterEach(() => iframe?.remove());

  it('renders and opens with no violation; the page really enforces Trusted Types', async () => {
    iframe = await frame('/test/fixtures/hosts/csp.html');
    const win = iframe.contentWindow as Window & { violations: string[] };
    const doc = iframe.contentDocument!;
    const el = doc.querySelector('iop-crisis-connect') as IopCrisisConnect;
    await waitUntil(() => el.shadowRoot?.querySelector('.trigger'), 'the button renders', { timeout: 4000 });
    // The policy is on: a raw string into an HTML sink is refused (so "no violation" below means something).
    expect(() => {
      doc.createElement('div').innerHTML = '<b>raw</b>';
    }, 'Trusted Types enforced').to.throw();
    await waitUntil(() => win.violations.length > 0, 'the refused sink was reported');
    win.violations.length = 0;

    const trigger = el.shadowRoot!.querySelector('.trigger')!;
    await clickIn(iframe, trigger.getBoundingClientRect());
    const dialog = () => el.shadowRoot!.querySelector('iop-dialog')!;
    await waitUntil(() => dialog().shadowRoot?.querySelector('dialog')?.open, 'the dialog opens', {
      timeout: 4000,
    });
    expect(dialog().shadowRoot!.querySelector('dialog')!.matches(':modal')).to.be.true;
    const hrefs = [...dialog().querySelectorAll('[href]')].map((b) => b.getAttribute('href'));
    expect(hrefs).to.include.members(['tel:911', 'tel:988']);
    // Let any late work (the idle warm-up, the dialog's animation) run before checking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(win.violations, 'no CSP or Trusted Types violation').to.deep.equal([]);
  });
});

describe('the crisis button in a sandboxed iframe (allow-scripts, no allow-same-origin)', () => {
  interface Report {
    origin: string;
    trigger?: { x: number; y: number; width: number; height: number };
    open: boolean;
    modal: boolean;
    links: Array<{ href: string; text: string }>;
  }
  const { state, latest, ask } = framedReports<Report>();

  it('renders, opens as a modal and shows 911 and 988 as links', async () => {
    const iframe = (state.iframe = await frame('/test/fixtures/hosts/sandboxed.html', 'allow-scripts'));
    await waitUntil(() => state.reports.length > 0, 'the kit ran in the frame', { timeout: 4000 });
    const first = latest();
    expect(first.origin, 'an opaque origin').to.equal('null');
    expect(iframe.contentDocument, 'the parent cannot look inside').to.equal(null);
    expect(first.trigger!.width).to.be.at.least(44);
    expect(first.trigger!.height).to.be.at.least(44);
    // In the frame's bottom corner, on screen.
    expect(600 - (first.trigger!.x + first.trigger!.width)).to.be.closeTo(16, 1);
    expect(500 - (first.trigger!.y + first.trigger!.height)).to.be.closeTo(16, 1);

    await clickIn(iframe, first.trigger!);
    await waitUntil(async () => (await ask()).open, 'the dialog opens', { timeout: 4000 });
    await waitUntil(async () => (await ask()).links.length >= 5, 'the links render');
    const shown = latest();
    expect(shown.modal).to.be.true;
    const hrefs = shown.links.map((l) => l.href);
    expect(hrefs[0]).to.equal('tel:911');
    expect(hrefs).to.include('tel:988');
    expect(shown.links.find((l) => l.href === 'tel:911')!.text).to.contain('911');
    expect(shown.links.find((l) => l.href === 'tel:988')!.text).to.contain('988');
  });
});

describe('a signed-in safety plan in a sandboxed iframe (allow-scripts, no allow-same-origin)', () => {
  interface PlanReport {
    origin: string;
    indexedDbUsable?: boolean;
    headings: string[];
    planText: string;
    deviceNote: string;
    dialogOpen: boolean;
    dialogText: string;
    crisisEvents: string[];
    warnings: string[];
  }
  const { state, ask } = framedReports<PlanReport>();
  /** Asks the frame until `done` holds for what it reports. */
  async function until(done: (report: PlanReport) => boolean, what: string): Promise<PlanReport> {
    let report: PlanReport | undefined;
    await waitUntil(async () => done((report = await ask())), what, { timeout: 6000, interval: 100 });
    return report!;
  }

  it('loads from the network, says the device keeps no copy, and the crisis dialog shows the on-call clinician', async () => {
    const iframe = (state.iframe = await frame('/test/fixtures/hosts/sandboxed-plan.html', 'allow-scripts'));
    const first = await until((r) => r.indexedDbUsable !== undefined, 'the kit ran in the frame');
    expect(first.origin, 'an opaque origin').to.equal('null');
    expect(first.indexedDbUsable, 'the browser refuses IndexedDB here').to.equal(false);

    const shown = await until((r) => r.headings.length > 1 && r.deviceNote !== '', 'the plan and the note');
    expect(shown.planText).to.contain('Warning signs');
    expect(shown.deviceNote).to.equal('This device cannot keep a copy for offline use.');
    expect(shown.planText).not.to.match(/sign in/i);
    expect(shown.planText).not.to.contain('could not load');
    // One warning of the kit's own for the developer, saying why (Lit's dev-mode notice is the other).
    const ours = shown.warnings.filter((w) => w.startsWith('iop-kit:'));
    expect(ours, shown.warnings.join(' | ')).to.have.length(1);
    expect(ours[0]).to.match(/SecurityError/);

    iframe.contentWindow!.postMessage('open-crisis', '*');
    const help = await until((r) => r.dialogOpen && /Call /.test(r.dialogText), 'the on-call clinician');
    expect(help.dialogText).not.to.contain('Sign in');
    expect(help.dialogText).to.contain('911');
    expect(help.dialogText).to.contain('988');
    await until((r) => r.crisisEvents.includes('crisis-open'), 'the crisis event reached the backend');
  });
});
