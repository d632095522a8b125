"""The load test's scenario for locust (`make loadtest` runs it; see bench/loadtest/run.py).

- `Member`: signed in, goes round the member's home, the module page, a question of their
  knowledge check and its answer (a form post with the CSRF token read from the question page),
  pausing between pages as a reader would; each round answers the next question. Members are
  reading when the run starts: each makes a first request after a random pause of up to the
  longest think time, so only the chairs' dashboards arrive all at once.
- `Chair`: the chair of a board, opens the board's dashboard, pauses, opens it again. Every
  chair is of a different board (a member gets a 404 there: only the chair and the facilitator
  see a board's dashboard).
- A member's request made while any chair's first dashboard is still unanswered is named with
  `DURING` after its own name, so `compare` judges it apart from the steady load (it may wait
  behind the whole burst).

Each simulated person is one of the people `bench.loadtest.prepare` signed in, read from the
plan file named by BOARDREADY_LOADTEST_PLAN. The requests carry `X-Forwarded-Proto: https`, as
the TLS-ending proxy in front of production would, so production's HTTPS settings stay on.
Environment: BOARDREADY_LOADTEST_MEMBERS and BOARDREADY_LOADTEST_CHAIRS (how many of each to
spawn), BOARDREADY_LOADTEST_THINK and BOARDREADY_LOADTEST_CHAIR_THINK ("low,high": seconds a
member spends on a page, and a chair on the dashboard, before the next request).
"""

import itertools
import json
import os
import random
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import gevent
from locust import FastHttpUser, between

from bench.loadtest.compare import BURST, DURING
from bench.loadtest.steps import person_headers

PLAN = json.loads(Path(os.environ["BOARDREADY_LOADTEST_PLAN"]).read_text(encoding="utf-8"))


def _seconds(variable: str) -> tuple[float, float]:
    low, high = os.environ.get(variable, "1,3").split(",")
    return float(low), float(high)


THINK = _seconds("BOARDREADY_LOADTEST_THINK")
CHAIR_THINK = _seconds("BOARDREADY_LOADTEST_CHAIR_THINK")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_members = itertools.count()
_chairs = itertools.count()
_burst = {"unanswered": 0}  # the chairs' first dashboards sent and not yet answered


def _expect(response, status: int) -> None:
    if response.status_code != status:
        response.failure(f"answered {response.status_code}, expected {status}")


class Person(FastHttpUser):
    abstract = True
    headers: dict[str, str]

    def get(self, url: str, name: str, status: int = 200):
        with self.client.get(
            url, name=name, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            _expect(response, status)
            return response


def _named(name: str) -> str:
    """A member's request name, marked when the chairs' burst is still being answered."""
    return name + DURING if _burst["unanswered"] else name


class Member(Person):
    fixed_count = int(os.environ.get("BOARDREADY_LOADTEST_MEMBERS", "1"))
    wait_time = between(*THINK)

    def on_start(self):
        self.person = PLAN["members"][next(_members) % len(PLAN["members"])]
        self.headers = person_headers(self.person)
        self.position = 0
        gevent.sleep(random.uniform(0, THINK[1]))  # noqa: S311 (spreading, not secrecy)

    def answer(self, question: dict) -> None:
        page = self.get(question["url"], _named("question (GET)"))
        token = CSRF_FIELD.search(page.text or "")
        if token is None:
            # The failed GET is already counted; a post without a token would only be a 403.
            return
        self.wait()
        origin = "https://" + urlsplit(str(self.host)).netloc
        headers = self.headers | {
            "Origin": origin,
            "Referer": origin + question["url"],
            "Content-Type": "application/x-www-form-urlencoded",
        }
        form = question["answer"] | {"csrfmiddlewaretoken": token.group(1)}
        with self.client.post(
            question["url"],
            data=urlencode(form, doseq=True),
            name=_named("question (POST)"),
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            _expect(response, 302)

    def task_round(self):
        """Home, the module, then one question of the knowledge check and its answer."""
        self.get(self.person["home"], _named("home"))
        self.wait()
        self.get(self.person["module"], _named("module page"))
        self.wait()
        questions = self.person["questions"]
        self.answer(questions[self.position % len(questions)])
        self.position += 1

    tasks = [task_round]


class Chair(Person):
    fixed_count = int(os.environ.get("BOARDREADY_LOADTEST_CHAIRS", "1"))
    wait_time = between(*CHAIR_THINK)

    def on_start(self):
        self.person = PLAN["chairs"][next(_chairs) % len(PLAN["chairs"])]
        self.headers = person_headers(self.person)
        self.opened = False

    def open_dashboard(self):
        """The first opening is the one every chair makes at the same moment: it is counted
        apart (BURST), as no server can answer 25 heavy requests at once as fast as one."""
        if self.opened:
            self.get(self.person["dashboard"], "dashboard")
            return
        self.opened = True
        _burst["unanswered"] += 1
        try:
            self.get(self.person["dashboard"], BURST)
        finally:
            _burst["unanswered"] -= 1

    tasks = [open_dashboard]
