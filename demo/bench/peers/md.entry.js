// The Material Web build of the peer bench (scripts/bench-peers.mjs): md-filled-button + md-dialog. The page
// (md.html) holds the dialog's content.
import '@material/web/button/filled-button.js';
import '@material/web/dialog/dialog.js';

const dialog = document.querySelector('md-dialog');
document.querySelector('#open').addEventListener('click', () => dialog.show());
