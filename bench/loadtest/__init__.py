"""`make loadtest`: BoardReady under concurrent use, served as in production.

gunicorn (two workers) with PostgreSQL on 127.0.0.1, driven by locust in headless mode:

- `prepare` builds the dataset in a database of its own and signs the simulated people in
  server-side, writing their session cookies and URLs to `var/loadtest/plan.json`;
- `locustfile` is the scenario: members reading a module and answering its knowledge check,
  chairs opening their board's dashboard;
- `compare` turns locust's statistics into the verdict (any failure, or a 95th percentile under
  load above three times the single-user median, fails the run);
- `run` is the driver that `make loadtest` calls: database, gunicorn, both locust runs, report.
"""
