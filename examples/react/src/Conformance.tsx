// The conformance fixture (custom-elements-everywhere style), the same checks in React, Vue and Angular:
// test/e2e/frameworks-shared.ts reads each element back and writes the table in stories/docs/frameworks.mdx.
// Each binding is written the way React's section of the docs page says (dashed attribute names for strings,
// numbers and booleans, a ref for functions), except the two pitfalls the table shows: `number-camel` (a camelCase
// prop, which React writes as a lowercase attribute before the kit loads) and `function-plain` (a function prop,
// which React drops before the kit loads).
import { useEffect, useState, type ReactNode } from 'react';
import type { IopProvider, IopTermToggleEvent } from 'iop-kit';

const recommended = (provider: IopProvider | null) => {
  if (provider) provider.getAccessToken = async () => 'token-recommended';
};
const plain = async () => 'token-plain';

export function Conformance({ loadKit }: { loadKit?: () => Promise<unknown> }): ReactNode {
  const [kitReady, setKitReady] = useState(!loadKit);
  const [lightDismiss, setLightDismiss] = useState(true);
  const [twoWay, setTwoWay] = useState(false);
  const [eventLog, setEventLog] = useState('');
  useEffect(() => {
    if (loadKit) void loadKit().then(() => setKitReady(true));
  }, [loadKit]);
  return (
    <main>
      <h1>Conformance (React)</h1>
      <p id="kit">{kitReady ? 'Kit ready' : 'Kit loading'}</p>
      <iop-term id="string-attr" definition="Defined here">
        term
      </iop-term>
      <iop-card id="number" heading-level={3}>
        <h3 slot="heading">Card</h3>
      </iop-card>
      <iop-card id="number-camel" headingLevel={3}>
        <h3 slot="heading">Card</h3>
      </iop-card>
      <iop-dialog id="bool-true" label="true" light-dismiss={true} />
      <iop-dialog id="bool-false" label="false" light-dismiss={false} />
      {/* The attribute as server-rendered HTML writes it. The types reject the string (TS2322), so it is forced. */}
      <iop-dialog id="bool-string-false" label="string" {...({ 'light-dismiss': 'false' } as object)} />
      <iop-dialog id="bool-update" label="updated" light-dismiss={lightDismiss} />
      <button type="button" id="flip" onClick={() => setLightDismiss(false)}>
        Flip
      </button>
      <iop-button id="object-style" style={{ '--iop-color-accent': 'rgb(1, 2, 3)' }}>
        Styled
      </iop-button>
      <iop-provider id="function-plain" getAccessToken={plain} />
      <iop-provider id="function-recommended" ref={recommended} />
      <iop-term
        id="event"
        definition="Opens and closes"
        oniop-term-toggle={(event: IopTermToggleEvent) => setEventLog(JSON.stringify(event.detail))}
      >
        event
      </iop-term>
      <output id="event-log">{eventLog}</output>
      <iop-switch id="two-way" checked={twoWay} onChange={(event) => setTwoWay(event.currentTarget.checked)}>
        two-way
      </iop-switch>
      <output id="two-way-state">{twoWay ? 'on' : 'off'}</output>
      <button type="button" id="two-way-off" onClick={() => setTwoWay(false)}>
        Off
      </button>
    </main>
  );
}
