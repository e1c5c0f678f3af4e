import pytest


@pytest.mark.django_db
def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru", "zh-hans"])
def test_home_page_in_each_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert ('dir="rtl"' in page) == (language == "ar")


@pytest.mark.django_db
def test_home_page_is_translated(client):
    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Technical and scientific cooperation for biodiversity" in english
    assert "Technical and scientific cooperation for biodiversity" not in french


@pytest.mark.django_db
def test_home_page_counts_the_parties(client):
    assert "196" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_language_switch_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/en/organisations/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/organisations/"


def test_liveness_probe(client):
    assert client.get("/healthz").json() == {"status": "ok"}
