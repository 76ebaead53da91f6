export function declaredElsewhere(root: string): Set<string>;
export function mangleablePrivateNames(
  root: string,
  code: string,
): { names: string[]; leftOut: Record<string, string[]> };
