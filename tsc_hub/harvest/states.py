"""The protocols a source speaks, how often it is harvested, and the states of a harvest run."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Protocol(models.TextChoices):
    """How records are read from another portal."""

    OAI_PMH = "oai_pmh", _("OAI-PMH (Dublin Core)")
    CHM_JSON = "chm_json", _("CHM JSON")


class Schedule(models.TextChoices):
    """How often the periodic job harvests an active source."""

    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MANUAL = "manual", _("Only when started by hand")


class RunState(models.TextChoices):
    """running → done, or failed (nothing of the run is lost: what was saved stays saved)."""

    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")
