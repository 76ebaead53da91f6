export function tagEntries(): Record<string, string>;
