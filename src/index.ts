/**
 * iop-kit: every element, registered, and the public API.
 * Import one tag instead (`iop-kit/iop-crisis-connect`) to load less.
 */
import './components/button/define.js';

export { IopButton } from './components/button/button.js';
export { defineElement } from './core/define.js';
export { KIT_VERSION } from './core/version.js';
