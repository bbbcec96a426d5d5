"""The pages keep personal data where it belongs: masked in lists, out of URLs and logs, every view
audited; a provider never reaches another provider's case or file."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from factories_web import PERSONNUMMER, World, build_world, lock_log_order, make_user, sign_in
from factories_web import web_client as client_for
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import audit_events

MASKED = f"{PERSONNUMMER[:8]}-****"


@pytest.fixture
def world(ctx: AppContext) -> World:
    return build_world(ctx)


def _actions(world: World) -> list[tuple[str, str, int | None]]:
    with world.ctx.engine.connect() as connection:
        rows = connection.execute(
            select(
                audit_events.c.actor, audit_events.c.action, audit_events.c.subject_recipient_id
            ).order_by(audit_events.c.id)
        )
        return [(row.actor, row.action, row.subject_recipient_id) for row in rows]


def test_lists_show_the_personnummer_masked(world: World) -> None:
    for role, path in (
        (UserRole.OFFICER, "/handlaggare/sok"),
        (UserRole.PROVIDER_MANAGER, "/utforare/arenden"),
    ):
        client = world.clients[role]
        if path.endswith("sok"):
            page = client.post(
                path, data={"provider": "HT01", "csrf_token": world.tokens[role]}
            ).text
        else:
            page = client.get(path).text
        assert MASKED in page, path
        assert PERSONNUMMER not in page, path
        assert PERSONNUMMER[:8] + "-" + PERSONNUMMER[8:] not in page, path


def test_the_officer_queue_marks_what_is_overdue_and_due_today(world: World) -> None:
    manager = world.clients[UserRole.PROVIDER_MANAGER]
    token = world.tokens[UserRole.PROVIDER_MANAGER]
    manager.post("/utforare/bestall/laslogg", data={**lock_log_order(), "csrf_token": token})
    queue = world.clients[UserRole.OFFICER].get("/handlaggare").text
    assert "VÄN 2026-002" in queue  # the new, complete order is open; the delivered one is not
    assert "VÄN 2026-001" not in queue
    world.ctx.clock.now = world.ctx.clock.now.replace(day=4)  # type: ignore[attr-defined]
    assert "badge today" in world.clients[UserRole.OFFICER].get("/handlaggare").text
    world.ctx.clock.now = world.ctx.clock.now.replace(day=5)  # type: ignore[attr-defined]
    assert "badge overdue" in world.clients[UserRole.OFFICER].get("/handlaggare").text


def test_a_search_by_personnummer_is_a_post_and_is_audited(world: World) -> None:
    officer = world.clients[UserRole.OFFICER]
    response = officer.post(
        "/handlaggare/sok",
        data={"personnummer": "19400101-1230", "csrf_token": world.tokens[UserRole.OFFICER]},
    )
    assert response.status_code == 200
    assert "VÄN 2026-001" in response.text
    assert "1230" not in str(response.url)
    actor, action, recipient = _actions(world)[-1]
    assert (actor, action) == ("handlaggare", "searched")
    assert recipient is not None


def test_a_bad_personnummer_in_the_search_gets_a_swedish_message(world: World) -> None:
    response = world.clients[UserRole.OFFICER].post(
        "/handlaggare/sok",
        data={"personnummer": "19400101-1231", "csrf_token": world.tokens[UserRole.OFFICER]},
    )
    assert response.status_code == 422
    assert "kontrollsiffran" in response.text


def test_viewing_a_case_is_audited_for_officers_and_providers(world: World) -> None:
    world.clients[UserRole.OFFICER].get(f"/handlaggare/arenden/{world.case_id}")
    world.clients[UserRole.PROVIDER_STAFF].get(f"/utforare/arenden/{world.case_id}")
    views = [(a, r) for a, action, r in _actions(world) if action == "case_viewed"]
    assert [a for a, _ in views[-2:]] == ["handlaggare", "personal.omsorg"]
    assert all(r is not None for _, r in views[-2:])


def test_a_download_is_audited(world: World) -> None:
    response = world.clients[UserRole.PROVIDER_MANAGER].get(f"/filer/{world.document_id}")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert _actions(world)[-1][:2] == ("chef.omsorg", "extract_downloaded")


def test_another_provider_reaches_neither_the_case_nor_its_file(
    world: World, ctx: AppContext
) -> None:
    other = client_for(ctx)
    sign_in(other, "chef.privat")
    assert other.get(f"/utforare/arenden/{world.case_id}").status_code == 403
    assert other.get(f"/filer/{world.document_id}").status_code == 404
    assert other.get(f"/api/cases/{world.case_id}").status_code == 403
    assert "VÄN 2026-001" not in other.get("/utforare/arenden").text


def test_staff_are_not_offered_and_cannot_order_a_staff_lock_log(world: World) -> None:
    staff = world.clients[UserRole.PROVIDER_STAFF]
    form = staff.get("/utforare/bestall/laslogg").text
    assert 'value="staff"' not in form
    response = staff.post(
        "/utforare/bestall/laslogg",
        data={
            "scope": "staff",
            "reason": "kontroll",
            "period.start": "2026-10-01",
            "period.end": "2026-10-31",
            "staff.name": "Anna A",
            "staff.username": "ht01.anna",
            "csrf_token": world.tokens[UserRole.PROVIDER_STAFF],
        },
        follow_redirects=True,
    )
    assert "R6" in response.text or "verksamhetschef" in response.text
    assert "klar att handläggas" not in response.text


def test_staff_are_told_that_a_supervision_log_is_for_managers(world: World) -> None:
    page = world.clients[UserRole.PROVIDER_STAFF].get("/utforare/bestall/tillsyn").text
    assert "får bara beställas av verksamhetschef" in page
    assert '<form method="post" action="/utforare/bestall/tillsyn"' not in page


def test_the_live_check_lists_what_is_missing_in_swedish(world: World) -> None:
    response = world.clients[UserRole.PROVIDER_MANAGER].post(
        "/utforare/bestall/laslogg/kontroll",
        data={
            **lock_log_order(personnummer=None),
            "csrf_token": world.tokens[UserRole.PROVIDER_MANAGER],
        },
    )
    assert response.status_code == 200
    assert "Brukarens personnummer" in response.text
    assert "<html" not in response.text  # a fragment for htmx


def test_pages_with_personal_data_are_not_cached_and_cannot_be_framed(world: World) -> None:
    response = world.clients[UserRole.OFFICER].get(f"/handlaggare/arenden/{world.case_id}")
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_nothing_personal_reaches_the_application_log(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    officer, token = world.clients[UserRole.OFFICER], world.tokens[UserRole.OFFICER]
    officer.post("/handlaggare/sok", data={"personnummer": PERSONNUMMER, "csrf_token": token})
    officer.get(f"/handlaggare/arenden/{world.case_id}/forhandsgranska")
    world.clients[UserRole.PROVIDER_MANAGER].post(
        "/utforare/bestall/laslogg",
        data={**lock_log_order(), "csrf_token": world.tokens[UserRole.PROVIDER_MANAGER]},
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert PERSONNUMMER not in logged
    assert "Greta" not in logged


def test_the_admin_audit_page_filters_by_person_user_and_case(world: World) -> None:
    admin, token = world.clients[UserRole.ADMIN], world.tokens[UserRole.ADMIN]
    by_person = admin.post(
        "/admin/granskning", data={"personnummer": PERSONNUMMER, "csrf_token": token}
    ).text
    assert "levererade loggutdrag" in by_person
    assert "loggade in" not in by_person  # sign-ins concern no recipient
    by_user = admin.post("/admin/granskning", data={"username": "chef.omsorg", "csrf_token": token})
    assert "registrerade ärende" in by_user.text
    assert "tog fram loggutdrag" not in by_user.text  # that was the officer
    by_case = admin.post(
        "/admin/granskning", data={"diary_number": "VÄN 2026-001", "csrf_token": token}
    ).text
    assert "tog fram loggutdrag" in by_case
    assert _actions(world)[-1][:2] == ("admin", "audit_viewed")
    assert "hel" in admin.get("/admin/granskning/kontroll").text


def test_an_officer_cannot_read_the_audit_page(world: World) -> None:
    assert world.clients[UserRole.OFFICER].get("/admin/granskning").status_code == 403


def test_every_sign_in_is_audited(ctx: AppContext) -> None:
    make_user(ctx.engine, "handlaggare", UserRole.OFFICER)
    client = client_for(ctx)
    sign_in(client, "handlaggare")
    with ctx.engine.connect() as connection:
        actions = connection.execute(select(audit_events.c.action)).scalars().all()
    assert actions == ["sign_in"]
