/**
 * Every event the kit's elements fire, with its `detail`: the one source of the kit's event types. The elements
 * dispatch through these types (`fire()` in internal/widget-kit.ts is typed by `IopEventDetailMap`), the
 * framework types (`iop-kit/react`, `iop-kit/vue`, generated at build from custom-elements.json) read them, and
 * `HTMLElementEventMap` gets one entry per event, so `el.addEventListener('iop-booked', (e) => e.detail.start)`
 * is typed in any TypeScript app (and Angular's strict templates type `$event` from it).
 *
 * The native `input` and `change` of the switch and the pet toggle are plain `Event`s, as on a checkbox.
 */
import type { Appointment } from './core/schemas.js';
import type { AlertDismissDetail } from './components/alert/alert.js';
import type { CheckInSubmittedDetail } from './components/check-in/check-in.js';
import type { EstimateDetail } from './components/coverage-explainer/coverage-explainer.js';
import type { CrisisActionDetail } from './components/crisis-connect/crisis-connect.js';
import type { DialogHideDetail } from './components/dialog/dialog.js';
import type { SlotSelectDetail } from './components/follow-up-scheduler/follow-up-scheduler.js';
import type { PlanLoadedDetail } from './components/safety-plan/safety-plan.js';
import type { TermToggleDetail } from './components/term/term.js';
import type { IopErrorDetail } from './internal/data-controller.js';

export type {
  AlertDismissDetail,
  CheckInSubmittedDetail,
  CrisisActionDetail,
  DialogHideDetail,
  EstimateDetail,
  IopErrorDetail,
  PlanLoadedDetail,
  SlotSelectDetail,
  TermToggleDetail,
};

/** Each kit event's name and the type of its `detail` (`null` when it carries none). */
export interface IopEventDetailMap {
  /** `<iop-alert>`: the close button was pressed (cancelable). */
  'iop-dismiss': AlertDismissDetail;
  /** `<iop-check-in>`: a check-in was finished and saved (sent now, or when back online). */
  'iop-check-in-submitted': CheckInSubmittedDetail;
  /** `<iop-check-in>`: a high-risk screen; the crisis help is shown and the 24-hour follow-up requested. */
  'iop-check-in-escalated': CheckInSubmittedDetail;
  /** `<iop-coverage-explainer>`: a new estimate is shown. */
  'iop-estimate': EstimateDetail;
  /** `<iop-crisis-connect>`: the crisis dialog opened. */
  'iop-crisis-open': null;
  /** `<iop-crisis-connect>`: the crisis dialog closed. */
  'iop-crisis-close': null;
  /** `<iop-crisis-connect>`: the person chose a way to get help. */
  'iop-crisis-action': CrisisActionDetail;
  /** `<iop-dialog>`: it starts to open. */
  'iop-show': null;
  /** `<iop-dialog>`: it is open and its animation is over. */
  'iop-after-show': null;
  /** `<iop-dialog>`: it is asked to close (cancelable). */
  'iop-hide': DialogHideDetail;
  /** `<iop-dialog>`: it has closed and focus is back. */
  'iop-after-hide': null;
  /** `<iop-follow-up-scheduler>`: a time was chosen (before the confirm step). */
  'iop-slot-select': SlotSelectDetail;
  /** `<iop-follow-up-scheduler>`: a session was booked. */
  'iop-booked': Appointment;
  /** `<iop-follow-up-scheduler>`: a session was cancelled. */
  'iop-cancelled': Appointment;
  /** `<iop-safety-plan>`: a plan version was shown (once per version). */
  'iop-plan-loaded': PlanLoadedDetail;
  /** `<iop-term>`: the definition opened or closed. */
  'iop-term-toggle': TermToggleDetail;
  /** Every widget that loads or saves: something failed (the widget also says so on screen). */
  'iop-error': IopErrorDetail;
}

/** The name of a kit event. */
export type IopEventName = keyof IopEventDetailMap;

/** Each kit event as listeners receive it: a `CustomEvent` with its detail. */
export type IopEventMap = { [K in IopEventName]: CustomEvent<IopEventDetailMap[K]> };

/** `<iop-alert>`'s `iop-dismiss`. */
export type IopDismissEvent = IopEventMap['iop-dismiss'];
/** `<iop-check-in>`'s `iop-check-in-submitted`. */
export type IopCheckInSubmittedEvent = IopEventMap['iop-check-in-submitted'];
/** `<iop-check-in>`'s `iop-check-in-escalated`. */
export type IopCheckInEscalatedEvent = IopEventMap['iop-check-in-escalated'];
/** `<iop-coverage-explainer>`'s `iop-estimate`. */
export type IopEstimateEvent = IopEventMap['iop-estimate'];
/** `<iop-crisis-connect>`'s `iop-crisis-open`. */
export type IopCrisisOpenEvent = IopEventMap['iop-crisis-open'];
/** `<iop-crisis-connect>`'s `iop-crisis-close`. */
export type IopCrisisCloseEvent = IopEventMap['iop-crisis-close'];
/** `<iop-crisis-connect>`'s `iop-crisis-action`. */
export type IopCrisisActionEvent = IopEventMap['iop-crisis-action'];
/** `<iop-dialog>`'s `iop-show`. */
export type IopShowEvent = IopEventMap['iop-show'];
/** `<iop-dialog>`'s `iop-after-show`. */
export type IopAfterShowEvent = IopEventMap['iop-after-show'];
/** `<iop-dialog>`'s `iop-hide`. */
export type IopHideEvent = IopEventMap['iop-hide'];
/** `<iop-dialog>`'s `iop-after-hide`. */
export type IopAfterHideEvent = IopEventMap['iop-after-hide'];
/** `<iop-follow-up-scheduler>`'s `iop-slot-select`. */
export type IopSlotSelectEvent = IopEventMap['iop-slot-select'];
/** `<iop-follow-up-scheduler>`'s `iop-booked`. */
export type IopBookedEvent = IopEventMap['iop-booked'];
/** `<iop-follow-up-scheduler>`'s `iop-cancelled`. */
export type IopCancelledEvent = IopEventMap['iop-cancelled'];
/** `<iop-safety-plan>`'s `iop-plan-loaded`. */
export type IopPlanLoadedEvent = IopEventMap['iop-plan-loaded'];
/** `<iop-term>`'s `iop-term-toggle`. */
export type IopTermToggleEvent = IopEventMap['iop-term-toggle'];
/** Any widget's `iop-error`. */
export type IopErrorEvent = IopEventMap['iop-error'];

declare global {
  // One entry per kit event (the map above), so addEventListener and Angular's `$event` are typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface merge, not an empty type
  interface HTMLElementEventMap extends IopEventMap {}
}
