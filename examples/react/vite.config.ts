import { defineConfig } from 'vite';

// React 19's JSX needs no plugin: Vite's Oxc transform compiles .tsx with the automatic runtime.
// `base: './'` lets the build be served under any path (the e2e test serves it under /examples/react/).
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
});
