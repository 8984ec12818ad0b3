"""The package installs and its command line lists its commands."""
from click.testing import CliRunner

from frkg.cli import cli
from frkg.namespaces import ID, iri_for, key_of


def test_cli_help_lists_group():
    result = CliRunner().invoke(cli, ["--help"], prog_name="frkg")
    assert result.exit_code == 0
    assert "Usage: frkg" in result.output


def test_entity_keys_round_trip():
    iri = iri_for("country/CN")
    assert str(iri) == str(ID) + "country/CN"
    assert key_of(iri) == "country/CN"
    assert key_of("http://example.org/x") is None
