"""Steps (afspraken), follow-ups (nazorg), the team's follow-up setting and the timeline."""

from wijkteam.services.steps.follow_ups import FollowUpService
from wijkteam.services.steps.settings import TeamSettings
from wijkteam.services.steps.steps import StepService
from wijkteam.services.steps.timeline import TimelineService

__all__ = ["FollowUpService", "StepService", "TeamSettings", "TimelineService"]
