/**
 * valibot schemas of just the FHIR R4 fields the FHIR adapter reads (DESIGN.md, "FHIR R4 adapter"). Anything
 * else in a resource is ignored here; what the adapter builds from these is validated again by the kit's own
 * schemas (../../schemas.ts), so the widgets see the same data as over REST. Kept apart from the kit's schemas:
 * they describe the EHR's wire format, not the kit's contract.
 */
import * as v from 'valibot';

const str = () => v.optional(v.string());
const num = () => v.optional(v.number());
const many = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item));

export const CodingSchema = v.object({ system: str(), code: str(), display: str() });
export const ConceptSchema = v.object({ coding: many(CodingSchema), text: str() });
export type Concept = v.InferOutput<typeof ConceptSchema>;
export const ReferenceSchema = v.object({ reference: str(), display: str() });
export type Reference = v.InferOutput<typeof ReferenceSchema>;
const ExtensionSchema = v.object({
  url: v.string(),
  valueBoolean: v.optional(v.boolean()),
  valueString: str(),
  valueCode: str(),
  valueUrl: str(),
  valueInteger: num(),
  valuePositiveInt: num(),
});
export type Extension = v.InferOutput<typeof ExtensionSchema>;
const TelecomSchema = v.object({ system: str(), value: str() });
export type Telecom = v.InferOutput<typeof TelecomSchema>;
const HumanNameSchema = v.object({ text: str(), given: many(v.string()), family: str() });
// No v.union or v.literal here: valibot code the kit's own schemas do not use would land in the main file (the
// shared valibot modules live there), costing every page, FHIR or not.
const NamesSchema = many(HumanNameSchema);
export type Names = v.InferOutput<typeof NamesSchema>;
const PeriodSchema = v.object({ start: str(), end: str() });
const QuantitySchema = v.object({ value: num(), unit: str(), code: str() });
export type Quantity = v.InferOutput<typeof QuantitySchema>;
const MoneySchema = v.object({ value: num(), currency: str() });
export type Money = v.InferOutput<typeof MoneySchema>;

/** What every resource the adapter reads has. */
const resource = <T extends v.ObjectEntries>(shape: T) =>
  v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    meta: v.optional(v.object({ versionId: str(), lastUpdated: str() })),
    extension: many(ExtensionSchema),
    ...shape,
  });

/** Any resource, every field kept (for updates, which must send back what the adapter does not model). */
export const RawSchema = v.looseObject({ resourceType: v.string(), id: v.string() });
export type Raw = v.InferOutput<typeof RawSchema>;

/** A searchset Bundle; each entry's resource is parsed by the search's own schema. */
export const BundleSchema = v.object({
  total: num(),
  link: many(v.object({ relation: str(), url: str() })),
  entry: many(v.object({ resource: v.optional(RawSchema) })),
});

export const OperationOutcomeSchema = v.object({
  resourceType: v.picklist(['OperationOutcome']),
  issue: many(v.object({ severity: str(), diagnostics: str(), details: v.optional(ConceptSchema) })),
});

export const PatientSchema = resource({
  name: NamesSchema,
  communication: many(v.object({ language: ConceptSchema, preferred: v.optional(v.boolean()) })),
});

/** Practitioner and RelatedPerson: the people on a plan or a care team. */
export const PersonSchema = resource({
  name: NamesSchema,
  telecom: many(TelecomSchema),
  relationship: many(ConceptSchema),
  qualification: many(v.object({ code: ConceptSchema })),
});
export type Person = v.InferOutput<typeof PersonSchema>;

/** An Organization on a plan (a hotline, an emergency department): one name. */
export const OrganizationSchema = resource({ name: str(), telecom: many(TelecomSchema) });

export const CareTeamSchema = resource({
  participant: many(v.object({ role: many(ConceptSchema), member: v.optional(ReferenceSchema) })),
});

export const PractitionerRoleSchema = resource({
  practitioner: v.optional(ReferenceSchema),
  code: many(ConceptSchema),
  telecom: many(TelecomSchema),
  period: v.optional(PeriodSchema),
});

export const CarePlanSchema = resource({
  period: v.optional(PeriodSchema),
  created: str(),
  author: v.optional(ReferenceSchema),
  activity: many(
    v.object({
      detail: v.optional(
        v.object({
          code: v.optional(ConceptSchema),
          description: str(),
          performer: many(ReferenceSchema),
          extension: many(ExtensionSchema),
        }),
      ),
    }),
  ),
});

export const SlotSchema = resource({
  schedule: v.optional(ReferenceSchema),
  status: v.string(),
  start: v.string(),
  end: v.string(),
  serviceType: many(ConceptSchema),
});
export type FhirSlot = v.InferOutput<typeof SlotSchema>;

export const ScheduleSchema = resource({ actor: many(ReferenceSchema) });

export const AppointmentSchema = resource({
  status: v.string(),
  start: str(),
  end: str(),
  slot: many(ReferenceSchema),
  serviceType: many(ConceptSchema),
  participant: many(v.object({ actor: v.optional(ReferenceSchema) })),
  identifier: many(v.object({ system: str(), value: str() })),
});
export type FhirAppointment = v.InferOutput<typeof AppointmentSchema>;

export const CoverageSchema = resource({
  subscriberId: str(),
  type: v.optional(ConceptSchema),
  class: many(v.object({ type: ConceptSchema, value: v.string(), name: str() })),
});

export const InsurancePlanSchema = resource({
  plan: many(
    v.object({
      specificCost: many(
        v.object({
          benefit: many(
            v.object({
              type: ConceptSchema,
              extension: many(ExtensionSchema),
              cost: many(
                v.object({
                  type: ConceptSchema,
                  applicability: v.optional(ConceptSchema),
                  qualifiers: many(ConceptSchema),
                  value: v.optional(QuantitySchema),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const EligibilitySchema = resource({
  created: str(),
  insurance: many(
    v.object({
      item: many(
        v.object({
          network: v.optional(ConceptSchema),
          unit: v.optional(ConceptSchema),
          term: v.optional(ConceptSchema),
          benefit: many(
            v.object({
              type: ConceptSchema,
              allowedMoney: v.optional(MoneySchema),
              usedMoney: v.optional(MoneySchema),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const BasicSchema = resource({});
