"""Typed outputs, ratings once per side, and what closing a project needs."""

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.projects.services import (
    OutputData,
    rate_project,
    record_output,
    transition_project,
    update_project,
)
from tsc_hub.projects.tests.conftest import project_data


def _completed(world, project):
    project = transition_project(project=project, action="start", by=world["officer"])
    return transition_project(project=project, action="complete", by=world["focal_point"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        OutputData(
            kind="technology_transfer", from_country="gb", to_country="ke", description={"en": "Sequencer"}
        ),
        OutputData(kind="expert_exchange", experts_count=3, from_country="gb", to_country="ke"),
        OutputData(kind="joint_research", title={"en": "Barcodes of Lake Naivasha plants"}),
        OutputData(kind="joint_venture", title={"en": "East African barcoding service"}),
        OutputData(kind="training", participants_women=7, participants_men=5, participants_other=0),
        OutputData(kind="expert_network", title={"en": "Barcoders of Africa"}, members_count=40),
    ],
)
def test_each_kind_of_output_is_recorded(world, project, data):
    output = record_output(project=project, data=data, by=world["lab"])
    assert output.kind == data.kind


@pytest.mark.django_db
def test_a_tool_is_exchanged_between_two_centres(world, project, centre):
    andes = SupportCentre.objects.get(code="andes")
    output = record_output(
        project=project,
        data=OutputData(kind="tool_exchanged_between_centres", from_centre=centre.code, to_centre="andes"),
        by=world["officer"],
    )
    assert (output.from_centre, output.to_centre) == (centre, andes)
    with pytest.raises(InvalidInput) as error:
        record_output(
            project=project,
            data=OutputData(kind="tool_exchanged_between_centres", from_centre="andes", to_centre="andes"),
            by=world["officer"],
        )
    assert "to_centre" in error.value.fields


@pytest.mark.django_db
def test_technology_is_not_transferred_within_one_country(world, project):
    data = OutputData(
        kind="technology_transfer", from_country="ke", to_country="ke", description={"en": "Kit"}
    )
    with pytest.raises(InvalidInput) as error:
        record_output(project=project, data=data, by=world["lab"])
    assert "to_country" in error.value.fields


@pytest.mark.django_db
def test_any_output_may_be_named_and_a_name_is_required_where_it_is_the_point(world, project):
    named = OutputData(
        kind="technology_transfer",
        from_country="gb",
        to_country="ke",
        title={"en": "Seagrass transplanting technique"},
        description={"en": "Biodegradable frames"},
    )
    output = record_output(project=project, data=named, by=world["lab"])
    assert output.title == {"en": "Seagrass transplanting technique"}
    with pytest.raises(InvalidInput) as error:
        record_output(project=project, data=OutputData(kind="joint_research"), by=world["lab"])
    assert set(error.value.fields) == {"title"}


@pytest.mark.django_db
def test_negative_participants_are_refused(world, project):
    data = OutputData(kind="training", participants_women=-1, participants_men=5, participants_other=0)
    with pytest.raises(InvalidInput) as error:
        record_output(project=project, data=data, by=world["lab"])
    assert set(error.value.fields) == {"participants_women"}


@pytest.mark.django_db
def test_fields_of_another_kind_and_missing_fields_are_refused(world, project):
    data = OutputData(kind="training", participants_women=2, experts_count=3)
    with pytest.raises(InvalidInput) as error:
        record_output(project=project, data=data, by=world["lab"])
    assert set(error.value.fields) == {"experts_count", "participants_men", "participants_other"}
    with pytest.raises(InvalidInput):
        record_output(project=project, data=OutputData(kind="miracle"), by=world["lab"])


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["provider", "other_officer", "other_focal_point", "advisory", "nobody"])
def test_outsiders_do_not_record_outputs(world, project, who):
    with pytest.raises(PermissionDenied):
        record_output(
            project=project, data=OutputData(kind="joint_research", title={"en": "X"}), by=world[who]
        )


@pytest.mark.django_db
def test_each_side_rates_once_and_only_for_itself(world, project):
    with pytest.raises(Conflict):
        rate_project(project=project, side="requester", score=5, by=world["focal_point"])  # not completed yet
    project = _completed(world, project)
    with pytest.raises(PermissionDenied):
        rate_project(project=project, side="provider", score=5, by=world["focal_point"])
    with pytest.raises(PermissionDenied):
        rate_project(project=project, side="requester", score=5, by=world["officer"])
    with pytest.raises(InvalidInput):
        rate_project(project=project, side="requester", score=6, by=world["focal_point"])
    rate_project(project=project, side="requester", score=5, comment="Excellent", by=world["focal_point"])
    with pytest.raises(Conflict) as error:
        rate_project(project=project, side="requester", score=1, by=world["member"])
    assert error.value.code == "already_rated"
    rating = rate_project(project=project, side="provider", score=4, by=world["lab"])
    assert rating.score == 4


@pytest.mark.django_db
def test_closing_needs_a_final_report_and_both_ratings(world, project):
    project = _completed(world, project)
    with pytest.raises(InvalidInput) as error:
        transition_project(project=project, action="close", by=world["officer"])
    assert error.value.code == "closing_requirements"
    assert set(error.value.fields) == {"final_report", "ratings"}
    rate_project(project=project, side="requester", score=5, by=world["focal_point"])
    project = update_project(
        project=project,
        data=project_data(final_report={"en": "Twelve staff trained."}),
        expected_version=project.version,
        by=world["lab"],
    )
    with pytest.raises(InvalidInput) as error:
        transition_project(project=project, action="close", by=world["officer"])
    assert set(error.value.fields) == {"ratings"}
    assert "Provider side" in error.value.fields["ratings"][0]
    rate_project(project=project, side="provider", score=4, by=world["lab"])
    closed = transition_project(project=project, action="close", by=world["officer"])
    assert closed.state == "closed"
    assert AssistanceRequest.objects.get(pk=world["request"].pk).state == "completed"
    actions = list(closed.transitions.values_list("action", flat=True))
    assert actions == ["create", "start", "complete", "close"]


@pytest.mark.django_db
def test_nothing_more_is_recorded_on_a_cancelled_project(world, project):
    with pytest.raises(InvalidInput):
        transition_project(project=project, action="cancel", by=world["officer"])  # needs a reason
    transition_project(project=project, action="cancel", reason="Funding fell through", by=world["officer"])
    with pytest.raises(Conflict) as error:
        record_output(
            project=project, data=OutputData(kind="joint_research", title={"en": "X"}), by=world["lab"]
        )
    assert error.value.code == "project_closed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["provider", "other_officer", "other_focal_point", "advisory", "nobody", "officer"]
)
def test_outsiders_and_the_help_desk_do_not_rate(world, project, who):
    project = _completed(world, project)
    for side in ("requester", "provider"):
        with pytest.raises(PermissionDenied):
            rate_project(project=project, side=side, score=3, by=world[who])
