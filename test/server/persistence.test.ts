/// <reference types="node" />
// Data survives a restart (and a kill -9 of the CLI); --reset re-seeds; the file is durable (WAL, FULL).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppointmentListSchema, AppointmentSchema, SlotListSchema } from '../../src/core/schemas.js';
import { databasePath, isEmpty, openDatabase } from '../../demo/server/db.js';
import { REPO_ROOT } from '../../demo/server/static.js';
import { assertSchema, NOW, slotQuery, startServer, tempDir } from './helpers.js';

describe('persistence', () => {
  test('a booking, a preference change and a crisis event survive a restart on the same data folder', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startServer({ dataDir });
      const [slot] = assertSchema(SlotListSchema, await (await first.api(slotQuery('individual'))).json());
      const booked = await first.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'persist-1' },
        body: JSON.stringify({ slotId: slot!.id, kind: 'individual', includePartner: false }),
      });
      assert.equal(booked.status, 201);
      const appointment = assertSchema(AppointmentSchema, await booked.json());
      const patched = await first.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        body: JSON.stringify({ petFriendly: false, pet: null }),
      });
      assert.equal(patched.status, 200);
      const event = { id: 'evt-persist', type: 'crisis-open', at: NOW.toISOString(), action: 'open' };
      assert.equal(
        (await first.api('/crisis/events', { method: 'POST', body: JSON.stringify(event) })).status,
        202,
      );
      await first.close();

      const second = await startServer({ dataDir });
      try {
        const list = assertSchema(AppointmentListSchema, await (await second.api('/follow-ups')).json());
        assert.deepEqual(
          list.find((a) => a.id === appointment.id),
          appointment,
        );
        const free = assertSchema(SlotListSchema, await (await second.api(slotQuery('individual'))).json());
        assert.ok(!free.some((f) => f.id === slot!.id), 'the slot is still taken');
        const prefs = await second.api('/preferences');
        assert.equal(prefs.headers.get('etag'), '"2"');
        assert.deepEqual(await prefs.json(), { version: 2, petFriendly: false });
        // The idempotency record survived too: a replay after the restart returns the same booking.
        const replay = await second.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'persist-1' },
          body: JSON.stringify({ slotId: slot!.id, kind: 'individual', includePartner: false }),
        });
        assert.equal(replay.status, 201);
        assert.equal(((await replay.json()) as { id: string }).id, appointment.id);
        const again = await second.api('/crisis/events', { method: 'POST', body: JSON.stringify(event) });
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
      } finally {
        await second.close();
      }

      // reset: everything back to the seed.
      const third = await startServer({ dataDir, reset: true });
      try {
        const list = assertSchema(AppointmentListSchema, await (await third.api('/follow-ups')).json());
        assert.ok(!list.some((a) => a.id === appointment.id));
        assert.equal(list.length, 1, 'only the seeded couples session');
        assert.equal((await third.api('/preferences')).headers.get('etag'), '"1"');
      } finally {
        await third.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a restart weeks later rolls the slot calendar forward and keeps the bookings', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startServer({ dataDir });
      const seeded = assertSchema(AppointmentListSchema, await (await first.api('/follow-ups')).json());
      await first.close();
      const later = NOW.getTime() + 20 * 24 * 3600_000;
      const second = await startServer({ dataDir, now: () => new Date(later) });
      try {
        const slots = assertSchema(
          SlotListSchema,
          await (await second.api(slotQuery('couples', later, 7))).json(),
        );
        assert.ok(slots.length > 0, 'fresh slots three weeks on');
        assert.ok(slots.every((slot) => Date.parse(slot.start) >= later));
        const list = assertSchema(AppointmentListSchema, await (await second.api('/follow-ups')).json());
        assert.deepEqual(
          list.map((a) => a.id),
          seeded.map((a) => a.id),
        );
        assert.equal(list[0]!.status, 'fulfilled', 'the seeded session is in the past now');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the database uses WAL with synchronous=FULL and closes with the server', async () => {
    const dataDir = await tempDir();
    try {
      const db = openDatabase(dataDir);
      try {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(db.pragma('synchronous', { simple: true }), 2, 'FULL');
        assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
        assert.equal(isEmpty(db), true, 'a new file has the schema but no data');
        assert.equal(db.name, databasePath(dataDir));
        assert.equal(databasePath(dataDir), join(dataDir, 'iop-kit.sqlite'));
      } finally {
        db.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** Starts the CLI and resolves with the base URL it prints. */
function startCli(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'demo/server/main.ts'), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Landing page\s+(http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('the CLI (main.ts)', () => {
  test('prints the URLs, survives kill -9 without losing an acknowledged booking, stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir();
    const env = { PORT: '0', DATA_DIR: dataDir };
    const auth = { Authorization: 'Bearer demo-alex', 'Content-Type': 'application/json' };
    try {
      const first = await startCli(env);
      const printed = first.output();
      for (const path of ['/api/v1', '/openapi.json', '/demo/clinic-site/', '/demo/portal/', '/storybook/']) {
        assert.ok(printed.includes(`${first.base}${path}`), path);
      }
      assert.match(printed, /database seeded/);
      const slots = (await (
        await fetch(`${first.base}/api/v1${slotQuery('couples', Date.now())}`, { headers: auth })
      ).json()) as { id: string }[];
      assert.ok(slots.length > 0);
      const booked = await fetch(`${first.base}/api/v1/follow-ups`, {
        method: 'POST',
        headers: { ...auth, 'Idempotency-Key': 'cli-kill' },
        body: JSON.stringify({ slotId: slots[0]!.id, kind: 'couples', includePartner: true }),
      });
      assert.equal(booked.status, 201);
      const { id } = (await booked.json()) as { id: string };
      // No goodbye: the process dies right after the acknowledgement.
      const killed = exited(first.child);
      first.child.kill('SIGKILL');
      assert.equal((await killed).signal, 'SIGKILL');

      const second = await startCli(env);
      assert.match(second.output(), /existing database/);
      const list = (await (await fetch(`${second.base}/api/v1/follow-ups`, { headers: auth })).json()) as {
        id: string;
        status: string;
      }[];
      assert.equal(list.find((a) => a.id === id)?.status, 'booked');
      const stopped = exited(second.child);
      second.child.kill('SIGTERM');
      const result = await stopped;
      assert.equal(result.code, 0, second.output());
      assert.match(second.output(), /SIGTERM: closing the server and the database/);

      // --reset re-seeds.
      const third = await startCli(env, ['--reset']);
      assert.match(third.output(), /database seeded/);
      const afterReset = (await (
        await fetch(`${third.base}/api/v1/follow-ups`, { headers: auth })
      ).json()) as {
        id: string;
      }[];
      assert.ok(!afterReset.some((a) => a.id === id));
      const thirdStopped = exited(third.child);
      third.child.kill('SIGINT');
      assert.equal((await thirdStopped).code, 0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('an unknown argument or a bad PORT exits with a message', async () => {
    for (const [args, env, message] of [
      [['--frobnicate'], {}, /Unknown argument/],
      [[], { PORT: 'eighty' }, /PORT must be/],
    ] as const) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'demo/server/main.ts'), ...args],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: join(REPO_ROOT, '.data', 'never-used'), ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const { code } = await exited(child);
      assert.equal(code, 2);
      assert.match(stderr, message);
    }
  });
});
