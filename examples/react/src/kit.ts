// The kit's elements. main.tsx imports this module dynamically, after React's first render: the elements are
// in the page, with their properties set, before they upgrade (the late-loading case the e2e test checks).
import 'iop-kit/iop-provider';
import 'iop-kit/iop-safety-plan';
import 'iop-kit/iop-follow-up-scheduler';
import 'iop-kit/iop-coverage-explainer';
import 'iop-kit/iop-crisis-connect';
import 'iop-kit/iop-pet-friendly-toggle';
import 'iop-kit/iop-switch';
import 'iop-kit/iop-button';
import 'iop-kit/iop-card';
import 'iop-kit/iop-term';
import 'iop-kit/iop-dialog';
