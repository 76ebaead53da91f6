/** Registers every tag of the kit (side effects only). */
// The provider first: widgets upgraded before it would have to wait for it to announce itself.
import './components/provider/define.js';
import './components/alert/define.js';
import './components/button/define.js';
import './components/card/define.js';
import './components/crisis-connect/define.js';
import './components/coverage-explainer/define.js';
import './components/dialog/define.js';
import './components/follow-up-scheduler/define.js';
import './components/pet-friendly-toggle/define.js';
import './components/safety-plan/define.js';
import './components/switch/define.js';
import './components/term/define.js';
