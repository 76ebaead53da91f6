/**
 * The Backend contract, once, for every adapter (Lion's discipline: one suite that each implementation runs):
 * the promises the widgets rely on, whatever the backend is. An adapter's own test file calls
 * `backendContract(name, setup)` with a fresh world per test; adapter-specific mapping stays in its own tests.
 */
import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import type { Backend } from '../../src/core/backends/backend.js';
import { HttpError } from '../../src/core/errors.js';
import { CheckInHistorySchema, toSubmission } from '../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT } from '../../src/core/check-in/instrument.js';
import {
  AppointmentSchema,
  ParticipantSchema,
  SafetyPlanSchema,
  SlotSchema,
  type SlotKind,
  type SlotQuery,
} from '../../src/core/schemas.js';

export interface ContractWorld {
  /** The signed-in person's backend. */
  backend: Backend;
  /** A second client of the same person (another tab or device), sharing the same data. */
  other: Backend;
  /** A kind with at least two free slots in the next 14 days for this person. */
  kind: SlotKind;
  /** The person's warning signs, in the order they were written into the plan. */
  warningSigns: string[];
  /** How many times the backend has stored the crisis event with this id. */
  storedCrisisEvents(id: string): Promise<number>;
}

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

const window14 = (kind: SlotKind): SlotQuery => ({
  kind,
  from: new Date().toISOString(),
  to: new Date(Date.now() + 14 * 864e5).toISOString(),
});

export function backendContract(name: string, setup: () => Promise<ContractWorld>): void {
  describe(`Backend contract: ${name}`, () => {
    let world: ContractWorld;
    beforeEach(async function () {
      this.timeout(30_000);
      world = await setup();
    });

    it('getMe: a participant the schema accepts, with a care team whose members have ids, names and roles', async () => {
      const me = await world.backend.getMe();
      expect(v.safeParse(ParticipantSchema, me).success).to.equal(true);
      expect(me.careTeam.length).to.be.greaterThan(0);
      for (const member of me.careTeam) expect(member.id && member.name && member.role).to.be.a('string');
      if (me.partner) expect(me.partner.id).to.not.equal(me.id);
    });

    it('getSafetyPlan: my plan, valid, mine, with its items in the order they were written', async () => {
      const [me, plan] = await Promise.all([world.backend.getMe(), world.backend.getSafetyPlan('me')]);
      expect(v.safeParse(SafetyPlanSchema, plan).success).to.equal(true);
      expect(plan.participantId).to.equal(me.id);
      expect(plan.warningSigns).to.deep.equal(world.warningSigns);
    });

    it('listSlots: free slots of the kind asked, inside the window, soonest first', async () => {
      const query = window14(world.kind);
      const slots = await world.backend.listSlots(query);
      expect(slots.length).to.be.at.least(2);
      for (const slot of slots) {
        expect(v.safeParse(SlotSchema, slot).success).to.equal(true);
        expect(slot.kind).to.equal(world.kind);
        expect(Date.parse(slot.start)).to.be.within(Date.parse(query.from), Date.parse(query.to));
      }
      const starts = slots.map((s) => Date.parse(s.start));
      expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    });

    it('book: idempotent by key (one appointment), the slot no longer free, and 409 for another key', async () => {
      const query = window14(world.kind);
      const [slot] = await world.backend.listSlots(query);
      const request = { slotId: slot!.id, kind: world.kind, includePartner: world.kind === 'couples' };
      const first = await world.backend.book(request, 'contract-key-1');
      expect(v.safeParse(AppointmentSchema, first).success).to.equal(true);
      expect(first).to.include({ slotId: slot!.id, status: 'booked', kind: world.kind });
      const again = await world.backend.book(request, 'contract-key-1');
      expect(again.id).to.equal(first.id);
      const mine = (await world.backend.listAppointments()).filter(
        (a) => a.slotId === slot!.id && a.status === 'booked',
      );
      expect(mine.map((a) => a.id)).to.deep.equal([first.id]);
      expect((await world.other.listSlots(query)).map((s) => s.id)).to.not.include(slot!.id);
      const taken = await rejection(world.other.book(request, 'contract-key-2'));
      expect(taken).to.be.instanceOf(HttpError);
      expect((taken as HttpError).status).to.equal(409);
    });

    it('cancel: the appointment reads cancelled and its slot is free again', async () => {
      const query = window14(world.kind);
      const [slot] = await world.backend.listSlots(query);
      const booked = await world.backend.book(
        { slotId: slot!.id, kind: world.kind, includePartner: world.kind === 'couples' },
        'contract-cancel',
      );
      await world.backend.cancel(booked.id);
      const after = (await world.backend.listAppointments()).find((a) => a.id === booked.id);
      expect(after?.status ?? 'cancelled').to.equal('cancelled');
      expect((await world.other.listSlots(query)).map((s) => s.id)).to.include(slot!.id);
    });

    it('updatePreferences: saves with the current ETag, and answers 412 to a stale one', async () => {
      const start = await world.backend.getPreferences();
      const saved = await world.backend.updatePreferences(
        { petFriendly: !start.preferences.petFriendly },
        start.etag,
      );
      expect(saved.preferences.petFriendly).to.equal(!start.preferences.petFriendly);
      expect(saved.etag).to.not.equal(start.etag);
      expect((await world.other.getPreferences()).preferences.petFriendly).to.equal(
        !start.preferences.petFriendly,
      );
      const stale = await rejection(world.other.updatePreferences({ petFriendly: true }, start.etag));
      expect(stale).to.be.instanceOf(HttpError);
      expect((stale as HttpError).status).to.equal(412);
      expect((await world.backend.getPreferences()).preferences.petFriendly).to.equal(
        saved.preferences.petFriendly,
      );
    });

    it('logCrisisEvent: the same event sent twice (a retry, another tab) is stored once', async () => {
      const event = {
        id: `contract-${Math.random().toString(36).slice(2, 10)}`,
        type: 'crisis-action' as const,
        at: new Date().toISOString(),
        action: 'call-emergency',
        target: '911',
      };
      await world.backend.logCrisisEvent(event);
      await world.other.logCrisisEvent(event);
      expect(await world.storedCrisisEvents(event.id)).to.equal(1);
    });

    it('submitCheckIn: stored once by id (a retry, another tab), read back without the answers; the note only when shared', async () => {
      const at = new Date().toISOString();
      const checkIn = toSubmission({
        id: `contract-ci-${Math.random().toString(36).slice(2, 10)}`,
        at,
        mood: 6,
        usedPlan: true,
        note: 'private',
        shareNote: false,
        shareMoodWithPartner: false,
        instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
        answers: { '1': 'no', '2': 'no', '6': 'no' },
        risk: 'none',
      });
      await world.backend.submitCheckIn!(checkIn);
      await world.other.submitCheckIn!(checkIn);
      const history = await world.backend.getCheckIns!(new Date(Date.parse(at) - 60_000).toISOString());
      expect(v.safeParse(CheckInHistorySchema, history).success).to.equal(true);
      const mine = history.checkIns.filter((c) => c.id === checkIn.id);
      expect(mine).to.have.length(1);
      expect(mine[0]).to.deep.include({ mood: 6, usedPlan: true, shareNote: false });
      expect(mine[0]).to.not.have.property('note');
      expect(JSON.stringify(history)).to.not.contain('answers');
    });
  });
}
