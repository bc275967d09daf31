"""What the Opportunities tab needs from the workspace, and nothing more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from crm_desktop.db.engine import Database
from crm_desktop.services.opportunities import OpportunityService
from crm_desktop.services.pipeline_moves import PipelineService
from crm_desktop.services.stage_settings import StageSettings
from crm_desktop.services.tags import TagService
from crm_desktop.services.users import UserService
from crm_desktop.services.workspace import Workspace


@dataclass
class OpportunityServices:
    db: Database
    opportunities: OpportunityService
    pipeline: PipelineService
    stages: StageSettings
    users: UserService
    tags: TagService
    now: Callable[[], datetime]  # aware; the workspace clock, so tests can move time


def opportunity_services(workspace: Workspace) -> OpportunityServices:
    """The tab's services, made from the open workspace (for the main window)."""

    def now() -> datetime:
        return workspace.ctx.clock()

    return OpportunityServices(
        db=workspace.db,
        opportunities=workspace.opportunities,
        pipeline=PipelineService(workspace.ctx, workspace.opportunities, workspace.followups),
        stages=StageSettings(workspace.stages),
        users=workspace.users,
        tags=workspace.tags,
        now=now,
    )
