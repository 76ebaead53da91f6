/**
 * Pure rules for the participant's preferences: what a valid pet looks like before it is saved.
 */
import type { Pet } from './schemas.js';

/** The kinds of pet the form offers. */
export const PET_SPECIES = ['dog', 'cat', 'other'] as const;
export type PetSpecies = (typeof PET_SPECIES)[number];

/** The longest pet name, in characters (code points, so "Chloé" is 5). */
export const PET_NAME_MAX = 40;

/** What can be wrong with the pet form, one code per field (the widget turns codes into words). */
export interface PetProblems {
  name?: 'nameMissing' | 'nameLong' | 'nameChars';
  species?: 'speciesMissing';
}

// Letters from any language (with their accents), spaces, hyphens and both apostrophes (' and ’).
const NAME_CHARS = /^[\p{L}\p{M} '’-]+$/u;

/**
 * Checks the pet form. The name is trimmed, 1-40 characters, letters, spaces, hyphens and apostrophes
 * only (with at least one letter); the species is one of PET_SPECIES.
 * @returns the pet to save, or the problems to show (never both).
 */
export function checkPet(name: string, species: string): { pet: Pet } | { problems: PetProblems } {
  const trimmed = name.trim();
  const problems: PetProblems = {};
  if (!trimmed) problems.name = 'nameMissing';
  else if ([...trimmed].length > PET_NAME_MAX) problems.name = 'nameLong';
  else if (!NAME_CHARS.test(trimmed) || !/\p{L}/u.test(trimmed)) problems.name = 'nameChars';
  if (!(PET_SPECIES as readonly string[]).includes(species)) problems.species = 'speciesMissing';
  return problems.name || problems.species ? { problems } : { pet: { name: trimmed, species } };
}
