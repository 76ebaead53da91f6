// A patient portal page in Angular 21 (standalone, zoneless) with every iop-kit widget, type-checked with
// strictTemplates; tested end to end by test/e2e/frameworks.test.ts.
import { CUSTOM_ELEMENTS_SCHEMA, Component, afterNextRender, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AccessTokenGetter, IopBookedEvent, IopCancelledEvent, IopPlanLoadedEvent } from 'iop-kit';
import { SwitchValueAccessor } from './switch-value-accessor';

const onOff = (on: boolean) => (on ? 'on' : 'off');

@Component({
  selector: 'app-root',
  imports: [FormsModule, SwitchValueAccessor],
  // Angular checks no input of a custom element: the schema lets it bind any property of an iop-* tag.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <header>
      <h1>My portal (Angular)</h1>
      <p id="kit">{{ kitReady() ? 'Kit ready' : 'Kit loading' }}</p>
      <button id="remount" type="button" (click)="shown.set(!shown())">
        {{ shown() ? 'Hide the widgets' : 'Show the widgets' }}
      </button>
    </header>
    @if (shown()) {
      <!-- A property binding sets the property, also before the kit has loaded: the element keeps it. -->
      <iop-provider base-url="/api/v1" region="US" [getAccessToken]="getAccessToken">
        <main>
          <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">My safety plan</h2>
            <iop-safety-plan participant="me" (iop-plan-loaded)="planLoaded($event)"></iop-safety-plan>
          </section>
          <section aria-labelledby="book-heading">
            <h2 id="book-heading">Book a follow-up</h2>
            <iop-follow-up-scheduler
              kind="crisis-debrief"
              (iop-booked)="booked($event)"
              (iop-cancelled)="cancelled($event)"
            ></iop-follow-up-scheduler>
          </section>
          <section aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">My coverage</h2>
            <iop-coverage-explainer></iop-coverage-explainer>
          </section>
          <section aria-labelledby="prefs-heading">
            <h2 id="prefs-heading">Session preferences</h2>
            <iop-pet-friendly-toggle
              #saved
              id="saved-pets"
              (change)="log('Pet-friendly preference: ' + onOff(saved.checked))"
            >
              My pet can be with me in sessions
            </iop-pet-friendly-toggle>
          </section>
          <section aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">Today's check-in</h2>
            <form id="check-in" #checkIn (ngSubmit)="submit(checkIn)" (reset)="formData.set('')">
              <!-- [(ngModel)] through SwitchValueAccessor (switch-value-accessor.ts); NgForm resets the models. -->
              <iop-pet-friendly-toggle bind="none" name="petToday" [(ngModel)]="petToday">
                My pet is with me today
              </iop-pet-friendly-toggle>
              <iop-switch name="reminders" value="yes" [(ngModel)]="reminders"
                >Text me before the next session</iop-switch
              >
              <p id="bound">Pet today: {{ onOff(petToday) }} · Reminders: {{ onOff(reminders) }}</p>
              <button id="reminders-on" type="button" (click)="reminders = true">Turn reminders on</button>
              <button type="submit">Show form data</button>
              <button type="reset">Reset</button>
            </form>
            <output id="form-data" form="check-in">{{ formData() }}</output>
          </section>
        </main>
        <iop-crisis-connect include-partner (iop-crisis-open)="log('Crisis help opened')">
          <p>In crisis? Call or text <a href="tel:988">988</a>.</p>
        </iop-crisis-connect>
      </iop-provider>
    }
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">What happened</h2>
      <ol id="events">
        @for (line of events(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </section>
  `,
})
export class AppComponent {
  /** The portal's own sign-in gave it this token (the reference backend's demo participant, Alex). */
  protected readonly getAccessToken: AccessTokenGetter = async () => 'demo-alex';
  protected readonly kitReady = signal(false);
  protected readonly shown = signal(true);
  protected readonly events = signal<string[]>([]);
  protected readonly formData = signal('');
  protected petToday = false;
  protected reminders = false;
  protected readonly onOff = onOff;

  constructor() {
    // Late loading: the tags are defined after the first render.
    afterNextRender(() => void import('./kit').then(() => this.kitReady.set(true)));
  }

  protected log(line: string): void {
    this.events.update((list) => [...list, line]);
  }
  protected planLoaded(event: IopPlanLoadedEvent): void {
    this.log(`Plan loaded: version ${event.detail.version}`);
  }
  protected booked(event: IopBookedEvent): void {
    this.log(`Booked: ${event.detail.kind} at ${event.detail.start}`);
  }
  protected cancelled(event: IopCancelledEvent): void {
    this.log(`Cancelled: ${event.detail.kind}`);
  }
  protected submit(form: HTMLFormElement): void {
    this.formData.set(JSON.stringify(Object.fromEntries(new FormData(form))));
  }
}
