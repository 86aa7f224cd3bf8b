"""Team mode (a real PostgreSQL from `pg_url`): an assistant's login reads through the masked views, and every page
and dialog the window shows them — roster, dashboard (its alerts' member lists), onboarding, check-ins, activities,
points (ledgers), the activity and step record dialogs — holds no phone written into what people typed. The dialogs
take a value their view already masked (报名 158****) as holding a phone: shown read-only, saved as read, so an edit
never writes the masked text over the stored number."""

from __future__ import annotations

import psycopg
import pytest
from fixed_day import TEST_TODAY
from helpers import OFFSCREEN_QUIRKS, isolate_settings
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from test_pages_masked_probe_privacy2 import POISON, _visit, leaks, shown_texts

from desktop.demo import build_demo
from desktop.services.operators import add_operator
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import Activity, StepProgress
from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.step_record_dialog import StepRecordDialog
from ui.pages.activities_page import ActivitiesPage
from ui.pages.checkins_page import CheckinsPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.onboarding_page import OnboardingPage
from ui.pages.points_page import PointsPage
from ui.pages.roster_page import RosterPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

ASSISTANT, ASSISTANT_PW = "probe_pages_asst", "assist-pw-91"


@pytest.fixture
def team(pg_url, tmp_path):
    isolate_settings(tmp_path)
    database = open_workspace(pg_url)
    build_demo(database.engine, groups=1, members=60, months=1, seed=3, today=TEST_TODAY)
    owner = actor_for(database)
    with database.engine.begin() as c:
        for statement in POISON:
            c.execute(text(statement))
    with database.session() as s:
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    url = make_url(pg_url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)
    mine = open_workspace(url)
    yield mine, actor_for(mine)
    mine.dispose()
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_an_assistants_pages_and_dialogs_on_a_team_server_show_no_phone(qtbot, team):
    database, assistant = team
    assert assistant.role == "assistant"
    pages = {
        "roster": RosterPage(database, assistant),
        "dashboard": DashboardPage(database, assistant, runner=InlineTaskRunner(), today=TEST_TODAY),
        "onboarding": OnboardingPage(database, assistant, today=TEST_TODAY),
        "checkins": CheckinsPage(database, assistant),
        "activities": ActivitiesPage(database, assistant),
        "points": PointsPage(database, assistant),
    }
    for page in pages.values():
        qtbot.addWidget(page)
        page.resize(1280, 800)
    seen = _visit(qtbot, pages, 1)
    assert all(seen.values())
    assert {key: leaks(texts)[:3] for key, texts in seen.items() if leaks(texts)} == {}
    with database.session() as s:
        activity = s.scalars(select(Activity).order_by(Activity.id)).first()
        record = s.scalars(select(StepProgress).where(StepProgress.answer.is_not(None))).first()
        activity_id, title = activity.id, activity.title
        membership_id, step_id = record.membership_id, record.step_id
    assert title.endswith("报名 158****")  # as the view shows it
    dialog = ActivityDialog(database, assistant, 1, activity_id)
    qtbot.addWidget(dialog)
    assert not leaks(shown_texts(dialog)) and dialog.title_edit.isReadOnly()
    assert dialog.current_input().title == title  # saved as read: the view's trigger keeps the stored title
    dialog.capacity_spin.setValue(33)
    dialog.save()
    step = StepRecordDialog(database, assistant, membership_id, step_id)
    qtbot.addWidget(step)
    assert not leaks(shown_texts(step)) and step.answer_edit.isReadOnly()
    with psycopg.connect(_owner_dsn(database)) as conn:  # the stored title keeps its phone
        stored, capacity = conn.execute("SELECT title, capacity FROM activity WHERE id = %s", (activity_id,)).fetchone()
    assert stored.endswith("报名 15812345678") and capacity == 33


def _owner_dsn(database) -> str:
    u = database.engine.url
    return f"host={u.host} port={u.port} dbname={u.database} user=postgres"
