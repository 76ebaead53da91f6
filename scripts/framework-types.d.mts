/** One element of custom-elements.json, as the generator reads it. */
export interface KitElement {
  tag: string;
  className: string;
  description: string;
  module: string;
  define: string;
  fields: { name: string; description?: string }[];
  attributes: { name: string; fieldName?: string; description?: string }[];
  events: { name: string; description?: string }[];
  cssProperties: { name: string; description?: string }[];
  cssParts: { name: string; description?: string }[];
}

export function camelize(name: string): string;
export function vueHandler(event: string): string;
export function reactHandler(event: string): string;
export function elementsOf(manifest: unknown): KitElement[];
export function eventMapKeys(file?: string): string[];
export function checkEvents(elements: KitElement[], keys?: string[]): void;
export function reactTypes(elements: KitElement[], shadowed?: Set<string>): string;
export function vueTypes(elements: KitElement[], shadowed?: Set<string>): string;
export function tagTypes(element: KitElement): string;
export function readClasses(elements: KitElement[]): {
  values: Map<string, 'boolean' | string[]>;
  shadowed: Set<string>;
};
export function htmlCustomData(elements: KitElement[], values: Map<string, 'boolean' | string[]>): unknown;
export function cssCustomData(elements: KitElement[]): unknown;
export function writeFrameworkTypes(manifestPath?: string, outDir?: string): KitElement[];
