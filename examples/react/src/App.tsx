// A patient portal page in React 19 with every iop-kit widget. Typed by 'iop-kit/react' (tsconfig "types"),
// type-checked under `strict`; tested end to end by test/e2e/frameworks.test.ts.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type {
  AccessTokenGetter,
  IopBookedEvent,
  IopCancelledEvent,
  IopPlanLoadedEvent,
  IopProvider,
} from 'iop-kit';

/** The portal's own sign-in gave it this token (the reference backend's demo participant, Alex). */
const getAccessToken: AccessTokenGetter = async () => 'demo-alex';

/**
 * React sets a property only on an element that already has it: before the kit loads, a function prop is
 * dropped. A ref callback sets it on the element itself, which keeps it when it upgrades.
 */
const signIn = (provider: IopProvider | null) => {
  if (provider) provider.getAccessToken = getAccessToken;
};

const onOff = (on: boolean) => (on ? 'on' : 'off');

export function App({ loadKit }: { loadKit: () => Promise<unknown> }): ReactNode {
  const [kitReady, setKitReady] = useState(false);
  const [shown, setShown] = useState(true);
  const [events, setEvents] = useState<string[]>([]);
  const [petToday, setPetToday] = useState(false);
  const [reminders, setReminders] = useState(false);
  const [formData, setFormData] = useState('');
  const log = useCallback((line: string) => setEvents((list) => [...list, line]), []);

  // Late loading: the tags are defined after the first render.
  useEffect(() => {
    void loadKit().then(() => setKitReady(true));
  }, [loadKit]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormData(JSON.stringify(Object.fromEntries(new FormData(event.currentTarget))));
  };
  // A form reset puts the switches back to their `checked` attribute without an event: the state follows.
  const reset = () => {
    setPetToday(false);
    setReminders(false);
    setFormData('');
  };

  return (
    <>
      <header>
        <h1>My portal (React)</h1>
        <p id="kit">{kitReady ? 'Kit ready' : 'Kit loading'}</p>
        <button type="button" id="remount" onClick={() => setShown((now) => !now)}>
          {shown ? 'Hide the widgets' : 'Show the widgets'}
        </button>
      </header>
      {shown && (
        <iop-provider ref={signIn} base-url="/api/v1" region="US">
          <main>
            <section aria-labelledby="plan-heading">
              <h2 id="plan-heading">My safety plan</h2>
              <iop-safety-plan
                participant="me"
                oniop-plan-loaded={(event: IopPlanLoadedEvent) =>
                  log(`Plan loaded: version ${event.detail.version}`)
                }
              />
            </section>
            <section aria-labelledby="book-heading">
              <h2 id="book-heading">Book a follow-up</h2>
              <iop-follow-up-scheduler
                kind="crisis-debrief"
                oniop-booked={(event: IopBookedEvent) =>
                  log(`Booked: ${event.detail.kind} at ${event.detail.start}`)
                }
                oniop-cancelled={(event: IopCancelledEvent) => log(`Cancelled: ${event.detail.kind}`)}
              />
            </section>
            <section aria-labelledby="coverage-heading">
              <h2 id="coverage-heading">My coverage</h2>
              <iop-coverage-explainer />
            </section>
            <section aria-labelledby="prefs-heading">
              <h2 id="prefs-heading">Session preferences</h2>
              <iop-pet-friendly-toggle
                id="saved-pets"
                onChange={(event) => log(`Pet-friendly preference: ${onOff(event.currentTarget.checked)}`)}
              >
                My pet can be with me in sessions
              </iop-pet-friendly-toggle>
            </section>
            <section aria-labelledby="check-in-heading">
              <h2 id="check-in-heading">Today's check-in</h2>
              <form id="check-in" onSubmit={submit} onReset={reset}>
                <iop-pet-friendly-toggle
                  bind="none"
                  name="petToday"
                  checked={petToday}
                  onChange={(event) => setPetToday(event.currentTarget.checked)}
                >
                  My pet is with me today
                </iop-pet-friendly-toggle>
                <iop-switch
                  name="reminders"
                  value="yes"
                  checked={reminders}
                  onChange={(event) => setReminders(event.currentTarget.checked)}
                >
                  Text me before the next session
                </iop-switch>
                <p id="bound">
                  Pet today: {onOff(petToday)} · Reminders: {onOff(reminders)}
                </p>
                <button type="button" id="reminders-on" onClick={() => setReminders(true)}>
                  Turn reminders on
                </button>
                <button type="submit">Show form data</button>
                <button type="reset">Reset</button>
              </form>
              <output id="form-data" form="check-in">
                {formData}
              </output>
            </section>
          </main>
          <iop-crisis-connect include-partner oniop-crisis-open={() => log('Crisis help opened')}>
            <p>
              In crisis? Call or text <a href="tel:988">988</a>.
            </p>
          </iop-crisis-connect>
        </iop-provider>
      )}
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">What happened</h2>
        <ol id="events">
          {events.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
