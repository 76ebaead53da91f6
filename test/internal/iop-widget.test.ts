import { expect, fixture, html } from '@open-wc/testing';
import { IopWidget } from '../../src/internal/iop-widget.js';
import { IopProvider } from '../../src/components/provider/provider.js';
import '../../src/components/provider/define.js';
import type { ProviderSettings } from '../../src/internal/context.js';

/** A widget that shows the settings it sees. */
class SettingsProbe extends IopWidget {
  changes = 0;
  get seen(): ProviderSettings {
    return this.settings;
  }
  protected override onSettingsChanged(): void {
    this.changes++;
    super.onSettingsChanged();
  }
}
customElements.define('settings-probe', SettingsProbe);

describe('IopWidget and <iop-provider>', () => {
  it('reads the nearest provider’s settings and follows their changes', async () => {
    const provider = await fixture<IopProvider>(
      html`<iop-provider base-url="/api/v1" region="GB"><settings-probe></settings-probe></iop-provider>`,
    );
    const probe = provider.querySelector<SettingsProbe>('settings-probe')!;
    expect(probe.seen.baseUrl).to.equal('/api/v1');
    expect(probe.seen.region).to.equal('GB');
    const token = async () => 'demo-alex';
    provider.getAccessToken = token;
    await provider.updateComplete;
    // The widgets get the provider's one forwarding function, which calls the current callback.
    expect(await probe.seen.getAccessToken?.()).to.equal('demo-alex');
  });

  it('sees settings set on the provider before its first update (a page script right after the kit)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('iop-provider') as IopProvider;
    provider.setAttribute('base-url', '/api/v1');
    provider.append(document.createElement('settings-probe'));
    wrapper.append(provider);
    const token = async () => 'demo-jordan';
    provider.getAccessToken = token; // before the provider's first update
    await provider.updateComplete;
    expect(await provider.querySelector<SettingsProbe>('settings-probe')!.seen.getAccessToken?.()).to.equal(
      'demo-jordan',
    );
  });

  it('finds a provider that is upgraded after it (the kit loaded in any order)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <late-provider base-url="/late/v1"><settings-probe></settings-probe></late-provider>
      </div>`,
    );
    const probe = wrapper.querySelector<SettingsProbe>('settings-probe')!;
    expect(probe.seen.baseUrl, 'no provider yet').to.equal(undefined);
    customElements.define('late-provider', class extends IopProvider {});
    const late = wrapper.querySelector<IopProvider>('late-provider')!;
    await late.updateComplete;
    expect(probe.seen.baseUrl).to.equal('/late/v1');
    expect(probe.changes).to.be.greaterThan(0);
  });

  it('ignores a provider that does not contain it', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <settings-probe></settings-probe><other-late-provider base-url="/other"></other-late-provider>
      </div>`,
    );
    const probe = wrapper.querySelector<SettingsProbe>('settings-probe')!;
    customElements.define('other-late-provider', class extends IopProvider {});
    await wrapper.querySelector<IopProvider>('other-late-provider')!.updateComplete;
    expect(probe.seen.baseUrl).to.equal(undefined);
  });
});
