// The Shoelace build of the peer bench (scripts/bench-peers.mjs): sl-button + sl-dialog, cherry-picked as
// Shoelace's docs advise, with its light theme. The page (sl.html) holds the dialog's content.
import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';

const dialog = document.querySelector('sl-dialog');
document.querySelector('#open').addEventListener('click', () => dialog.show());
