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

/**
 * The name of what holds an entity in the plan (a symbol's container): a project's program, a program's
 * portfolio (written around it, else named by its reference), a milestone's, risk's or issue's project or
 * program; undefined for a portfolio, a person, and a project or program attached to nothing.
 */
export function outlineContainer(entity: Entity): string | undefined {
  switch (entity.kind) {
    case 'project': {
      const program = entity.parentProgram ?? entity.program;
      return program ? outlineName(program) : entity.programRef?.name;
    }
    case 'program': {
      const portfolio = entity.parentPortfolio ?? entity.portfolio;
      return portfolio ? outlineName(portfolio) : entity.portfolioRef?.name;
    }
    case 'milestone':
    case 'risk':
    case 'issue':
      return outlineName(entity.parent);
    default:
      return undefined;
  }
}
