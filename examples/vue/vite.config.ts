import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue must know that iop-* tags are custom elements (otherwise: "Failed to resolve component" warnings, and
// v-model would not treat them as form controls). `base: './'` lets the build be served under any path.
export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('iop-') } } })],
  build: { target: 'es2022' },
});
