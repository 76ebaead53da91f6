// Every adapter the browser can reach runs the one Backend contract (test/shared/backend-contract.ts): the
// in-memory adapter over the demo seed, and the FHIR R4 adapter over the real FHIR test server. The REST
// adapter's browser tests stub fetch (the reference backend is a Node server the browser tests do not start),
// so its share of the contract is covered by test/core/backends/rest-backend.test.ts and the end-to-end tests.
import { createMemoryBackend } from '../../../src/core/backends/memory-backend.js';
import { createFhirBackend } from '../../../src/core/backends/fhir/fhir-backend.js';
import { createSeed } from '../../../src/demo-data/seed.js';
import { backendContract } from '../../shared/backend-contract.js';
import { fhirServer } from '../../shared/fhir-server.js';
import { createWorld, KIT } from '../../shared/fhir-fixture.js';

before(async function () {
  this.timeout(120_000);
  await fhirServer();
});

backendContract('in-memory', async () => {
  const seed = createSeed(new Date());
  const backend = createMemoryBackend({ participant: 'alex', seed });
  return {
    backend,
    // Two clients of one person share the seed, as two tabs share one server.
    other: createMemoryBackend({ participant: 'alex', seed }),
    kind: 'crisis-debrief',
    warningSigns: [...seed.safetyPlans.alex.warningSigns],
    storedCrisisEvents: async (id) => backend.crisisEvents.filter((e) => e.id === id).length,
  };
});

backendContract('FHIR R4', async () => {
  const world = await createWorld();
  const client = () =>
    createFhirBackend({
      baseUrl: world.baseUrl,
      patient: world.me,
      getAccessToken: () => 'demo-alex',
      timeoutMs: 8000,
      retries: 0,
    });
  return {
    backend: client(),
    other: client(),
    kind: 'crisis-debrief',
    warningSigns: ['Not sleeping', 'Skipping meals'],
    storedCrisisEvents: async (id) =>
      (await world.fhir.search(`Communication?identifier=${encodeURIComponent(`${KIT}crisis-event|${id}`)}`))
        .length,
  };
});
