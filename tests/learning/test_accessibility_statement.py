"""The accessibility statement says how the service is tested and what still falls short."""


def test_the_statement_lists_how_it_is_tested_and_the_known_issues(client, world):
    response = client.get("/accessibility/")
    text = response.content.decode()
    assert response.status_code == 200
    for words in (
        "How we test this service",
        "320 pixels wide",
        "WCAG 2.2 A and AA",
        "must not scroll sideways",
        "using only a keyboard",
        "Known issues",
        "not tagged",
    ):
        assert words in text, f"the statement no longer says {words!r}"
