// The conformance fixture (custom-elements-everywhere style), the same checks in React, Vue and Angular:
// test/e2e/frameworks-shared.ts reads each element back and writes the table in stories/docs/frameworks.mdx.
// Angular binds properties ([headingLevel], [lightDismiss], [getAccessToken]), which the element keeps when set
// before it upgrades: the recommended binding and the "pitfall" rows are the same binding here.
import { CUSTOM_ELEMENTS_SCHEMA, Component, afterNextRender, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { IopTermToggleEvent } from 'iop-kit';
import { SwitchValueAccessor } from './switch-value-accessor';

@Component({
  selector: 'app-root',
  imports: [FormsModule, SwitchValueAccessor],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Conformance (Angular)</h1>
      <p id="kit">{{ kitReady() ? 'Kit ready' : 'Kit loading' }}</p>
      <iop-term id="string-attr" definition="Defined here">term</iop-term>
      <iop-card id="number" [headingLevel]="3"><h3 slot="heading">Card</h3></iop-card>
      <iop-card id="number-camel" [headingLevel]="3"><h3 slot="heading">Card</h3></iop-card>
      <iop-dialog id="bool-true" label="true" [lightDismiss]="true"></iop-dialog>
      <iop-dialog id="bool-false" label="false" [lightDismiss]="false"></iop-dialog>
      <iop-dialog id="bool-string-false" label="string" light-dismiss="false"></iop-dialog>
      <iop-dialog id="bool-update" label="updated" [lightDismiss]="lightDismiss()"></iop-dialog>
      <button id="flip" type="button" (click)="lightDismiss.set(false)">Flip</button>
      <iop-button id="object-style" [style]="{ '--iop-color-accent': 'rgb(1, 2, 3)' }">Styled</iop-button>
      <iop-provider id="function-plain" [getAccessToken]="plain"></iop-provider>
      <iop-provider id="function-recommended" [getAccessToken]="recommended"></iop-provider>
      <iop-term id="event" definition="Opens and closes" (iop-term-toggle)="toggled($event)">event</iop-term>
      <output id="event-log">{{ eventLog() }}</output>
      <iop-switch id="two-way" [(ngModel)]="twoWay">two-way</iop-switch>
      <output id="two-way-state">{{ twoWay ? 'on' : 'off' }}</output>
      <button id="two-way-off" type="button" (click)="twoWay = false">Off</button>
    </main>
  `,
})
export class ConformanceComponent {
  protected readonly kitReady = signal(false);
  protected readonly lightDismiss = signal(true);
  protected readonly eventLog = signal('');
  protected twoWay = false;
  protected readonly plain = async () => 'token-plain';
  protected readonly recommended = async () => 'token-recommended';

  constructor() {
    // ?conformance=before loads the kit after the first render; ?conformance=after (main.ts) has loaded it.
    afterNextRender(() => void import('./kit').then(() => this.kitReady.set(true)));
  }

  protected toggled(event: IopTermToggleEvent): void {
    this.eventLog.set(JSON.stringify(event.detail));
  }
}
