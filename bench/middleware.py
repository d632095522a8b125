"""The load test's only middleware (`learning.settings.loadtest`): names the process that served
each response, so the publish step can tell when every gunicorn worker serves the new navigation.
Never in production's settings: a process id is of no use to anyone else."""

import os

WORKER_HEADER = "X-BoardReady-Worker"


def worker_header(get_response):
    def middleware(request):
        response = get_response(request)
        response[WORKER_HEADER] = str(os.getpid())  # asked each time: right after a fork too
        return response

    return middleware
