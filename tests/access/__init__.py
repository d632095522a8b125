"""The access table: every URL BoardReady serves, and the status each persona gets.

Each area adds its rows in a module of its own here (`rows_<area>.py`, a list named ROWS);
`test_access_table.py` runs them all as one parametrised test.
"""
