/// <reference types="node" />
/**
 * Storage for the test FHIR server: Medplum's in-memory repository, made strict (every create and update is
 * validated against R4), and a per-request view that applies the one access rule the kit relies on: a
 * Patient reads another Patient's CarePlan only with that Patient's active Consent.
 */
import { getReferenceString, OperationOutcomeError, parseSearchRequest } from '@medplum/core';
import type { SearchRequest, WithId } from '@medplum/core';
import { FhirRepository, MemoryRepository } from '@medplum/fhir-router';
import type { CreateResourceOptions, RepositoryMode, UpdateResourceOptions } from '@medplum/fhir-router';
import type { Bundle, CarePlan, Consent, HumanName, Patient, Reference, Resource } from '@medplum/fhirtypes';
import { validateR4 } from './definitions.js';

/** The R4 code system of resource types, used in Consent.provision.class. */
export const RESOURCE_TYPES_SYSTEM = 'http://hl7.org/fhir/resource-types';

type Operation = Parameters<MemoryRepository['patchResource']>[2];

/** MemoryRepository's private indexes (read for the transaction rollback only). */
interface Maps {
  resources: Map<string, Map<string, Resource>>;
  history: Map<string, Map<string, Resource[]>>;
}

/** MemoryRepository that refuses invalid resources (400 with an OperationOutcome listing every issue). */
export class ValidatingRepository extends MemoryRepository {
  /** Set while super.updateResource runs, which writes through createResource synchronously. */
  private updating = false;

  override async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
  ): Promise<WithId<T>> {
    const copy = structuredClone(resource);
    // A create gets its id from the server (FHIR http#create); a transaction assigns ids itself first.
    if (!this.updating && !options?.assignedId) delete copy.id;
    if (copy.meta) {
      delete copy.meta.versionId;
      delete copy.meta.lastUpdated;
    }
    validateR4(copy);
    return super.createResource(copy);
  }

  /**
   * All or nothing (FHIR http#transaction): Medplum's in-memory store has no rollback, so keep a copy of its
   * indexes and put it back if any entry fails. Stored resources are replaced on write, never changed in
   * place, so copying the maps (not the resources) is enough.
   */
  override async withTransaction<TResult>(
    callback: (client: undefined) => Promise<TResult>,
  ): Promise<TResult> {
    const self = this as unknown as Maps;
    const resources = new Map([...self.resources].map(([type, byId]) => [type, new Map(byId)]));
    const history = new Map(
      [...self.history].map(([type, byId]) => [
        type,
        new Map([...byId].map(([id, versions]) => [id, [...versions]])),
      ]),
    );
    try {
      return await callback(undefined);
    } catch (error) {
      self.resources = resources;
      self.history = history;
      throw error;
    }
  }

  override updateResource<T extends Resource>(
    resource: T,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    // Validate before the version check, so the If-Match comparison and the write stay one synchronous step:
    // two racing conditional updates cannot both pass.
    try {
      validateR4({ ...resource, meta: undefined } as Resource);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.updating = true;
    try {
      return super.updateResource(resource, options);
    } finally {
      this.updating = false;
    }
  }
}

function forbidden(text: string): OperationOutcomeError {
  return new OperationOutcomeError({
    resourceType: 'OperationOutcome',
    id: 'forbidden',
    issue: [{ severity: 'error', code: 'forbidden', details: { text } }],
  });
}

function displayName(patient: Patient | undefined): string | undefined {
  const name: HumanName | undefined = patient?.name?.[0];
  if (!name) return undefined;
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

/** True when `consent` lets `requester` read CarePlans of `owner` now. */
export function consentGrants(consent: Consent, owner: string, requester: string, now = new Date()): boolean {
  if (consent.status !== 'active' || consent.patient?.reference !== owner) return false;
  const provision = consent.provision;
  if (provision?.type !== 'permit') return false;
  const { start, end } = provision.period ?? {};
  if ((start && Date.parse(start) > now.getTime()) || (end && Date.parse(end) <= now.getTime())) return false;
  if (!provision.actor?.some((actor) => actor.reference?.reference === requester)) return false;
  // No class means every kind of data (R4 Consent.provision.class); otherwise CarePlan must be listed.
  const classes = provision.class ?? [];
  return (
    classes.length === 0 ||
    classes.some((c) => c.code === 'CarePlan' && (!c.system || c.system === RESOURCE_TYPES_SYSTEM))
  );
}

/**
 * The repository as one signed-in Patient sees it: everything the store holds, except other Patients'
 * CarePlans without their Consent (403). Writes are open to every signed-in user (a test rig, not an EHR).
 */
export class PatientView extends FhirRepository<undefined> {
  constructor(
    private readonly store: ValidatingRepository,
    /** `Patient/<id>` of the signed-in user. */
    private readonly requester: string,
  ) {
    super();
  }

  /** Throws 403 unless the requester may read `resource`. */
  private async check<T extends Resource>(resource: T): Promise<T> {
    if (resource.resourceType !== 'CarePlan') return resource;
    const owner = (resource as CarePlan).subject?.reference;
    if (!owner?.startsWith('Patient/') || owner === this.requester) return resource;
    const consents = await this.store.searchResources<Consent>(
      parseSearchRequest(`Consent?patient=${owner}&status=active`),
    );
    if (consents.some((consent) => consentGrants(consent, owner, this.requester))) return resource;
    let name: string | undefined;
    try {
      name = displayName(await this.store.readReference<Patient>({ reference: owner } as Reference<Patient>));
    } catch {
      name = undefined;
    }
    throw forbidden(
      `${name ?? 'This patient'} has not agreed to share their safety plan with you: no active Consent from ${owner} lets ${this.requester} read CarePlan resources.`,
    );
  }

  private async checkBundle<T extends Resource>(bundle: Bundle<WithId<T>>): Promise<Bundle<WithId<T>>> {
    for (const entry of bundle.entry ?? []) if (entry.resource) await this.check(entry.resource);
    return bundle;
  }

  clear(): void {
    this.store.clear();
  }
  setMode(mode: RepositoryMode): void {
    this.store.setMode(mode);
  }
  generateId(): string {
    return this.store.generateId();
  }
  createResource<T extends Resource>(resource: T, options?: CreateResourceOptions): Promise<WithId<T>> {
    return this.store.createResource(resource, options);
  }
  updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    return this.store.updateResource(resource, options);
  }
  patchResource<T extends Resource>(resourceType: T['resourceType'], id: string, patch: Operation) {
    return this.store.patchResource<T>(resourceType, id, patch);
  }
  deleteResource(resourceType: string, id: string): Promise<void> {
    return this.store.deleteResource(resourceType, id);
  }
  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    return this.check(await this.store.readResource<WithId<T>>(resourceType, id));
  }
  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    return this.check(await this.store.readReference(reference));
  }
  async readReferences<T extends Resource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    const found = await this.store.readReferences(references);
    return Promise.all(
      found.map((item) =>
        item instanceof Error ? item : this.check(item).catch((error: unknown) => error as Error),
      ),
    );
  }
  async readHistory<T extends Resource>(resourceType: string, id: string): Promise<Bundle<WithId<T>>> {
    return this.checkBundle(
      (await this.store.readHistory<T>(resourceType, id)) as unknown as Bundle<WithId<T>>,
    );
  }
  async readVersion<T extends Resource>(resourceType: string, id: string, vid: string): Promise<WithId<T>> {
    return this.check(await this.store.readVersion<WithId<T>>(resourceType, id, vid));
  }
  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    return this.checkBundle(await this.store.search(searchRequest));
  }
  async searchByReference<T extends Resource>(
    searchRequest: SearchRequest<T>,
    referenceField: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const found = await this.store.searchByReference(searchRequest, referenceField, references);
    for (const list of Object.values(found)) for (const resource of list) await this.check(resource);
    return found;
  }
  withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    return this.store.withTransaction(callback);
  }
}

/** `Patient/<id>` of a resource or reference. */
export const refOf = (resource: Resource | Reference): string => getReferenceString(resource)!;
