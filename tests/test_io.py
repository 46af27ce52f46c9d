"""Tests of the importers and the CSV writer in coffeechat.io."""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat._contact_files import contact_records, quick_table, table_at
from coffeechat._tables import Problems
from coffeechat.contacts import DEFAULT_STRENGTH, Network, Person
from coffeechat.errors import CoffeeChatError, ContactDataError, InvalidParameter
from coffeechat.io import (
    read_csv,
    read_google_csv,
    read_linkedin,
    read_linkedin_table,
    read_vcard,
    write_csv,
)
from strategies import ANY_STRENGTH, DATES, networks

DATA = Path(__file__).parent / "data" / "exports"

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
NOTES = 'Notes:\n"Some e-mail addresses may be missing, as members choose."\n\n'
PEOPLE = "id,name,organization\nme,Sam Learner,\nana,Ana Ruiz,Acme\nben,Ben Ode,Borealis\n"
TIES = "source,target,strength,kind,met_on\nme,ana,0.8,friend,2024-03-12\nana,ben,0.3,colleague,\n"
VCARD = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Ruiz\r\nEND:VCARD\r\n"
GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Nickname,File As,Organization Name,"
    "Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def contacts(net: Network) -> dict[str, tuple[str, str, str, str, str]]:
    """Each first-degree contact as (name, organisation, role, email, tie kind)."""
    result = {}
    for pid in net.neighbors("me"):
        p = net.person(pid)
        result[pid] = (p.name, p.organization, p.role, p.email, net.tie("me", pid).kind)
    return result


# ------------------------------------------------------------------ LinkedIn


def test_linkedin_export_reads_every_connection() -> None:
    """Every row of a real-shaped export becomes a first-degree contact with its details."""
    net = read_linkedin(DATA / "linkedin_Connections.csv", me_name="Sam Learner")
    assert len(net) == 10 and net.degree("me") == 9
    assert net.person("me").name == "Sam Learner"
    found = contacts(net)
    assert found["aroha-ngata"] == (
        "Aroha Ngata",
        "Tidewater Analytics",
        "Senior Analyst, Customer Insights",
        "",
        "online",
    )
    assert found["jose-angel-nunez"][:2] == ("José Ángel Núñez", "Brindle, Hart & Vale")
    assert found["nguyen-thi-lan"][0] == "Nguyễn Thị Lan"
    assert found["soren-odegaard"][1:3] == ("", "")
    assert found["wei-chen"][1] == "Lumenfield Health"
    assert found["wei-chen-2"][1:4] == ("Quarry Lane School", "Teacher", "wei.chen@mail.example")


def test_linkedin_ties_are_weak_online_ties_dated_when_connected() -> None:
    """Each tie is kind 'online' with its default strength and met_on = Connected On."""
    net = read_linkedin(DATA / "linkedin_Connections.csv")
    ties = net.ties
    assert set(ties["kind"]) == {"online"}
    assert set(ties["strength"]) == {DEFAULT_STRENGTH["online"]}
    assert net.tie("me", "ayse-yildirim").met_on == date(2024, 3, 12)
    assert net.tie("me", "nguyen-thi-lan").met_on == date(2019, 1, 1)


def test_linkedin_table_is_the_raw_export() -> None:
    """The table keeps LinkedIn's columns, trims spaces and parses Connected On."""
    table = read_linkedin_table(DATA / "linkedin_Connections.csv")
    assert list(table.columns) == [
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ]
    assert len(table) == 9
    assert pd.api.types.is_datetime64_any_dtype(table["Connected On"])
    assert table["Connected On"].iloc[0] == pd.Timestamp("2025-01-02")
    assert (table["Email Address"] == "").sum() == 7
    assert table.loc[1, "Company"] == "Brindle, Hart & Vale"


def test_linkedin_older_export_without_url_or_notes() -> None:
    """An older export (no notes, no URL column, CRLF line ends) is read too."""
    table = read_linkedin_table(DATA / "linkedin_Connections_2017.csv")
    assert list(table["URL"]) == ["", ""]
    net = read_linkedin(DATA / "linkedin_Connections_2017.csv")
    assert sorted(net.neighbors("me")) == ["aroha-ngata", "kofi-boateng"]


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("notes", ["", "Notes:\n", NOTES, NOTES + "Another note, with a comma\n"])
def test_linkedin_header_is_found_and_lines_are_counted(
    tmp_path: Path, bom: str, newline: str, notes: str
) -> None:
    """Whatever the preamble, BOM and line ends, the header is found and lines are real."""
    rows = (
        'Ana,Ruiz,,,"Acme, Inc.","Designer, Apps",12 Mar 2024\n'
        'Ben,Ode,,,Borealis,"Analyst\nand mentor",01 Feb 2023\n'
        "Cy,Lee,,,Cobalt,Lead,31 Feb 2024\n"
    )
    text = bom + (notes + LINKEDIN_HEADER + rows).replace("\n", newline)
    path = write(tmp_path, "Connections.csv", text)
    bad_line = notes.count("\n") + 5  # header, Ana, Ben (two lines), then Cy
    with pytest.raises(ContactDataError, match=rf"Connections\.csv:{bad_line}: .*'31 Feb 2024'"):
        read_linkedin(path)
    net = read_linkedin(path, errors="skip")
    assert sorted(net.neighbors("me")) == ["ana-ruiz", "ben-ode"]
    assert net.person("ben-ode").role == "Analyst\nand mentor".replace("\n", newline)
    assert [e.line for e in net.skipped] == [bad_line]


# ------------------------------------------------------------------ vCard


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "contacts_v4.vcf",
            {
                "ayse-yildirim": (
                    "Ayşe Yıldırım",
                    "Ember & Finch, Ltd.",
                    "Product Designer",
                    "ayse.yildirim@emberfinch.example",
                    "colleague",
                ),
                "tomasz-wojcik": (
                    "Tomasz Wójcik",
                    "Northwind Transit Authority",
                    "Service Designer for accessible journeys across buses, trams and local rail",
                    "",
                    "friend",
                ),
                "rosa-marin": ("Rosa Marín", "", "", "", "family"),
                "dev-malhotra": (
                    "Dev Malhotra",
                    "",
                    "",
                    "dev.malhotra@mail.example",
                    "acquaintance",
                ),
                "ines-carvalho": (
                    "Inês Carvalho",
                    "Saffron Retail Group",
                    "Buyer; Homeware",
                    "",
                    "former colleague",
                ),
            },
        ),
        (
            "contacts_v3.vcf",
            {
                "kofi-boateng": (
                    "Kofi Boateng",
                    "Self-employed",
                    "Freelance Photographer",
                    "kofi.boateng@mail.example",
                    "friend",
                ),
                "aroha-ngata": (
                    "Aroha Ngata",
                    "Tidewater Analytics",
                    "Senior Analyst, Customer Insights",
                    "aroha.ngata@tidewater.example",
                    "acquaintance",
                ),
                "lucas-marin": ("Lucas Marín", "", "", "", "family"),
            },
        ),
        (
            "contacts_v21.vcf",
            {
                "jose-angel-nunez": (
                    "José Ángel Núñez",
                    "Brindle Hart",
                    "Associate, Commercial Property and Long Leases for Small Shops",
                    "jose.nunez@mail.example",
                    "acquaintance",
                ),
                "nguyen-thi-lan": ("Nguyen Thi Lan", "", "", "", "acquaintance"),
            },
        ),
    ],
)
def test_vcard_versions(name: str, expected: dict[str, tuple[str, ...]]) -> None:
    """vCard 4.0, 3.0 and 2.1 files give each card's person and the kind of tie from RELATED."""
    net = read_vcard(DATA / name)
    assert contacts(net) == expected
    for pid, (*_, kind) in expected.items():
        assert net.tie("me", pid).strength == DEFAULT_STRENGTH[kind]


def test_vcard_location_and_categories() -> None:
    """ADR gives town and country as the location; CATEGORIES give tags."""
    net = read_vcard(DATA / "contacts_v4.vcf")
    ayse = net.person("ayse-yildirim")
    assert ayse.location == "Port Selwyn, New Zealand"
    assert ayse.tags == ("design", "mentor")


@pytest.mark.parametrize(
    ("related", "kind"),
    [
        ("co-worker", "colleague"),
        ("colleague", "colleague"),
        ("friend", "friend"),
        ("acquaintance", "acquaintance"),
        ("met", "acquaintance"),
        ("contact", "acquaintance"),
        ("kin", "family"),
        ("spouse", "family"),
        ("child", "family"),
        ("parent", "family"),
        ("sibling", "family"),
        ("sweetheart", "friend"),
        ("neighbor", "acquaintance"),
        ("x-former-colleague", "former colleague"),
        ("x-classmate", "classmate"),
        ("x-alumni", "alumni"),
        ("X-ONLINE", "online"),
        ("emergency", "acquaintance"),
        ("friend,co-worker", "friend"),
        ('"met,kin"', "family"),
    ],
)
def test_vcard_related_types(tmp_path: Path, related: str, kind: str) -> None:
    """RELATED types map to tie kinds; with several, the closest kind wins."""
    card = f"BEGIN:VCARD\nVERSION:4.0\nFN:Ana Ruiz\nRELATED;TYPE={related}:urn:uuid:1\nEND:VCARD\n"
    net = read_vcard(write(tmp_path, "one.vcf", card))
    assert net.tie("me", "ana-ruiz").kind == kind


def test_vcard_folding_and_escapes(tmp_path: Path) -> None:
    """Folded lines are joined, escapes undone, and line breaks in a title become spaces."""
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n  María Ruiz\r\n"
        "ORG:Acme\\, Inc.\\;Ltd;Design\\\\Research\r\nTITLE:Lead\\nDesign\r\n"
        "EMAIL:ana@\r\n\tacme.example\r\nEND:VCARD\r\n"
    )
    net = read_vcard(write(tmp_path, "folded.vcf", card))
    ana = net.person("ana-maria-ruiz")
    assert (ana.name, ana.organization, ana.role, ana.email) == (
        "Ana María Ruiz",
        "Acme, Inc.;Ltd",
        "Lead Design",
        "ana@acme.example",
    )


# ------------------------------------------------------------------ Google


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "google_contacts.csv",
            {
                "aroha-ngata": (
                    "Aroha Ngata",
                    "Tidewater Analytics",
                    "Senior Analyst, Customer Insights",
                    "aroha.ngata@tidewater.example",
                    "colleague",
                ),
                "jose-angel-nunez": (
                    "José Ángel Núñez",
                    "Brindle, Hart & Vale",
                    "Associate",
                    "",
                    "family",
                ),
                "saffron-retail-group": (
                    "Saffron Retail Group",
                    "Saffron Retail Group",
                    "",
                    "hello@saffron.example",
                    "acquaintance",
                ),
                "dee": ("Dee", "", "", "", "classmate"),
                "kofi-boateng": (
                    "Kofi Boateng",
                    "Self-employed",
                    "Freelance Photographer",
                    "kofi.boateng@mail.example",
                    "acquaintance",
                ),
            },
        ),
        (
            "google_contacts_legacy.csv",
            {
                "wei-chen": (
                    "Wei Chen",
                    "Quarry Lane School",
                    "Teacher",
                    "wei.chen@mail.example",
                    "colleague",
                ),
                "soren-odegaard": ("Søren Ødegaard", "", "", "", "friend"),
            },
        ),
    ],
)
def test_google_exports(name: str, expected: dict[str, tuple[str, ...]]) -> None:
    """Google's current and older CSV exports give each contact, first values, label kinds."""
    assert contacts(read_google_csv(DATA / name)) == expected


@pytest.mark.parametrize(
    ("pid", "tags"),
    [
        ("aroha-ngata", ("Coworkers",)),
        ("jose-angel-nunez", ("starred", "Friends", "Family")),
        ("saffron-retail-group", ("Suppliers",)),
        ("kofi-boateng", ()),
    ],
)
def test_google_labels_become_tags(pid: str, tags: tuple[str, ...]) -> None:
    """Labels are tags; '* myContacts' is dropped and other system labels lose their '* '."""
    assert read_google_csv(DATA / "google_contacts.csv").person(pid).tags == tags


def test_google_location_from_address() -> None:
    """Address city and country make the location."""
    net = read_google_csv(DATA / "google_contacts.csv")
    assert net.person("aroha-ngata").location == "Lakemont, New Zealand"


# ------------------------------------------------------------------ generic CSV


def test_read_csv_fixture() -> None:
    """The people and ties files are read with defaults, dates and quoted newlines."""
    net = read_csv(DATA / "people.csv", DATA / "ties.csv")
    assert len(net) == 4 and net.number_of_ties == 4
    assert net.person("wei").role == "Teacher\n(part time)"
    assert net.person("aroha").tags == ("analytics", "mentor")
    assert net.tie("kofi", "aroha").strength == DEFAULT_STRENGTH["friend"]
    assert net.tie("wei", "kofi").met_on == date(2014, 3, 12)
    assert net.tie("me", "aroha").last_contact == date(2024, 11, 2)


def test_write_then_read_is_identity(tmp_path: Path) -> None:
    """Writing a network and reading it back gives an equal network."""
    net = read_csv(DATA / "people.csv", DATA / "ties.csv")
    write_csv(net, tmp_path / "p.csv", tmp_path / "t.csv")
    assert read_csv(tmp_path / "p.csv", tmp_path / "t.csv") == net


def test_read_csv_column_names_ignore_case_and_spaces(tmp_path: Path) -> None:
    """Headers such as 'Name', 'Organisation' and 'Met On' are understood."""
    people = write(tmp_path, "p.csv", "ID, Name ,Organisation\nme,Sam,\nana,Ana,Acme\n")
    ties = write(tmp_path, "t.csv", "Source,Target,Met On\nme,ana,2024-01-31\n")
    net = read_csv(people, ties)
    assert net.person("ana").organization == "Acme"
    assert net.tie("me", "ana").met_on == date(2024, 1, 31)


def test_read_csv_other_learner_id(tmp_path: Path) -> None:
    """A learner with another id is named with me=."""
    people = write(tmp_path, "p.csv", PEOPLE.replace("\nme,", "\nsam,"))
    ties = write(tmp_path, "t.csv", TIES.replace("\nme,", "\nsam,"))
    assert read_csv(people, ties, me="sam").me == "sam"


def test_read_csv_ignores_blank_lines_and_empty_rows(tmp_path: Path) -> None:
    """Blank lines and rows of empty values are not people, and line numbers stay true."""
    people = write(tmp_path, "p.csv", PEOPLE + "\n,,\n\nana,Twice,\n")
    ties = write(tmp_path, "t.csv", TIES)
    with pytest.raises(ContactDataError, match=r"p\.csv:8: column 'id': duplicate id 'ana'"):
        read_csv(people, ties)


@pytest.mark.parametrize(
    "text",
    [
        PEOPLE,
        "\n\n" + PEOPLE + "\n,,\n \t \nzed,Zed Ode\n\n",
        "id,name,organization\nme,Sam,Acme\nana,Ana\n",
        "source,target\n",
        "a,b\n#me,x\n\t,y\n",
    ],
)
def test_quick_and_careful_csv_parsers_agree(text: str) -> None:
    """Plain CSV text gives the same table and line numbers on the quick and careful paths."""
    quick = quick_table(text, "x.csv")
    careful = table_at(contact_records(text, "x.csv", Problems("raise")), 0, Problems("raise"))
    assert quick is not None
    assert quick.columns == careful.columns
    assert quick.header_line == careful.header_line
    assert list(quick.lines) == list(careful.lines)
    pd.testing.assert_frame_equal(quick.frame, careful.frame)


# ------------------------------------------------------------------ bad input


def _csv_pair(people: str, ties: str) -> Callable[..., Network]:
    def run(folder: Path, **options: str) -> Network:
        people_path = write(folder, "people.csv", people)
        return read_csv(people_path, write(folder, "ties.csv", ties), **options)

    return run


def _one(reader: Callable[..., object], name: str, text: str | bytes) -> Callable[..., object]:
    def run(folder: Path, **options: str) -> object:
        return reader(write(folder, name, text), **options)

    return run


BAD_INPUT = [
    # generic CSV
    (
        "csv missing column",
        _csv_pair("name\nSam\n", TIES),
        r"people\.csv:1: column 'id': this column is missing",
    ),
    (
        "csv missing ties column",
        _csv_pair(PEOPLE, "source,strength\nme,0.5\n"),
        r"ties\.csv:1: column 'target': this column is missing",
    ),
    (
        "csv unknown column",
        _csv_pair(PEOPLE, TIES.replace("strength", "strenght")),
        r"ties\.csv:1: column 'strenght': unknown column .*did you mean 'strength'",
    ),
    (
        "csv duplicate header",
        _csv_pair("id,name,name\nme,a,b\n", TIES),
        r"people\.csv:1: column 'name': .*appears twice",
    ),
    (
        "csv duplicate id",
        _csv_pair(PEOPLE + "ana,Ana Again,\n", TIES),
        r"people\.csv:5: column 'id': duplicate id 'ana' \(first used on line 3\)",
    ),
    (
        "csv empty name",
        _csv_pair(PEOPLE + "cy, ,\n", TIES),
        r"people\.csv:5: column 'name': person 'cy' has no name",
    ),
    (
        "csv strength above 1",
        _csv_pair(PEOPLE, TIES + "me,ben,1.5,friend,\n"),
        r"ties\.csv:4: column 'strength': strength '1\.5' is not a number in \(0, 1\]",
    ),
    (
        "csv strength zero",
        _csv_pair(PEOPLE, TIES + "me,ben,0,friend,\n"),
        r"ties\.csv:4: column 'strength': strength '0'",
    ),
    (
        "csv strength negative",
        _csv_pair(PEOPLE, TIES + "me,ben,-0.2,friend,\n"),
        r"ties\.csv:4: column 'strength': strength '-0\.2'",
    ),
    (
        "csv strength text",
        _csv_pair(PEOPLE, TIES + "me,ben,strong,friend,\n"),
        r"ties\.csv:4: column 'strength': strength 'strong'",
    ),
    (
        "csv unknown person",
        _csv_pair(PEOPLE, TIES + "me,zed,0.5,friend,\n"),
        r"ties\.csv:4: column 'target': target 'zed' is not a person id",
    ),
    (
        "csv unknown source",
        _csv_pair(PEOPLE, TIES + "zed,me,0.5,friend,\n"),
        r"ties\.csv:4: column 'source': source 'zed' is not a person id",
    ),
    (
        "csv self tie",
        _csv_pair(PEOPLE, TIES + "ben,ben,0.5,friend,\n"),
        r"ties\.csv:4: column 'target': tie from 'ben' to itself",
    ),
    (
        "csv second tie",
        _csv_pair(PEOPLE, TIES + "ana,me,0.5,friend,\n"),
        r"ties\.csv:4: column 'target': second tie between 'ana' and 'me' "
        r"\(the first is on line 2\)",
    ),
    (
        "csv bad date",
        _csv_pair(PEOPLE, TIES + "me,ben,0.5,friend,2024-13-45\n"),
        r"ties\.csv:4: column 'met_on': cannot read the date '2024-13-45'",
    ),
    (
        "csv unknown kind",
        _csv_pair(PEOPLE, TIES + "me,ben,0.5,pen pal,\n"),
        r"ties\.csv:4: column 'kind': unknown tie kind 'pen pal'",
    ),
    (
        "csv too many values",
        _csv_pair(PEOPLE + "cy,Cy,Acme,extra\n", TIES),
        r"people\.csv:5: this row has 4 values but the header has 3 columns",
    ),
    (
        "csv unclosed quote",
        _csv_pair(PEOPLE + 'cy,"Cy Lee,Acme\ndee,Dee,\n', TIES),
        r"people\.csv:5: a quote \(\"\) opened on this line is never closed",
    ),
    (
        "csv text after quote",
        _csv_pair(PEOPLE + 'cy,"Cy" Lee,Acme\n', TIES),
        r"people\.csv:5: a quoted value must end at its closing quote",
    ),
    (
        "csv value in unnamed column",
        _csv_pair("id,name,\nme,Sam,x\n", TIES),
        r"people\.csv:2: the value 'x' is in column 3, which has no name",
    ),
    (
        "csv no learner",
        _csv_pair(PEOPLE.replace("\nme,", "\nsam,"), TIES),
        r"people\.csv: column 'id': no row has the id 'me'",
    ),
    ("csv empty people", _csv_pair("", TIES), r"people\.csv: the file is empty"),
    ("csv blank people", _csv_pair("\n \r\n\t\n", TIES), r"people\.csv: the file is empty"),
    (
        "csv only commas",
        _csv_pair(" , ,\n,,\n", TIES),
        r"people\.csv: the file has no header row, only empty values",
    ),
    (
        "csv header only ties is fine but people need me",
        _csv_pair("id,name\n", "source,target\n"),
        r"people\.csv: column 'id': no row has the id 'me'",
    ),
    (
        "csv line after quoted newline",
        _csv_pair('id,name,organization\nme,"Sam\nLearner",\nme,Twice,\n', TIES),
        r"people\.csv:4: column 'id': duplicate id 'me' \(first used on line 2\)",
    ),
    # LinkedIn
    (
        "linkedin no header",
        _one(read_linkedin, "Connections.csv", "Notes:\nhello\n"),
        r"Connections\.csv: no header row with 'First Name' and 'Last Name'",
    ),
    (
        "linkedin missing column",
        _one(
            read_linkedin,
            "Connections.csv",
            NOTES + LINKEDIN_HEADER.replace(",Connected On", "") + "Ana,Ruiz,,,A,B\n",
        ),
        r"Connections\.csv:4: column 'Connected On': this column is missing",
    ),
    (
        "linkedin bad date",
        _one(
            read_linkedin,
            "Connections.csv",
            NOTES + LINKEDIN_HEADER + "Ana,Ruiz,,,A,B,12 Mar 2024\nBen,Ode,,,A,B,yesterday\n",
        ),
        r"Connections\.csv:6: column 'Connected On': cannot read the date 'yesterday'",
    ),
    (
        "linkedin no name",
        _one(
            read_linkedin,
            "Connections.csv",
            LINKEDIN_HEADER + "Ana,Ruiz,,,A,B,12 Mar 2024\n ,,,,A,B,12 Mar 2024\n",
        ),
        r"Connections\.csv:3: column 'First Name': no name",
    ),
    (
        "linkedin same profile twice",
        _one(
            read_linkedin,
            "Connections.csv",
            LINKEDIN_HEADER
            + "Ana,Ruiz,https://x.example/in/ana,,A,B,12 Mar 2024\n"
            + "Ana,Ruiz,https://x.example/in/ana/,,A,B,12 Mar 2024\n",
        ),
        r"Connections\.csv:3: column 'URL': the profile .* is already listed on line 2",
    ),
    (
        "linkedin too many values",
        _one(
            read_linkedin,
            "Connections.csv",
            NOTES + LINKEDIN_HEADER + "Ana,Ruiz,,,Acme, Inc.,B,12 Mar 2024\n",
        ),
        r"Connections\.csv:5: this row has 8 values but the header has 7",
    ),
    (
        "linkedin table bad date",
        _one(
            read_linkedin_table, "Connections.csv", LINKEDIN_HEADER + "Ana,Ruiz,,,A,B,32 Mar 2024\n"
        ),
        r"Connections\.csv:2: column 'Connected On': cannot read the date '32 Mar 2024'",
    ),
    (
        "linkedin empty",
        _one(read_linkedin, "Connections.csv", "\ufeff"),
        r"Connections\.csv: the file is empty",
    ),
    # vCard
    (
        "vcard not a vcard",
        _one(read_vcard, "c.vcf", "First Name,Last Name\nAna,Ruiz\n"),
        r"c\.vcf:1: this is not a vCard file",
    ),
    (
        "vcard no FN",
        _one(read_vcard, "c.vcf", VCARD + "BEGIN:VCARD\nVERSION:4.0\nN:Ode;Ben;;;\nEND:VCARD\n"),
        r"c\.vcf:5: column 'FN': this card has no FN",
    ),
    (
        "vcard empty FN",
        _one(read_vcard, "c.vcf", VCARD + "BEGIN:VCARD\nVERSION:3.0\nFN: \nEND:VCARD\n"),
        r"c\.vcf:7: column 'FN': this card has an empty name",
    ),
    (
        "vcard no END",
        _one(read_vcard, "c.vcf", VCARD + "BEGIN:VCARD\nVERSION:4.0\nFN:Ben\n"),
        r"c\.vcf:5: column 'END': this card has no END:VCARD",
    ),
    (
        "vcard nested BEGIN",
        _one(read_vcard, "c.vcf", "BEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Ben\nEND:VCARD\n"),
        r"c\.vcf:1: column 'END': a new card begins on line 3",
    ),
    (
        "vcard bad version",
        _one(read_vcard, "c.vcf", "BEGIN:VCARD\nVERSION:5.0\nFN:Ana\nEND:VCARD\n"),
        r"c\.vcf:2: column 'VERSION': vCard version '5\.0' is not supported",
    ),
    (
        "vcard unknown RELATED",
        _one(
            read_vcard, "c.vcf", VCARD + "BEGIN:VCARD\nFN:Ben\nRELATED;TYPE=pen-pal:x\nEND:VCARD\n"
        ),
        r"c\.vcf:7: column 'RELATED': RELATED type 'pen-pal' is not a kind of tie",
    ),
    (
        "vcard line outside a card",
        _one(read_vcard, "c.vcf", VCARD + "NOTE:stray\n"),
        r"c\.vcf:5: column 'NOTE': NOTE is outside any card",
    ),
    (
        "vcard not a property",
        _one(read_vcard, "c.vcf", "BEGIN:VCARD\nFN:Ana\njust some words\nEND:VCARD\n"),
        r"c\.vcf:3: expected NAME:value",
    ),
    (
        "vcard END without BEGIN",
        _one(read_vcard, "c.vcf", VCARD + "END:VCARD\n"),
        r"c\.vcf:5: END without BEGIN:VCARD",
    ),
    (
        "vcard bad quoted-printable",
        _one(
            read_vcard,
            "c.vcf",
            "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=NO-SUCH:Ana\nEND:VCARD\n",
        ),
        r"c\.vcf:3: column 'FN': cannot decode this quoted-printable value",
    ),
    (
        "vcard folded line numbers",
        _one(
            read_vcard,
            "c.vcf",
            "BEGIN:VCARD\nNOTE:long\n  note\n  more\nFN:Ana\nRELATED;TYPE=bff:x\nEND:VCARD\n",
        ),
        r"c\.vcf:6: column 'RELATED'",
    ),
    ("vcard empty", _one(read_vcard, "c.vcf", "\r\n\r\n"), r"c\.vcf: the file is empty"),
    # Google
    (
        "google not google",
        _one(read_google_csv, "g.csv", "id,name\nme,Sam\n"),
        r"g\.csv:1: column 'First Name': this column is missing; "
        r"is this a Google Contacts CSV export\?",
    ),
    (
        "google given a linkedin export",
        _one(read_google_csv, "g.csv", 'Notes:\n"Export notes, here"\n\n' + LINKEDIN_HEADER),
        r"g\.csv:1: column 'First Name': this column is missing; "
        r"is this a Google Contacts CSV export\? \(the first line has: 'Notes:'\)",
    ),
    (
        "google no labels",
        _one(read_google_csv, "g.csv", "First Name,Last Name\nAna,Ruiz\n"),
        r"g\.csv:1: column 'Labels': this column is missing",
    ),
    (
        "google no name",
        _one(read_google_csv, "g.csv", GOOGLE_HEADER + "Ana,,Ruiz,,,,,,,\n,,,,,,,* myContacts,,\n"),
        r"g\.csv:3: column 'First Name': this contact has no name",
    ),
    (
        "google too many values",
        _one(
            read_google_csv, "g.csv", GOOGLE_HEADER + "Ana,,Ruiz,,,Acme, Inc,Lead,,,a@x.example\n"
        ),
        r"g\.csv:2: this row has 11 values but the header has 10",
    ),
    (
        "google line after multi-line note",
        _one(
            read_google_csv, "g.csv", 'First Name,Notes,Labels\nAna,"one\ntwo\nthree",\n,,\n,x,\n'
        ),
        r"g\.csv:6: column 'First Name': this contact has no name",
    ),
]


@pytest.mark.parametrize(
    ("run", "match"), [pytest.param(r, m, id=name) for name, r, m in BAD_INPUT]
)
def test_bad_input_names_file_line_column_and_problem(
    tmp_path: Path, run: Callable[[Path], object], match: str
) -> None:
    """Each kind of bad input raises ContactDataError naming file, line, column and problem."""
    with pytest.raises(ContactDataError, match=match):
        run(tmp_path)


BINARY = [
    ("xlsx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), r"a ZIP archive \(an Excel \.xlsx"),
    ("xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"an old-style Office file"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", r"a PDF document"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(50), r"a PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", r"a JPEG image"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(20), r"a gzip-compressed file"),
    (
        "nul byte",
        b"First Name,Last Name\nAna\x00,Ruiz\n",
        r":2: this is not a text file \(it holds binary data: a NUL byte",
    ),
    ("random binary", bytes((i * 37 + 11) % 256 for i in range(2000)), r"this is not a text file"),
    (
        "latin-1 text",
        "First Name,Last Name\nJosé,Núñez\n".encode("latin-1"),
        r":2: byte 0xe9 \(byte 24 of the file, character 4 of the line\) is not UTF-8 text",
    ),
]

READERS: list[tuple[str, Callable[[Path], object]]] = [
    ("read_linkedin", read_linkedin),
    ("read_linkedin_table", read_linkedin_table),
    ("read_vcard", read_vcard),
    ("read_google_csv", read_google_csv),
    ("read_csv people", lambda p: read_csv(p, write(p.parent, "ties.csv", TIES))),
    ("read_csv ties", lambda p: read_csv(write(p.parent, "people.csv", PEOPLE), p)),
]


@pytest.mark.parametrize(("content", "match"), [pytest.param(c, m, id=n) for n, c, m in BINARY])
@pytest.mark.parametrize("reader", [pytest.param(r, id=n) for n, r in READERS])
def test_wrong_file_type_is_named(
    tmp_path: Path, reader: Callable[[Path], object], content: bytes, match: str
) -> None:
    """Spreadsheets, PDFs, images and undecodable bytes are refused by every importer."""
    path = write(tmp_path, "contacts.csv", content)
    with pytest.raises(ContactDataError, match=r"contacts\.csv" + ".*" + match):
        reader(path)


@pytest.mark.parametrize("reader", [pytest.param(r, id=n) for n, r in READERS])
def test_missing_file_and_folder(tmp_path: Path, reader: Callable[[Path], object]) -> None:
    """A path that does not exist, or is a folder, is a ContactDataError naming it."""
    with pytest.raises(ContactDataError, match=r"nowhere\.csv: no such file"):
        reader(tmp_path / "nowhere.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ContactDataError, match=r"folder\.csv: this is a folder, not a file"):
        reader(tmp_path / "folder.csv")


def test_other_encodings(tmp_path: Path) -> None:
    """cp1252 text needs encoding=; UTF-16 with a byte-order mark is read as it is."""
    text = NOTES + LINKEDIN_HEADER + "José,Núñez,,,Café Olé,Chef,12 Mar 2024\n"
    cp1252 = write(tmp_path, "cp1252.csv", text.encode("cp1252"))
    with pytest.raises(ContactDataError, match=r"cp1252\.csv:5: byte 0xe9 .*encoding='cp1252'"):
        read_linkedin(cp1252)
    assert read_linkedin(cp1252, encoding="cp1252").person("jose-nunez").name == "José Núñez"
    utf16 = write(tmp_path, "utf16.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert read_linkedin(utf16).person("jose-nunez").organization == "Café Olé"


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: read_linkedin(DATA / "linkedin_Connections.csv", errors="ignore"), "errors must"),
        (lambda: read_vcard(DATA / "contacts_v4.vcf", me_name=" "), "me_name must"),
        (lambda: read_google_csv(42), "expected the path of a file, not int"),
        (lambda: read_csv(DATA / "people.csv", DATA / "ties.csv", me=""), "me must"),
        (lambda: read_linkedin(DATA / "linkedin_Connections.csv", encoding="klingon"), "unknown"),
        (lambda: write_csv("network", "p.csv", "t.csv"), "should be a coffeechat Network"),
    ],
)
def test_bad_parameters(call: Callable[[], object], match: str) -> None:
    """Parameters the importers cannot use raise InvalidParameter."""
    with pytest.raises(InvalidParameter, match=match):
        call()


def test_write_csv_into_missing_folder(tmp_path: Path) -> None:
    """Writing into a folder that does not exist says so."""
    net = read_csv(DATA / "people.csv", DATA / "ties.csv")
    with pytest.raises(InvalidParameter, match="no folder"):
        write_csv(net, tmp_path / "no" / "p.csv", tmp_path / "t.csv")


# ------------------------------------------------------------------ skipping


@pytest.mark.parametrize(
    ("run", "kept", "lines"),
    [
        pytest.param(
            _csv_pair(
                PEOPLE + "ana,Again,\ncy,Cy,\n",
                TIES + 'me,cy,2,friend,\nme,ben,0.5,friend,\nme,ana,0.5,friend,\nbad,"x\ny",,,\n',
            ),
            {"me", "ana", "ben", "cy"},
            [("people.csv", 5), ("ties.csv", 4), ("ties.csv", 6), ("ties.csv", 7)],
            id="csv",
        ),
        pytest.param(
            _one(
                read_linkedin,
                "Connections.csv",
                NOTES + LINKEDIN_HEADER + "Ana,Ruiz,,,A,B,12 Mar 2024\n,,,,,,01 Jan 2020\n"
                "Ben,Ode,,,A,B,soon\nCy,Lee,,,A,B,01 Jan 2020,extra\nDee,Dee,,,,,\n",
            ),
            {"me", "ana-ruiz", "dee-dee"},
            [("Connections.csv", 6), ("Connections.csv", 7), ("Connections.csv", 8)],
            id="linkedin",
        ),
        pytest.param(
            _one(
                read_vcard,
                "c.vcf",
                VCARD + "BEGIN:VCARD\nN:Ode;Ben\nEND:VCARD\nstray\n"
                "BEGIN:VCARD\nFN:Cy\nRELATED;TYPE=rival:x\nEND:VCARD\nBEGIN:VCARD\nFN:Dee\nEND:VCARD\n",
            ),
            {"me", "ana-ruiz", "dee"},
            [("c.vcf", 5), ("c.vcf", 8), ("c.vcf", 11)],
            id="vcard",
        ),
        pytest.param(
            _one(read_google_csv, "g.csv", GOOGLE_HEADER + ",,,,,,,x,,\nAna,,Ruiz,,,,,,,\n"),
            {"me", "ana-ruiz"},
            [("g.csv", 2)],
            id="google",
        ),
    ],
)
def test_skip_leaves_bad_rows_out_and_lists_them(
    tmp_path: Path, run: Callable[[Path], Network], kept: set[str], lines: list[tuple[str, int]]
) -> None:
    """With errors='skip' the good rows are kept and each bad one is listed with its line."""
    net = run(tmp_path, errors="skip")
    assert set(net.people["id"]) == kept
    assert [(Path(e.path).name, e.line) for e in net.skipped] == lines
    assert all(isinstance(e, ContactDataError) for e in net.skipped)


@pytest.mark.parametrize(
    "reader",
    [
        pytest.param(read_linkedin, id="linkedin"),
        pytest.param(read_google_csv, id="google"),
        pytest.param(lambda p, **k: read_csv(p, DATA / "ties.csv", **k), id="csv"),
    ],
)
def test_skip_still_needs_a_readable_header(tmp_path: Path, reader: Callable[..., object]) -> None:
    """When even the header cannot be read, skipping rows cannot help: the error is raised."""
    path = write(tmp_path, "broken.csv", '"First Name,Last Name,Labels\nAna,Ruiz,\n')
    with pytest.raises(ContactDataError, match=r"broken\.csv:1: a quote .* is never closed"):
        reader(path, errors="skip")


# ------------------------------------------------------------------ properties

ID_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=8,
).filter(lambda s: s != "me")
FIELD_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=12)
NAME_TEXT = FIELD_TEXT.filter(lambda s: s.strip() != "")


def _person(pid: str) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        st.just(pid),
        NAME_TEXT,
        FIELD_TEXT,
        FIELD_TEXT,
        location=FIELD_TEXT,
        email=FIELD_TEXT,
        tags=st.lists(NAME_TEXT, max_size=2).map(tuple),
    )


@settings(max_examples=60, deadline=None)
@given(
    net=networks(
        ids=ID_TEXT, person=_person, strengths=ANY_STRENGTH, dates=DATES, max_ties=10, max_people=8
    )
)
def test_round_trip_property(net: Network) -> None:
    """Exporting any network to CSV and importing it again gives the same network."""
    with tempfile.TemporaryDirectory() as folder:
        people, ties = Path(folder) / "people.csv", Path(folder) / "ties.csv"
        write_csv(net, people, ties)
        assert read_csv(people, ties) == net


FUZZ_READERS = [
    *READERS,
    ("read_linkedin skip", lambda p: read_linkedin(p, errors="skip")),
    ("read_vcard skip", lambda p: read_vcard(p, errors="skip")),
    ("read_google_csv skip", lambda p: read_google_csv(p, errors="skip")),
    ("read_csv skip", lambda p: read_csv(p, write(p.parent, "ties.csv", TIES), errors="skip")),
]


def _gives_network_or_our_error(reader: Callable[[Path], object], content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "input.csv", content)
        try:
            result = reader(path)
        except CoffeeChatError:
            return
        assert isinstance(result, Network | pd.DataFrame)


@pytest.mark.parametrize("reader", [pytest.param(r, id=n) for n, r in FUZZ_READERS])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(reader: Callable[[Path], object], content: bytes) -> None:
    """Any bytes give a network (or table) or a CoffeeChatError, never another exception."""
    _gives_network_or_our_error(reader, content)


TOKENS = st.sampled_from(
    [",", '"', '""', "\n", "\r\n", "\r", " ", ";", ":", "=", "\\", "\\,", "\t", "me", "ana",
     "0.5", "1.5", "friend", "12 Mar 2024", "2024-02-30", "First Name", "Last Name",
     "BEGIN:VCARD", "END:VCARD", "VERSION:4.0", "FN:", "RELATED;TYPE=", "Labels", "* myContacts",
     " ::: ", "Notes:", "id", "name", "source", "target", "é", "\ufeff", "\x00"]
)  # fmt: skip
HEADERS = st.sampled_from(
    [LINKEDIN_HEADER, NOTES + LINKEDIN_HEADER, GOOGLE_HEADER, "BEGIN:VCARD\n", "id,name\nme,Me\n",
     "source,target,strength,kind,met_on\n", ""]
)  # fmt: skip


@pytest.mark.parametrize("reader", [pytest.param(r, id=n) for n, r in FUZZ_READERS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=HEADERS,
    body=st.one_of(st.text(max_size=200), st.lists(TOKENS, max_size=40).map("".join)),
)
def test_arbitrary_text_never_crashes(
    reader: Callable[[Path], object], header: str, body: str
) -> None:
    """Any text after a plausible header gives a network or a CoffeeChatError."""
    _gives_network_or_our_error(reader, (header + body).encode("utf-8", "surrogatepass"))
