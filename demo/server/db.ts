/// <reference types="node" />
// The reference backend's storage: one SQLite file (better-sqlite3, synchronous API).
// WAL + synchronous=FULL: once a write is acknowledged it survives a kill -9 or a power cut.
// Entities the API returns whole (participant, safety plan, coverage, slot) are stored as JSON
// documents; everything a rule depends on (tokens, consent, bookings, versions, idempotency keys,
// crisis event ids) is a real column with a real constraint.
import { Database, type SqliteDatabase } from './sqlite.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_TOKENS,
  ON_CALL_ROTATION,
  ON_CALL_PHONE,
  SHIFT_HOURS,
  type Seed,
} from '../../src/demo-data/seed.js';

/** Bump when the schema below changes: an older file is re-created and re-seeded. */
export const SCHEMA_VERSION = 2;

/** The file name inside DATA_DIR. */
export const DB_FILE_NAME = 'iop-kit.sqlite';

const SCHEMA = `
CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL
);
-- Consent to share a safety plan: owner lets viewer read it while granted = 1.
CREATE TABLE plan_consents (
  owner_id TEXT NOT NULL REFERENCES participants(id),
  viewer_id TEXT NOT NULL REFERENCES participants(id),
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  PRIMARY KEY (owner_id, viewer_id)
);
CREATE TABLE clinicians (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);
-- The 24/7 on-call rotation: weekly shifts, in minutes from Sunday 00:00 UTC.
CREATE TABLE on_call_shifts (
  start_minute_of_week INTEGER PRIMARY KEY CHECK (start_minute_of_week BETWEEN 0 AND 10079),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  clinician_id TEXT NOT NULL REFERENCES clinicians(id),
  phone TEXT NOT NULL,
  has_safety_plan_access INTEGER NOT NULL CHECK (has_safety_plan_access IN (0, 1))
);
-- Program-wide documents: hotlines, telehealth availability, chat.
CREATE TABLE program_settings (
  key TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);
CREATE TABLE safety_plans (
  participant_id TEXT PRIMARY KEY REFERENCES participants(id),
  doc TEXT NOT NULL
);
CREATE TABLE coverage (
  participant_id TEXT PRIMARY KEY REFERENCES participants(id),
  doc TEXT NOT NULL
);
CREATE TABLE slots (
  id TEXT PRIMARY KEY,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
  kind TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX slots_by_start ON slots(start_ms, kind);
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  slot_id TEXT NOT NULL REFERENCES slots(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  booked_by TEXT NOT NULL REFERENCES participants(id),
  join_url TEXT,
  created_at TEXT NOT NULL,
  cancelled_at TEXT
);
-- The rule that makes double booking impossible: at most one live booking per slot.
-- Cancelling flips status, which frees the slot for the next booking.
CREATE UNIQUE INDEX appointments_one_booking_per_slot ON appointments(slot_id) WHERE status = 'booked';
CREATE TABLE appointment_participants (
  appointment_id TEXT NOT NULL REFERENCES appointments(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (appointment_id, participant_id)
);
CREATE TABLE idempotency_keys (
  participant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  operation TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL,
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (participant_id, key)
);
CREATE TABLE crisis_events (
  id TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id),
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  received_at TEXT NOT NULL
);
-- Check-ins (idempotent by id). The note is here only when the person shared it with the care team (the request
-- schema refuses a note otherwise). The partner is only ever shown at and mood, and only where share_mood = 1.
CREATE TABLE check_ins (
  id TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id),
  at TEXT NOT NULL,
  mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
  cravings INTEGER CHECK (cravings BETWEEN 0 AND 10),
  used_plan INTEGER NOT NULL CHECK (used_plan IN (0, 1)),
  note TEXT CHECK (note IS NULL OR share_note = 1),
  share_note INTEGER NOT NULL CHECK (share_note IN (0, 1)),
  share_mood INTEGER NOT NULL CHECK (share_mood IN (0, 1)),
  instrument_url TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  answers TEXT NOT NULL,
  risk TEXT NOT NULL CHECK (risk IN ('none', 'low', 'moderate', 'high')),
  received_at TEXT NOT NULL
);
CREATE INDEX check_ins_by_participant ON check_ins (participant_id, at);
CREATE TABLE telehealth_sessions (
  id TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id),
  include_partner INTEGER NOT NULL,
  join_url TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE preferences (
  participant_id TEXT PRIMARY KEY REFERENCES participants(id),
  version INTEGER NOT NULL CHECK (version >= 0),
  pet_friendly INTEGER NOT NULL CHECK (pet_friendly IN (0, 1)),
  pet TEXT
);
`;

const TABLES = [
  'appointment_participants',
  'appointments',
  'idempotency_keys',
  'crisis_events',
  'check_ins',
  'telehealth_sessions',
  'preferences',
  'slots',
  'coverage',
  'safety_plans',
  'on_call_shifts',
  'program_settings',
  'plan_consents',
  'participants',
  'clinicians',
];

/** The path of the database file for a data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

/**
 * Opens (creating the folder and file when absent) the database in `dataDir` with durable settings.
 * `reset` drops every table and re-creates the schema (the caller then seeds it again).
 */
export function openDatabase(dataDir: string, options: { reset?: boolean } = {}): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(databasePath(dataDir), { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  // FULL: fsync the WAL on every commit, so an acknowledged write survives a kill or power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (options.reset || version !== SCHEMA_VERSION) {
    db.transaction(() => {
      for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}

/** True when the database holds no participants yet (fresh file or just reset). */
export function isEmpty(db: SqliteDatabase): boolean {
  return db.prepare<{ n: number }>('SELECT count(*) AS n FROM participants').get()!.n === 0;
}

/** Minutes in a week, the period of the on-call rotation. */
export const MINUTES_PER_WEEK = 7 * 24 * 60;

/**
 * Writes the demo data into an empty database, in one transaction. `telehealthOrigin` replaces the
 * seed's own origin in seeded join URLs so they match the rooms this server hands out.
 */
export function seedDatabase(db: SqliteDatabase, seed: Seed, telehealthOrigin: string): void {
  const tokens = new Map(Object.entries(DEMO_TOKENS).map(([token, id]) => [id as string, token]));
  db.transaction(() => {
    const addParticipant = db.prepare('INSERT INTO participants (id, token, doc) VALUES (?, ?, ?)');
    for (const participant of Object.values(seed.participants)) {
      const token = tokens.get(participant.id);
      if (!token) throw new Error(`No demo token for participant ${participant.id}`);
      addParticipant.run(participant.id, token, JSON.stringify(participant));
    }
    const addConsent = db.prepare(
      'INSERT INTO plan_consents (owner_id, viewer_id, granted) VALUES (?, ?, 1)',
    );
    for (const [owner, viewers] of Object.entries(seed.sharesWith)) {
      for (const viewer of viewers) addConsent.run(owner, viewer);
    }
    const addClinician = db.prepare('INSERT INTO clinicians (id, doc) VALUES (?, ?)');
    for (const member of seed.careTeam) addClinician.run(member.id, JSON.stringify(member));
    const addShift = db.prepare(
      `INSERT INTO on_call_shifts (start_minute_of_week, duration_minutes, clinician_id, phone, has_safety_plan_access)
       VALUES (?, ?, ?, ?, 1)`,
    );
    for (const shift of ON_CALL_ROTATION) {
      addShift.run(
        (shift.weekday * 24 + shift.startHourUtc) * 60,
        SHIFT_HOURS * 60,
        shift.clinician.id,
        ON_CALL_PHONE,
      );
    }
    const addSetting = db.prepare('INSERT INTO program_settings (key, doc) VALUES (?, ?)');
    addSetting.run('hotlines', JSON.stringify(seed.hotlines));
    addSetting.run('telehealth', JSON.stringify({ available: seed.telehealth.available }));
    if (seed.chat) addSetting.run('chat', JSON.stringify(seed.chat));
    const addPlan = db.prepare('INSERT INTO safety_plans (participant_id, doc) VALUES (?, ?)');
    for (const [participantId, plan] of Object.entries(seed.safetyPlans)) {
      addPlan.run(participantId, JSON.stringify(plan));
    }
    const addCoverage = db.prepare('INSERT INTO coverage (participant_id, doc) VALUES (?, ?)');
    for (const [participantId, coverage] of Object.entries(seed.coverage)) {
      addCoverage.run(participantId, JSON.stringify(coverage));
    }
    const addSlot = db.prepare('INSERT INTO slots (id, start_ms, end_ms, kind, doc) VALUES (?, ?, ?, ?, ?)');
    for (const slot of seed.slots) {
      addSlot.run(slot.id, Date.parse(slot.start), Date.parse(slot.end), slot.kind, JSON.stringify(slot));
    }
    const addAppointment = db.prepare(
      `INSERT INTO appointments (id, slot_id, kind, status, booked_by, join_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const addAttendee = db.prepare(
      'INSERT INTO appointment_participants (appointment_id, participant_id, position) VALUES (?, ?, ?)',
    );
    const seededAt = new Date().toISOString();
    for (const appointment of seed.appointments) {
      // 'fulfilled' is derived from the clock when read; the table stores booked or cancelled.
      const status = appointment.status === 'cancelled' ? 'cancelled' : 'booked';
      addAppointment.run(
        appointment.id,
        appointment.slotId,
        appointment.kind,
        status,
        appointment.participants[0]!.id,
        `${telehealthOrigin}/join/${encodeURIComponent(appointment.id)}`,
        seededAt,
      );
      appointment.participants.forEach((p, position) => addAttendee.run(appointment.id, p.id, position));
    }
    const addPreferences = db.prepare(
      'INSERT INTO preferences (participant_id, version, pet_friendly, pet) VALUES (?, ?, ?, ?)',
    );
    for (const [participantId, prefs] of Object.entries(seed.preferences)) {
      addPreferences.run(
        participantId,
        prefs.version,
        prefs.petFriendly ? 1 : 0,
        prefs.pet ? JSON.stringify(prefs.pet) : null,
      );
    }
  })();
}

/**
 * Rolls the slot calendar forward on an existing database: adds the seed's slots for the two weeks
 * from now that are not there yet (slot ids are derived from kind, clinician and start time, so
 * nothing is added twice). Without it, a demo database started again weeks later would offer no
 * slots. Bookings, preferences and everything else stay untouched. Returns how many were added.
 */
export function addMissingSlots(db: SqliteDatabase, seed: Seed): number {
  // The seed's pre-booked demo slot belongs to its seeded appointment, which is not re-created.
  const preBooked = new Set(seed.appointments.map((a) => a.slotId));
  const add = db.prepare(
    'INSERT INTO slots (id, start_ms, end_ms, kind, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return db.transaction(() => {
    let added = 0;
    for (const slot of seed.slots) {
      if (preBooked.has(slot.id)) continue;
      added += add.run(
        slot.id,
        Date.parse(slot.start),
        Date.parse(slot.end),
        slot.kind,
        JSON.stringify(slot),
      ).changes;
    }
    return added;
  })();
}
