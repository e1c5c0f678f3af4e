"""Kinds of knowledge-hub resources and the states of their review."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    """What a resource is (MISSION.md functions 4–7, 11–13); CHM `resourceTypes` map onto these."""

    TECHNOLOGY = "technology", _("Technology or tool")
    CASE_STUDY = "case_study", _("Case study or success story")
    BEST_PRACTICE = "best_practice", _("Best practice")
    TRAINING = "training", _("Training opportunity or course")
    EVENT = "event", _("Event or technology fair")
    FUNDING = "funding", _("Funding opportunity")
    PUBLICATION = "publication", _("Publication or document")
    DATASET = "dataset", _("Dataset")
    NETWORK = "network", _("Scientific network or centre of excellence")
    INCUBATOR = "incubator", _("Incubator or accelerator")
    CAPACITY_INITIATIVE = "capacity_initiative", _("Capacity-building initiative")
    NATIONAL_CAPACITY_PLAN = "national_capacity_plan", _("National capacity development plan")
    THEMATIC_ACTION_PLAN = "thematic_action_plan", _("Thematic capacity action plan")


class ResourceState(models.TextChoices):
    """draft → in review → published; returned to draft with a reason; withdrawn at the end."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
