import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Conformance } from './Conformance';

/** The kit's tags, loaded on demand (a separate chunk). */
const loadKit = () => import('./kit');

const root = createRoot(document.getElementById('root')!);
// ?conformance=before|after: the conformance fixture (test/e2e/frameworks.test.ts), rendered before the kit
// loads or after every tag is defined. Otherwise the portal page, which loads the kit after its first render.
const conformance = new URLSearchParams(location.search).get('conformance');
if (conformance === 'after') {
  await loadKit();
  root.render(<Conformance />);
} else if (conformance === 'before') {
  root.render(<Conformance loadKit={loadKit} />);
} else {
  root.render(
    <StrictMode>
      <App loadKit={loadKit} />
    </StrictMode>,
  );
}
