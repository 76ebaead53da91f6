// Measured by scripts/bench.mjs. `?warm` loads the plan online (filling the encrypted cache); without it, the
// bench has cut the API off, and window.benchResult.cachedPlanMs is the time from the element connecting to the
// plan's first step being on screen, read from the cache.
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function run() {
  const { configure } = await import('/dist/iop-kit.min.js');
  configure({ baseUrl: '/api/v1', getAccessToken: async () => 'demo-alex' });
  const plan = document.createElement('iop-safety-plan');
  const connected = performance.now();
  document.body.append(plan);
  for (;;) {
    if (plan.shadowRoot?.querySelector('#b-warning-signs li')) break;
    await nextFrame();
  }
  const cachedPlanMs = performance.now() - connected;
  // Let the cache write of a fresh answer finish before the warm-up page closes.
  if (location.search.includes('warm')) await new Promise((resolve) => setTimeout(resolve, 500));
  globalThis.benchResult = { cachedPlanMs };
}

run().catch((error) => (globalThis.benchResult = { error: String(error) }));
