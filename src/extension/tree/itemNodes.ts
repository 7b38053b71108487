import type { Program, Project } from '../../core';
import { IssueNode } from './issueNode';
import { MilestoneNode } from './milestoneNode';
import type { PlanTreeNode, TreeContext } from './node';
import { RiskNode } from './riskNode';

/** The milestones, risks and issues of a program or project, in that order. */
export function itemNodes(context: TreeContext, owner: Program | Project): PlanTreeNode[] {
  return [
    ...owner.milestones.map((m) => new MilestoneNode(context, m)),
    ...owner.risks.map((r) => new RiskNode(context, r)),
    ...owner.issues.map((i) => new IssueNode(context, i)),
  ];
}
