"""Weight versions in the admin: administrators read them and put one back in use; no one else gets in."""

from __future__ import annotations

from typing import Any

from tsc_hub.matching.models import RankingModel


def test_an_administrator_puts_a_stored_version_in_use(client: Any, person: Any, with_totp: Any) -> None:
    old = RankingModel.objects.create(version=1, weights={"semantic": 1.0}, source="learned")
    RankingModel.objects.create(version=2, weights={"semantic": 0.5}, source="learned", active=True)
    client.force_login(with_totp(person("platform_admin")))
    assert client.get("/en/admin/matching/rankingmodel/").status_code == 200
    client.post(
        "/en/admin/matching/rankingmodel/",
        {"action": "use_version", "_selected_action": [old.pk]},
    )
    assert list(RankingModel.objects.filter(active=True).values_list("version", flat=True)) == [1]
    assert client.get("/en/admin/matching/assignmentrun/").status_code == 200
    assert client.get("/en/admin/matching/embedding/").status_code == 200


def test_others_are_kept_out_of_the_engine_admin(client: Any, cast: Any) -> None:
    client.force_login(cast["focal_point"])
    assert client.get("/en/admin/matching/rankingmodel/").status_code == 302
