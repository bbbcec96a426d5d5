"""The pages are Swedish unless the `lang` cookie (set by the header's switch) asks for English."""

from __future__ import annotations

import pytest

from factories_web import World, build_world, csrf_of, web_client
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext


@pytest.fixture
def world(ctx: AppContext) -> World:
    return build_world(ctx)


def test_the_pages_are_swedish_without_a_language_cookie(world: World) -> None:
    page = web_client(world.ctx).get("/logga-in").text
    assert '<html lang="sv">' in page
    assert "Användarnamn" in page
    assert "Username" not in page and "User name" not in page
    assert ">English</button>" in page


def test_the_english_cookie_gives_english_pages(world: World) -> None:
    client = world.clients[UserRole.OFFICER]
    client.cookies.set("lang", "en")
    page = client.get("/handlaggare").text
    assert '<html lang="en">' in page
    assert "<h1>Case queue</h1>" in page
    assert "Sign out" in page
    assert "Ärendekö</h1>" not in page
    assert ">Overview</a>" in page  # the menu, built in the page code
    assert "(officer, welfare technology team)" in page  # the role label of the auth layer
    assert "<title>Case queue – Loggutdrag</title>" in page
    assert ">Svenska</button>" in page
    case = client.get(f"/handlaggare/arenden/{world.case_id}").text
    assert "<h2>History</h2>" in case
    assert "<h2>Historik</h2>" not in case
    assert "<dd>delivered</dd>" in case  # the case's status, a label of the domain


def test_the_language_switch_sets_the_cookie_and_goes_back(world: World) -> None:
    client = web_client(world.ctx)
    token = csrf_of(client)
    response = client.post(
        "/sprak",
        data={"lang": "en", "next": "/logga-in", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/logga-in"
    assert "lang=en" in response.headers["set-cookie"]
    page = client.get("/logga-in").text
    assert '<html lang="en">' in page and "Password" in page
    client.post("/sprak", data={"lang": "sv", "next": "/logga-in", "csrf_token": token})
    assert "Lösenord" in client.get("/logga-in").text


def test_the_language_switch_needs_the_csrf_token_and_stays_on_this_site(world: World) -> None:
    client = web_client(world.ctx)
    refused = client.post("/sprak", data={"lang": "en"}, follow_redirects=False)
    assert refused.status_code == 403
    token = csrf_of(client)
    away = client.post(
        "/sprak",
        data={"lang": "en", "next": "//evil.example/", "csrf_token": token},
        follow_redirects=False,
    )
    assert away.headers["location"] == "/"


def test_an_unknown_language_cookie_gives_swedish(world: World) -> None:
    client = web_client(world.ctx)
    client.cookies.set("lang", "de")
    page = client.get("/logga-in").text
    assert '<html lang="sv">' in page and "Lösenord" in page


def test_the_dashboard_and_a_refused_form_speak_english_too(world: World) -> None:
    client = world.clients[UserRole.OFFICER]
    client.cookies.set("lang", "en")
    dashboard = client.get("/handlaggare/oversikt").text
    assert "<h2>Cases received per week</h2>" in dashboard
    assert "The last " in dashboard and "Senaste " not in dashboard
    refused = client.post("/handlaggare/sok", data={"diary_number": "x"})
    assert refused.status_code == 403
    assert "The form has expired" in refused.text and "<h1>No access</h1>" in refused.text


def test_switching_language_after_a_form_post_goes_home_not_to_a_dead_end(world: World) -> None:
    client = web_client(world.ctx)
    token = csrf_of(client)
    response = client.post(
        "/sprak",
        data={"lang": "en", "next": "/logga-ut", "csrf_token": token},  # a POST-only path
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"
