/// <reference types="node" />
// The queries behind every endpoint. Plain synchronous better-sqlite3 calls: a transaction runs to
// the end before Node handles the next request, and BEGIN IMMEDIATE plus the UNIQUE index protect
// against a second process on the same file.
import type { SqliteDatabase } from './sqlite.js';
import type {
  Appointment,
  CareTeamMember,
  Coverage,
  CrisisEvent,
  CrisisResources,
  Hotline,
  Participant,
  ParticipantRef,
  Preferences,
  PreferencesPatch,
  SafetyPlan,
  Slot,
  SlotKind,
} from '../../src/core/schemas.js';
import { MINUTES_PER_WEEK } from './db.js';
import type { CheckInSubmission, CheckInSummary, PartnerMood } from '../../src/core/check-in/check-in.js';

/** A response remembered under an idempotency key. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface AppointmentRow {
  id: string;
  slot_id: string;
  kind: SlotKind;
  status: 'booked' | 'cancelled';
  join_url: string | null;
  slot_doc: string;
  end_ms: number;
}

export class Store {
  constructor(readonly db: SqliteDatabase) {}

  /** The participant a bearer token belongs to, or undefined. */
  participantByToken(token: string): Participant | undefined {
    const row = this.db.prepare<{ doc: string }>('SELECT doc FROM participants WHERE token = ?').get(token);
    return row ? (JSON.parse(row.doc) as Participant) : undefined;
  }

  /** The participant with this id, or undefined. */
  participantById(id: string): Participant | undefined {
    const row = this.db.prepare<{ doc: string }>('SELECT doc FROM participants WHERE id = ?').get(id);
    return row ? (JSON.parse(row.doc) as Participant) : undefined;
  }

  /** Whether `ownerId` currently lets `viewerId` read their safety plan. */
  sharesPlanWith(ownerId: string, viewerId: string): boolean {
    const row = this.db
      .prepare<{ granted: number }>('SELECT granted FROM plan_consents WHERE owner_id = ? AND viewer_id = ?')
      .get(ownerId, viewerId);
    return row?.granted === 1;
  }

  safetyPlan(participantId: string): SafetyPlan | undefined {
    const row = this.db
      .prepare<{ doc: string }>('SELECT doc FROM safety_plans WHERE participant_id = ?')
      .get(participantId);
    return row ? (JSON.parse(row.doc) as SafetyPlan) : undefined;
  }

  coverage(participantId: string): Coverage | undefined {
    const row = this.db
      .prepare<{ doc: string }>('SELECT doc FROM coverage WHERE participant_id = ?')
      .get(participantId);
    return row ? (JSON.parse(row.doc) as Coverage) : undefined;
  }

  /** Who is on call at `now`, from the weekly rotation; undefined if the rotation has a gap. */
  crisisResources(now: Date): CrisisResources | undefined {
    const minuteOfWeek = now.getUTCDay() * 24 * 60 + now.getUTCHours() * 60 + now.getUTCMinutes();
    const shift = this.db
      .prepare<{
        start_minute_of_week: number;
        duration_minutes: number;
        phone: string;
        has_safety_plan_access: number;
        doc: string;
      }>(
        // A shift may wrap past Saturday midnight, hence the modulo.
        `SELECT s.start_minute_of_week, s.duration_minutes, s.phone, s.has_safety_plan_access, c.doc
           FROM on_call_shifts s JOIN clinicians c ON c.id = s.clinician_id
          WHERE ((? - s.start_minute_of_week + ${MINUTES_PER_WEEK}) % ${MINUTES_PER_WEEK}) < s.duration_minutes
          ORDER BY s.start_minute_of_week DESC LIMIT 1`,
      )
      .get(minuteOfWeek);
    if (!shift) return undefined;
    const elapsed = (minuteOfWeek - shift.start_minute_of_week + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
    const until = new Date(minuteStart + (shift.duration_minutes - elapsed) * 60_000);
    const telehealth = this.setting<{ available: boolean }>('telehealth') ?? { available: false };
    const chat = this.setting<{ url: string }>('chat');
    const hotlines = this.setting<Hotline[]>('hotlines');
    return {
      onCall: {
        clinician: JSON.parse(shift.doc) as CareTeamMember,
        phone: shift.phone,
        until: until.toISOString(),
        hasSafetyPlanAccess: shift.has_safety_plan_access === 1,
      },
      telehealth,
      ...(chat ? { chat } : {}),
      ...(hotlines ? { hotlines } : {}),
    };
  }

  private setting<T>(key: string): T | undefined {
    const row = this.db.prepare<{ doc: string }>('SELECT doc FROM program_settings WHERE key = ?').get(key);
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  telehealthAvailable(): boolean {
    return this.setting<{ available: boolean }>('telehealth')?.available ?? false;
  }

  addTelehealthSession(session: {
    id: string;
    participantId: string;
    includePartner: boolean;
    joinUrl: string;
    expiresAt: string;
    createdAt: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO telehealth_sessions (id, participant_id, include_partner, join_url, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        session.participantId,
        session.includePartner ? 1 : 0,
        session.joinUrl,
        session.expiresAt,
        session.createdAt,
      );
  }

  /** Stores a crisis event once per id. Returns false when the id was already stored (a replay). */
  addCrisisEvent(participantId: string, event: CrisisEvent, receivedAt: string): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO crisis_events (id, participant_id, type, at, action, target, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(event.id, participantId, event.type, event.at, event.action, event.target ?? null, receivedAt);
    return result.changes === 1;
  }

  /** Stores a check-in once per id. Returns false when the id was already stored (a replay). */
  addCheckIn(participantId: string, c: CheckInSubmission, receivedAt: string): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO check_ins (id, participant_id, at, mood, cravings, used_plan, note, share_note, share_mood,
           instrument_url, instrument_version, answers, risk, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        c.id,
        participantId,
        c.at,
        c.mood,
        c.cravings ?? null,
        c.usedPlan ? 1 : 0,
        c.shareNote ? (c.note ?? null) : null,
        c.shareNote ? 1 : 0,
        c.shareMoodWithPartner ? 1 : 0,
        c.instrument.url,
        c.instrument.version,
        JSON.stringify(c.answers),
        c.risk,
        receivedAt,
      );
    return result.changes === 1;
  }

  /** A participant's check-ins at or after `since`, oldest first, without the screener's answers. */
  checkIns(participantId: string, since: string): CheckInSummary[] {
    const rows = this.db
      .prepare<{
        id: string;
        at: string;
        mood: number;
        cravings: number | null;
        used_plan: number;
        note: string | null;
        share_note: number;
        share_mood: number;
      }>(
        `SELECT id, at, mood, cravings, used_plan, note, share_note, share_mood FROM check_ins
          WHERE participant_id = ? ORDER BY at, id`,
      )
      .all(participantId);
    const from = Date.parse(since);
    return rows
      .filter((r) => Date.parse(r.at) >= from)
      .map((r) => ({
        id: r.id,
        at: r.at,
        mood: r.mood,
        ...(r.cravings === null ? {} : { cravings: r.cravings }),
        usedPlan: r.used_plan === 1,
        ...(r.note === null ? {} : { note: r.note }),
        shareNote: r.share_note === 1,
        shareMoodWithPartner: r.share_mood === 1,
      }));
  }

  /** The moods a participant chose to share with their partner since `since`: the time and mood, nothing else. */
  sharedMoods(participantId: string, since: string): PartnerMood[] {
    const rows = this.db
      .prepare<{ at: string; mood: number }>(
        'SELECT at, mood FROM check_ins WHERE participant_id = ? AND share_mood = 1 ORDER BY at, id',
      )
      .all(participantId);
    const from = Date.parse(since);
    return rows.filter((r) => Date.parse(r.at) >= from).map((r) => ({ at: r.at, mood: r.mood }));
  }

  /** Free slots starting in [fromMs, toMs), optionally of one kind, by start time. */
  freeSlots(fromMs: number, toMs: number, kind: SlotKind | undefined, limit: number): Slot[] {
    const rows = this.db
      .prepare<{ doc: string }>(
        `SELECT s.doc FROM slots s
          WHERE s.start_ms >= ? AND s.start_ms < ? AND (? IS NULL OR s.kind = ?)
            AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = s.id AND a.status = 'booked')
          ORDER BY s.start_ms, s.id LIMIT ?`,
      )
      .all(fromMs, toMs, kind ?? null, kind ?? null, limit);
    return rows.map((row) => JSON.parse(row.doc) as Slot);
  }

  slot(slotId: string): { slot: Slot; startMs: number } | undefined {
    const row = this.db
      .prepare<{ doc: string; start_ms: number }>('SELECT doc, start_ms FROM slots WHERE id = ?')
      .get(slotId);
    return row ? { slot: JSON.parse(row.doc) as Slot, startMs: row.start_ms } : undefined;
  }

  isSlotBooked(slotId: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM appointments WHERE slot_id = ? AND status = 'booked'").get(slotId) !==
      undefined
    );
  }

  /** Inserts a booking. Throws SQLITE_CONSTRAINT_UNIQUE when the slot already has a live booking. */
  insertAppointment(appointment: {
    id: string;
    slotId: string;
    kind: SlotKind;
    bookedBy: string;
    joinUrl: string;
    participants: ParticipantRef[];
    createdAt: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO appointments (id, slot_id, kind, status, booked_by, join_url, created_at)
         VALUES (?, ?, ?, 'booked', ?, ?, ?)`,
      )
      .run(
        appointment.id,
        appointment.slotId,
        appointment.kind,
        appointment.bookedBy,
        appointment.joinUrl,
        appointment.createdAt,
      );
    const addAttendee = this.db.prepare(
      'INSERT INTO appointment_participants (appointment_id, participant_id, position) VALUES (?, ?, ?)',
    );
    appointment.participants.forEach((p, position) => addAttendee.run(appointment.id, p.id, position));
  }

  /** One appointment as the API shows it, or undefined. */
  appointment(id: string, now: Date): Appointment | undefined {
    const row = this.db
      .prepare<AppointmentRow>(
        `SELECT a.id, a.slot_id, a.kind, a.status, a.join_url, s.doc AS slot_doc, s.end_ms
           FROM appointments a JOIN slots s ON s.id = a.slot_id WHERE a.id = ?`,
      )
      .get(id);
    return row ? this.toAppointment(row, now) : undefined;
  }

  /** Ids of the participants of an appointment. */
  attendees(appointmentId: string): string[] {
    return this.db
      .prepare<{ participant_id: string }>(
        'SELECT participant_id FROM appointment_participants WHERE appointment_id = ? ORDER BY position',
      )
      .all(appointmentId)
      .map((row) => row.participant_id);
  }

  /** Every appointment `participantId` attends, by start time. */
  appointmentsOf(participantId: string, now: Date, limit: number): Appointment[] {
    const rows = this.db
      .prepare<AppointmentRow>(
        `SELECT a.id, a.slot_id, a.kind, a.status, a.join_url, s.doc AS slot_doc, s.end_ms
           FROM appointments a
           JOIN slots s ON s.id = a.slot_id
           JOIN appointment_participants p ON p.appointment_id = a.id
          WHERE p.participant_id = ?
          ORDER BY s.start_ms, a.created_at LIMIT ?`,
      )
      .all(participantId, limit);
    return rows.map((row) => this.toAppointment(row, now));
  }

  cancelAppointment(id: string, cancelledAt: string): void {
    this.db
      .prepare(
        "UPDATE appointments SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = 'booked'",
      )
      .run(cancelledAt, id);
  }

  private toAppointment(row: AppointmentRow, now: Date): Appointment {
    const slot = JSON.parse(row.slot_doc) as Slot;
    const participants = this.db
      .prepare<{ doc: string }>(
        `SELECT pt.doc FROM appointment_participants ap JOIN participants pt ON pt.id = ap.participant_id
          WHERE ap.appointment_id = ? ORDER BY ap.position`,
      )
      .all(row.id)
      .map((r) => {
        const p = JSON.parse(r.doc) as Participant;
        return { id: p.id, displayName: p.displayName };
      });
    // A booked session whose end has passed counts as fulfilled (the demo has no attendance record).
    const status = row.status === 'booked' && row.end_ms <= now.getTime() ? 'fulfilled' : row.status;
    return {
      id: row.id,
      slotId: row.slot_id,
      start: slot.start,
      end: slot.end,
      clinician: slot.clinician,
      participants,
      kind: row.kind,
      status,
      ...(row.join_url && status === 'booked' ? { joinUrl: row.join_url } : {}),
    };
  }

  preferences(participantId: string): Preferences | undefined {
    const row = this.db
      .prepare<{ version: number; pet_friendly: number; pet: string | null }>(
        'SELECT version, pet_friendly, pet FROM preferences WHERE participant_id = ?',
      )
      .get(participantId);
    if (!row) return undefined;
    return {
      version: row.version,
      petFriendly: row.pet_friendly === 1,
      ...(row.pet ? { pet: JSON.parse(row.pet) as Preferences['pet'] } : {}),
    };
  }

  /** Applies a patch on top of `current` and bumps the version. Returns the new preferences. */
  updatePreferences(participantId: string, current: Preferences, patch: PreferencesPatch): Preferences {
    const pet = patch.pet === undefined ? current.pet : (patch.pet ?? undefined);
    const next: Preferences = {
      version: current.version + 1,
      petFriendly: patch.petFriendly,
      ...(pet ? { pet } : {}),
    };
    const result = this.db
      .prepare(
        'UPDATE preferences SET version = ?, pet_friendly = ?, pet = ? WHERE participant_id = ? AND version = ?',
      )
      .run(
        next.version,
        next.petFriendly ? 1 : 0,
        pet ? JSON.stringify(pet) : null,
        participantId,
        current.version,
      );
    if (result.changes !== 1) throw new Error('Preferences changed during the update');
    return next;
  }

  /** The response stored under an idempotency key, with what it was for. */
  idempotentResponse(
    participantId: string,
    key: string,
  ): (StoredResponse & { operation: string; requestHash: string }) | undefined {
    const row = this.db
      .prepare<{
        operation: string;
        request_hash: string;
        status: number;
        headers: string;
        body: string | null;
      }>(
        'SELECT operation, request_hash, status, headers, body FROM idempotency_keys WHERE participant_id = ? AND key = ?',
      )
      .get(participantId, key);
    if (!row) return undefined;
    return {
      operation: row.operation,
      requestHash: row.request_hash,
      status: row.status,
      headers: JSON.parse(row.headers) as Record<string, string>,
      body: row.body === null ? undefined : (JSON.parse(row.body) as unknown),
    };
  }

  rememberResponse(
    participantId: string,
    key: string,
    operation: string,
    requestHash: string,
    response: StoredResponse,
    createdAt: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO idempotency_keys (participant_id, key, operation, request_hash, status, headers, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        participantId,
        key,
        operation,
        requestHash,
        response.status,
        JSON.stringify(response.headers),
        response.body === undefined ? null : JSON.stringify(response.body),
        createdAt,
      );
  }
}
