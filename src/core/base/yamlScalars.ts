/** Text written into a plan as a YAML scalar that YAML reads back as that same text. */

/** Plain words YAML 1.1 readers (and this one, for them) take for a boolean or null. */
export const looksTyped = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** An id as YAML: plain when YAML reads it back as text (`prj-1`), else double-quoted (`"2026"`, `"true"`, `"1.10"`). */
export function yamlId(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id) && !looksTyped.test(id) ? id : JSON.stringify(id);
}
