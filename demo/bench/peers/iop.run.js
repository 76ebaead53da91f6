// iop.html's module: the harness, the module-start mark, then the iop-kit bundle (built by bench-peers.mjs).
import { bench } from './harness.js';
import './mark.js';
import '/build/iop/iop.entry.js';

void bench({
  trigger: 'iop-crisis-connect',
  dialog: 'iop-dialog',
  rendered: async (el) => {
    await el.updateComplete;
  },
});
