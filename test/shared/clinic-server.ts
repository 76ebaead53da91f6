import type { MemoryBackend } from '../../src/core/backends/memory-backend.js';

/** The REST base URL that clinicServer answers. */
export const CLINIC_API = 'https://api.clinic.example/iop/v1';

/**
 * The clinic's REST API, over the kit's injectable fetch: answers from an in-memory backend, so requests go
 * through the REST adapter with a bearer token exactly as in production. Only `Bearer tok-alex` is signed in.
 */
export function clinicServer(memory: MemoryBackend, requests: string[] = []): typeof fetch {
  const json = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const path = url.pathname.slice(new URL(CLINIC_API).pathname.length);
    const method = init.method ?? 'GET';
    requests.push(`${method} ${path}`);
    if ((init.headers as Record<string, string>).Authorization !== 'Bearer tok-alex') return json(401);
    if (method === 'GET' && path === '/safety-plans/current')
      return json(
        200,
        await memory.getSafetyPlan(url.searchParams.get('participant') === 'partner' ? 'partner' : 'me'),
      );
    if (method === 'GET' && path === '/crisis/resources') return json(200, await memory.getCrisisResources());
    if (method === 'GET' && path === '/me') return json(200, await memory.getMe());
    if (method === 'POST' && path === '/crisis/events') {
      await memory.logCrisisEvent(JSON.parse(String(init.body)));
      return json(202);
    }
    return json(404);
  }) as typeof fetch;
}
