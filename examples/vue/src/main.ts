import { createApp } from 'vue';
import App from './App.vue';
import Conformance from './Conformance.vue';

/** The kit's tags, loaded on demand (a separate chunk). */
const loadKit = () => import('./kit');

// ?conformance=before|after: the conformance fixture (test/e2e/frameworks.test.ts), rendered before the kit
// loads or after every tag is defined. Otherwise the portal page, which loads the kit once it is mounted.
const conformance = new URLSearchParams(location.search).get('conformance');
if (conformance === 'after') {
  await loadKit();
  createApp(Conformance).mount('#app');
} else if (conformance === 'before') {
  createApp(Conformance, { loadKit }).mount('#app');
} else {
  createApp(App, { loadKit }).mount('#app');
}
