/**
 * iop-kit: every element, registered, and the public API.
 * Import one tag instead (`iop-kit/iop-crisis-connect`) to load less.
 */
import './register.js';
// Not in the drop-in (src/register.ts) for its size; every app importing the kit gets it.
import './components/check-in/define.js';

export { IopAlert } from './components/alert/alert.js';
export { IopButton } from './components/button/button.js';
export { IopCard } from './components/card/card.js';
export { IopCheckIn, type CheckInSubmittedDetail } from './components/check-in/check-in.js';
export { IopCrisisConnect, type CrisisActionDetail } from './components/crisis-connect/crisis-connect.js';
export {
  IopCoverageExplainer,
  type EstimateDetail,
} from './components/coverage-explainer/coverage-explainer.js';
export { IopDialog } from './components/dialog/dialog.js';
export {
  IopFollowUpScheduler,
  type SlotSelectDetail,
} from './components/follow-up-scheduler/follow-up-scheduler.js';
export { IopPetFriendlyToggle } from './components/pet-friendly-toggle/pet-friendly-toggle.js';
export { IopProvider } from './components/provider/provider.js';
export { IopSafetyPlan, type PlanLoadedDetail } from './components/safety-plan/safety-plan.js';
export { IopSwitch } from './components/switch/switch.js';
export { IopTerm } from './components/term/term.js';

export { configure } from './core/config.js';
export {
  getConfig,
  onConfigChange,
  type IopConfig,
  type IopOptions,
  type AccessTokenGetter,
} from './core/config-store.js';
export { signOut, isSignedIn } from './core/client.js';
export type { Backend } from './core/backends/backend.js';
export { estimateMemberPays, parseDollars } from './core/estimate.js';
export { IopError, NetworkError, TimeoutError, HttpError, SchemaError, ConfigError } from './core/errors.js';
export * from './core/schemas.js';
export {
  CheckInSubmissionSchema,
  CheckInHistorySchema,
  CheckInSummarySchema,
  PartnerMoodSchema,
  type CheckIn,
  type CheckInSubmission,
  type CheckInHistory,
  type CheckInSummary,
  type PartnerMood,
} from './core/check-in/check-in.js';
export {
  CSSRS_SCREENER_RECENT,
  InstrumentSchema,
  parseInstrument,
  RISK_LEVELS,
  type Instrument,
  type InstrumentItem,
  type RiskLevel,
} from './core/check-in/instrument.js';
export { defineElement } from './core/define.js';
export { KIT_VERSION } from './core/version.js';
// Every event's name and detail (and the HTMLElementEventMap entries for them).
export type * from './events.js';
