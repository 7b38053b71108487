/** The outline of a plan file, as every editor shows it (document symbols): what each entity holds and how it is named. */
import type { Entity } from '../model/entities';

/** The entities written inside `entity`, in the outline's order. */
export function outlineChildren(entity: Entity): Entity[] {
  switch (entity.kind) {
    case 'portfolio':
      return [...entity.inlinePrograms];
    case 'program':
      return [...entity.inlineProjects, ...entity.milestones, ...entity.risks, ...entity.issues];
    case 'project':
      return [...entity.milestones, ...entity.risks, ...entity.issues];
    default:
      return [];
  }
}

/** A symbol's name: the id, else the name, else the kind. */
export const outlineName = (entity: Entity): string => entity.id ?? ('name' in entity && entity.name ? entity.name : entity.kind);

/** A symbol's detail: the name or title. */
export const outlineDetail = (entity: Entity): string => ('name' in entity ? (entity.name ?? '') : 'title' in entity ? (entity.title ?? '') : '');
