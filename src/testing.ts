/**
 * For Storybook, demos and tests (not part of the drop-in build): the in-memory backend with the demo data.
 * `import { createMemoryBackend } from 'iop-kit/testing'`.
 */
export {
  createMemoryBackend,
  type MemoryBackend,
  type MemoryBackendOptions,
  type Simulation,
} from './core/backends/memory-backend.js';
export { createSeed, DEMO_TOKENS, DEMO_TELEHEALTH_ORIGIN, DEMO_CHAT_URL } from './demo-data/seed.js';
