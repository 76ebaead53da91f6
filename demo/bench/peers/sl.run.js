// sl.html's module: the harness, the module-start mark, then the Shoelace bundle (built by bench-peers.mjs).
import { bench } from './harness.js';
import './mark.js';
import '/build/sl/sl.entry.js';

void bench({ trigger: '#open', dialog: 'sl-dialog', rendered: (el) => el.updateComplete });
