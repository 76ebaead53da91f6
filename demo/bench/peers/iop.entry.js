// The iop-kit build of the peer bench (scripts/bench-peers.mjs): the crisis button's npm entry, as an app
// imports it. The element brings its own dialog and hotlines; there is nothing to wire.
import 'iop-kit/iop-crisis-connect';
