/**
 * zod/mini schemas of just the FHIR R4 fields the FHIR adapter reads (DESIGN.md, "FHIR R4 adapter"). Anything
 * else in a resource is ignored here; what the adapter builds from these is validated again by the kit's own
 * schemas (../../schemas.ts), so the widgets see the same data as over REST. Kept apart from the kit's schemas:
 * they describe the EHR's wire format, not the kit's contract.
 */
import * as z from 'zod/mini';

const str = () => z.optional(z.string());
const num = () => z.optional(z.number());
const many = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(item));

export const CodingSchema = z.object({ system: str(), code: str(), display: str() });
export const ConceptSchema = z.object({ coding: many(CodingSchema), text: str() });
export type Concept = z.infer<typeof ConceptSchema>;
export const ReferenceSchema = z.object({ reference: str(), display: str() });
export type Reference = z.infer<typeof ReferenceSchema>;
const ExtensionSchema = z.object({
  url: z.string(),
  valueBoolean: z.optional(z.boolean()),
  valueString: str(),
  valueCode: str(),
  valueUrl: str(),
  valueInteger: num(),
  valuePositiveInt: num(),
});
export type Extension = z.infer<typeof ExtensionSchema>;
const TelecomSchema = z.object({ system: str(), value: str() });
export type Telecom = z.infer<typeof TelecomSchema>;
const HumanNameSchema = z.object({ text: str(), given: many(z.string()), family: str() });
// No z.union or z.literal here: zod code the kit's own schemas do not use would land in the main file (the
// shared zod modules live there), costing every page, FHIR or not.
const NamesSchema = many(HumanNameSchema);
export type Names = z.infer<typeof NamesSchema>;
const PeriodSchema = z.object({ start: str(), end: str() });
const QuantitySchema = z.object({ value: num(), unit: str(), code: str() });
export type Quantity = z.infer<typeof QuantitySchema>;
const MoneySchema = z.object({ value: num(), currency: str() });
export type Money = z.infer<typeof MoneySchema>;

/** What every resource the adapter reads has. */
const resource = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.object({
    id: z.string().check(z.minLength(1)),
    meta: z.optional(z.object({ versionId: str(), lastUpdated: str() })),
    extension: many(ExtensionSchema),
    ...shape,
  });

/** Any resource, every field kept (for updates, which must send back what the adapter does not model). */
export const RawSchema = z.looseObject({ resourceType: z.string(), id: z.string() });
export type Raw = z.infer<typeof RawSchema>;

/** A searchset Bundle; each entry's resource is parsed by the search's own schema. */
export const BundleSchema = z.object({
  total: num(),
  link: many(z.object({ relation: str(), url: str() })),
  entry: many(z.object({ resource: z.optional(RawSchema) })),
});

export const OperationOutcomeSchema = z.object({
  resourceType: z.enum(['OperationOutcome']),
  issue: many(z.object({ severity: str(), diagnostics: str(), details: z.optional(ConceptSchema) })),
});

export const PatientSchema = resource({
  name: NamesSchema,
  communication: many(z.object({ language: ConceptSchema, preferred: z.optional(z.boolean()) })),
});

/** Practitioner and RelatedPerson: the people on a plan or a care team. */
export const PersonSchema = resource({
  name: NamesSchema,
  telecom: many(TelecomSchema),
  relationship: many(ConceptSchema),
  qualification: many(z.object({ code: ConceptSchema })),
});
export type Person = z.infer<typeof PersonSchema>;

/** An Organization on a plan (a hotline, an emergency department): one name. */
export const OrganizationSchema = resource({ name: str(), telecom: many(TelecomSchema) });

export const CareTeamSchema = resource({
  participant: many(z.object({ role: many(ConceptSchema), member: z.optional(ReferenceSchema) })),
});

export const PractitionerRoleSchema = resource({
  practitioner: z.optional(ReferenceSchema),
  code: many(ConceptSchema),
  telecom: many(TelecomSchema),
  period: z.optional(PeriodSchema),
});

export const CarePlanSchema = resource({
  period: z.optional(PeriodSchema),
  created: str(),
  author: z.optional(ReferenceSchema),
  activity: many(
    z.object({
      detail: z.optional(
        z.object({
          code: z.optional(ConceptSchema),
          description: str(),
          performer: many(ReferenceSchema),
          extension: many(ExtensionSchema),
        }),
      ),
    }),
  ),
});

export const SlotSchema = resource({
  schedule: z.optional(ReferenceSchema),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  serviceType: many(ConceptSchema),
});
export type FhirSlot = z.infer<typeof SlotSchema>;

export const ScheduleSchema = resource({ actor: many(ReferenceSchema) });

export const AppointmentSchema = resource({
  status: z.string(),
  start: str(),
  end: str(),
  slot: many(ReferenceSchema),
  serviceType: many(ConceptSchema),
  participant: many(z.object({ actor: z.optional(ReferenceSchema) })),
  identifier: many(z.object({ system: str(), value: str() })),
});
export type FhirAppointment = z.infer<typeof AppointmentSchema>;

export const CoverageSchema = resource({
  subscriberId: str(),
  type: z.optional(ConceptSchema),
  class: many(z.object({ type: ConceptSchema, value: z.string(), name: str() })),
});

export const InsurancePlanSchema = resource({
  plan: many(
    z.object({
      specificCost: many(
        z.object({
          benefit: many(
            z.object({
              type: ConceptSchema,
              extension: many(ExtensionSchema),
              cost: many(
                z.object({
                  type: ConceptSchema,
                  applicability: z.optional(ConceptSchema),
                  qualifiers: many(ConceptSchema),
                  value: z.optional(QuantitySchema),
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
    z.object({
      item: many(
        z.object({
          network: z.optional(ConceptSchema),
          unit: z.optional(ConceptSchema),
          term: z.optional(ConceptSchema),
          benefit: many(
            z.object({
              type: ConceptSchema,
              allowedMoney: z.optional(MoneySchema),
              usedMoney: z.optional(MoneySchema),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const BasicSchema = resource({});
