"""The load test's email backend (`learning.settings.loadtest`): nothing leaves the machine; each
message is recorded as one JSON line (recipients, subject, a digest of the body) in the file
BOARDREADY_LOADTEST_MAIL names, so the run can count what went out and see whether anything went
out twice. Appends from several processes are safe: each line is one short write."""

import hashlib
import json
import os

from django.core.mail.backends.base import BaseEmailBackend


class RecordingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        path = os.environ.get("BOARDREADY_LOADTEST_MAIL")
        if not path:
            return len(email_messages)
        with open(path, "a", encoding="utf-8") as out:
            for message in email_messages:
                line = {
                    "to": sorted(message.recipients()),
                    "subject": message.subject,
                    "body": hashlib.sha256(message.body.encode()).hexdigest(),
                }
                out.write(json.dumps(line) + "\n")
                out.flush()
        return len(email_messages)


def recorded(path) -> list[tuple[str, ...]]:
    """Every recorded message as (recipients, subject, body digest)."""
    try:
        with open(path, encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
    except FileNotFoundError:
        return []
    return [(",".join(row["to"]), row["subject"], row["body"]) for row in rows]
