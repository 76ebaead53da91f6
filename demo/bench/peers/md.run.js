// md.html's module: the harness, the module-start mark, then the Material Web bundle (built by bench-peers.mjs).
import { bench } from './harness.js';
import './mark.js';
import '/build/md/md.entry.js';

void bench({ trigger: '#open', dialog: 'md-dialog', rendered: (el) => el.updateComplete });
