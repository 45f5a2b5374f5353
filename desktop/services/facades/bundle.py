"""Every panel's facade, as the composition root hands them to the main window."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.facades.activity import ActivityFacade
from desktop.services.facades.agents import AgentsFacade
from desktop.services.facades.approvals import ApprovalsFacade
from desktop.services.facades.command import CommandFacade
from desktop.services.facades.costs import CostsFacade
from desktop.services.facades.notes import NotesFacade
from desktop.services.facades.pipeline import PipelineFacade
from desktop.services.facades.revenue import RevenueFacade
from desktop.services.facades.settings import SettingsFacade


@dataclass(frozen=True)
class Facades:
    """One facade per panel of the main window (built by :func:`desktop.bootstrap.build_facades`);
    ``command`` serves the command bar, the Plan card and the window's toolbar and status bar."""

    pipeline: PipelineFacade
    revenue: RevenueFacade
    costs: CostsFacade
    agents: AgentsFacade
    approvals: ApprovalsFacade
    notes: NotesFacade
    activity: ActivityFacade
    settings: SettingsFacade
    command: CommandFacade
