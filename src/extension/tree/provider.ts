/**
 * The Plans view: portfolio › program › project › milestones, risks and issues, with health colour,
 * progress and dates, kept live (liveTree.ts); the nodes build themselves.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../core';
import type { PlanService } from '../planService';
import { LiveTreeProvider, registerLiveTree } from './liveTree';
import type { PlanTreeNode, TreeContext } from './node';
import { PortfolioNode } from './portfolioNode';
import { ProgramNode } from './programNode';
import { UnassignedNode } from './unassignedNode';

export class ProgramTreeProvider extends LiveTreeProvider<PlanTreeNode> {
  protected rootsOf(analysis: Analysis): PlanTreeNode[] {
    const context: TreeContext = { analysis, plans: this.plans };
    const { portfolios, programs, projects } = analysis.index;
    const roots: PlanTreeNode[] = [
      ...portfolios.map((portfolio) => new PortfolioNode(context, portfolio)),
      ...programs.filter((program) => !program.portfolio).map((program) => new ProgramNode(context, program)),
    ];
    const unassigned = projects.filter((project) => !project.program);
    if (unassigned.length > 0) roots.push(new UnassignedNode(context, unassigned));
    return roots;
  }
}

export function registerProgramTree(context: vscode.ExtensionContext, plans: PlanService): ProgramTreeProvider {
  const provider = new ProgramTreeProvider(plans);
  registerLiveTree(context, plans, 'planAsCode.programs', provider);
  // Until the first analysis, which comes when a view asks for it (liveTree.ts), the view says it is indexing.
  void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', true);
  const indexed = plans.onDidAnalyze(() => {
    indexed.dispose();
    void vscode.commands.executeCommand('setContext', 'planAsCode.indexing', false);
  });
  context.subscriptions.push(indexed);
  return provider;
}
