"""Settings for `make bench`: the test settings (the benchmark builds a throwaway database and
signs people in as the tests do) with the benchmark's floor view in front of BoardReady's URLs."""

from .test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
