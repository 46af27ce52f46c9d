"""Tests for coffeechat.checks: friendly assignment checks and the self-check scoreboard."""

from __future__ import annotations

import re
import sys
import warnings
from collections import deque

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat import checks
from coffeechat.datasets import make_network, sample_path
from coffeechat.errors import CheckFailed, CoffeeChatError
from coffeechat.io import read_linkedin_table

EXPORT = sample_path("Connections.csv")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    """The sample export as the library reads it."""
    return read_linkedin_table(EXPORT)


def _message(check, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args, **kwargs)
    return str(info.value)


# ------------------------------------------------------------------ errors
def test_check_failed_is_an_assertion_and_a_coffeechat_error():
    """nbgrader counts a CheckFailed as a failed test; notebooks can catch it with the rest."""
    assert issubclass(CheckFailed, AssertionError)
    assert issubclass(CheckFailed, CoffeeChatError)


def test_notebook_shows_the_learners_lines_and_the_message_not_the_library():
    """IPython's traceback of a failed check skips the checking code itself."""

    def broken(contacts, source):
        return contacts["nobody"]

    with pytest.raises(CheckFailed) as info:
        checks.check_degrees(broken, checks.practice_network())
    shown = "\n".join(info.value._render_traceback_())
    assert 'return contacts["nobody"]' in shown
    assert "KeyError: 'nobody'" in shown
    assert "coffeechat/checks/" not in shown and "tests/test_checks.py" in shown
    assert shown.endswith(
        "CheckFailed: degrees_of_separation(contacts, 'me') stopped with "
        "KeyError: 'nobody'. The traceback above points at the line in your "
        "code."
    )


# ---------------------------------------------------------------- part (a)
def _drop_no_email(t):
    return t[t["Email Address"] != ""]


def _notes_header(t):
    return t.rename(columns={"First Name": "Notes:"})


def _bom_header(t):
    return t.rename(columns={"First Name": "\ufeffFirst Name"})


def _no_position(t):
    return t.drop(columns="Position")


def _dates_as_text(t):
    return t.assign(**{"Connected On": t["Connected On"].dt.strftime("%d %b %Y")})


def _wrong_company(t):
    t = t.copy()
    t.loc[0, "Company"] = "Brindlewood"
    return t


def _nan_text(t):
    return t.assign(**{"Email Address": t["Email Address"].replace("", "nan")})


def _extra_row(t):
    return pd.concat([t, t.iloc[[0]].assign(**{"First Name": "Notes:"})], ignore_index=True)


def _wrong_date(t):
    t = t.copy()
    t.loc[3, "Connected On"] = pd.Timestamp("2001-01-01")
    return t


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop_no_email, r"no email address.*no dropna"),
        (_notes_header, r"header is the line 'Notes:'.*'First Name'"),
        (_bom_header, r"byte-order mark.*utf-8-sig"),
        (_no_position, r"no 'Position' column"),
        (_dates_as_text, r"not dates.*pd\.to_datetime"),
        (
            _wrong_company,
            r"for Zoë Lefèvre, your 'Company' is 'Brindlewood' but the export "
            r"says 'Brindlewood Learning'",
        ),
        (_nan_text, r"should stay empty, not become the text 'nan'"),
        (_extra_row, r"extra rows: 'Notes: Lefèvre'"),
        (_wrong_date, r"'Connected On' is '2001-01-01'.*format='%d %b %Y'"),
        (lambda t: t.to_dict("records"), r"should be a pandas DataFrame .*but it is a list"),
    ],
)
def test_connections_table_explains_what_is_wrong(table, change, expected):
    """Each common mistake in loading the export gets its own explanation."""
    assert re.search(expected, _message(checks.check_connections_table, change(table), EXPORT))


def test_a_table_changed_after_loading_is_named_not_the_loader(table):
    """A right loader whose table a later line changed is told to rerun part (a)'s cell."""

    def load_connections(path):
        return table.copy()

    changed = table.iloc[:-3]
    message = _message(checks.check_connections_table, changed, EXPORT, load_connections)
    assert message.startswith("`connections` is no longer what load_connections gives")
    assert "Run the cell of part (a) again" in message

    def wrong(path):
        return changed.copy()

    assert "`connections` is no longer" not in _message(
        checks.check_connections_table, changed, EXPORT, wrong
    )


def test_connections_table_passes_the_library_table_and_a_plain_pandas_one(table, capsys):
    """Empty emails may be NaN or empty text; surrounding spaces do not matter."""
    checks.check_connections_table(table, EXPORT)
    plain = pd.read_csv(EXPORT, skiprows=3, encoding="utf-8-sig")
    plain["Connected On"] = pd.to_datetime(plain["Connected On"], format="%d %b %Y")
    assert plain["Email Address"].isna().any()
    checks.check_connections_table(plain, EXPORT)
    assert capsys.readouterr().out.count("\N{CHECK MARK} All 39 connections") == 2


def test_connections_loader_passes_a_header_finding_loader(solved):
    """The solution's loader copes with every variant of the export."""
    checks.check_connections_loader(solved["load_connections"], EXPORT)


def test_connections_loader_names_the_variant_that_breaks_a_fixed_skip():
    """A loader that skips a fixed number of lines fails on a longer preamble."""

    def fixed(path):
        t = pd.read_csv(path, skiprows=3, encoding="utf-8-sig")
        t["Connected On"] = pd.to_datetime(t["Connected On"], format="%d %b %Y")
        return t

    assert re.search(
        r"on an export with (no Notes lines|a longer Notes preamble)",
        _message(checks.check_connections_loader, fixed, EXPORT),
    )


def test_unwritten_function_is_reported_as_not_written_yet():
    """The student version's stub gets a plain 'not written yet', not a traceback hunt."""

    def stub(path):
        raise NotImplementedError()

    assert re.search(
        r"^load_connections, on .*, is not written yet: replace `raise "
        r"NotImplementedError\(\)`",
        _message(checks.check_connections_loader, stub, EXPORT),
    )


# ---------------------------------------------------------------- part (b)
def test_organization_counts_pass_for_the_solution(solved, capsys):
    """The solution's counts match; the tick names the biggest employer."""
    checks.check_organization_counts(solved["contacts_per_organization"], EXPORT)
    assert "most contacts (10) are at Riverside Academy" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (
            lambda t: t["Company"].value_counts(dropna=False),
            r"include an empty company \(6 contacts\).*arrive as NaN",
        ),
        (
            lambda t: t["Company"][t["Company"] != ""].value_counts(ascending=True),
            r"largest count first",
        ),
        (
            lambda t: t["Company"][t["Company"] != ""].value_counts().iloc[1:],
            r"Riverside Academy has 10 of your contacts, but it is missing",
        ),
        (
            lambda t: t["Company"][t["Company"] != ""].value_counts() + 1,
            r"has 10 of your contacts, but your counts say 11",
        ),
        (lambda t: list(t["Company"]), r"should give a pandas Series"),
        (lambda t: t["Company"].value_counts().to_dict(), r"should give a pandas Series.*dict"),
        (lambda t: t["Company"].value_counts().to_frame(), r"gave a DataFrame"),
        (lambda t: 1 / 0, r"stopped with ZeroDivisionError"),
    ],
)
def test_organization_counts_explain_mistakes(function, expected):
    """Counting mistakes are named with the organisation and both numbers."""
    assert re.search(expected, _message(checks.check_organization_counts, function, EXPORT))


def _last_family(position, families):
    words = set(re.findall(r"[a-z0-9]+", str(position).lower()))
    matches = [f for f, keys in families.items() if words & set(keys)]
    return matches[-1] if matches else "other"


def _case_sensitive(position, families):
    words = set(re.findall(r"[a-z0-9]+", str(position)))
    return next((f for f, keys in families.items() if words & set(keys)), "other")


def _substring(position, families):
    text = str(position).lower()
    return next((f for f, keys in families.items() if any(k in text for k in keys)), "other")


@pytest.mark.parametrize(
    ("role_family", "expected"),
    [
        (
            _last_family,
            r"'Junior UX Researcher' belongs to 'research' \(it contains the key "
            r"word 'researcher', and 'research' is the first family that matches",
        ),
        (_substring, r"belongs to .*but your role_family says"),
        (lambda p, f: "other", r"belongs to 'research'.*says 'other'"),
    ],
)
def test_role_family_names_the_position_and_the_reason(solved, role_family, expected):
    """A wrong family is explained with the key word that decides it."""
    message = _message(checks.check_role_family, role_family, solved["ROLE_FAMILIES"], EXPORT)
    assert re.search(expected, message)


def test_role_family_edge_cases_catch_upper_case_and_blank_values(solved):
    """Hidden checks find a family function that ignores case, or one that trips on None."""
    per_org, per_family = solved["contacts_per_organization"], solved["contacts_per_role_family"]
    checks.check_summary_edge_cases(per_org, solved["role_family"], per_family)
    assert re.search(
        r"'Senior UX/UI Designer' belongs to 'design'.*case and punctuation do "
        r"not matter.*says 'other'",
        _message(checks.check_summary_edge_cases, per_org, _case_sensitive, per_family),
    )

    def no_blanks(position, families):
        return solved["role_family"](position.strip(), families)

    assert "stopped with AttributeError" in _message(
        checks.check_summary_edge_cases, per_org, no_blanks, per_family
    )


def test_role_family_counts_must_count_everyone(solved):
    """Leaving out the 'other' family makes the counts fall short of the contacts."""

    def without_other(t, families):
        counts = solved["contacts_per_role_family"](t, families)
        return counts.drop("other")

    assert re.search(
        r"add up to 33, but there are 39 contacts",
        _message(checks.check_role_family_counts, without_other, solved["ROLE_FAMILIES"], EXPORT),
    )


def test_family_dictionary_must_be_given():
    """Passing something other than the families dictionary is explained."""
    assert "ROLE_FAMILIES" in _message(checks.check_role_family, len, None, EXPORT)


# ---------------------------------------------------------- part (c)
def _bfs(contacts, source):
    degrees = {source: 0}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        for other in contacts[person]:
            if other not in degrees:
                degrees[other] = degrees[person] + 1
                queue.append(other)
    return degrees


def _dfs(contacts, source):
    degrees = {source: 0}
    stack = [source]
    while stack:
        person = stack.pop()
        for other in contacts[person]:
            if other not in degrees:
                degrees[other] = degrees[person] + 1
                stack.append(other)
    return degrees


def _counting_people(contacts, source):
    return {p: d + 1 for p, d in _bfs(contacts, source).items()}


def _with_strangers(contacts, source):
    found = _bfs(contacts, source)
    return {**found, **{p: float("inf") for p in contacts if p not in found}}


def _neighbours_only(contacts, source):
    return {source: 0, **dict.fromkeys(contacts[source], 1)}


def _without_source(contacts, source):
    found = _bfs(contacts, source)
    del found[source]
    return found


@pytest.mark.parametrize(
    ("degrees", "expected"),
    [
        (
            _dfs,
            r"^In the network of 200 people, .* is 2 hops from you \(you → .*\), but "
            r"your answer says \d+\. Breadth-first search reaches everyone 1 hop away",
        ),
        (_counting_people, r"you should be 0 hops from yourself"),
        (
            lambda c, s: {p: d + 1 if p != s else 0 for p, d in _bfs(c, s).items()},
            r"Every number is one too big: count hops",
        ),
        (_with_strangers, r"Eli Fox cannot be reached from you.*leave them out"),
        (
            _neighbours_only,
            r"leaves out 3 people you can reach, for example Ben Ode "
            r"\(2 hops away: you → Ana Ruiz → Ben Ode\)",
        ),
        (_without_source, r"should be 0 hops from yourself.*says 'nothing'"),
        (lambda c, s: sorted(_bfs(c, s)), r"should give a dict.*gave a list"),
        (lambda c, s: {**_bfs(c, s), "zed": 9}, r"'zed'.*not anyone in the network"),
    ],
)
def test_degrees_explain_mistakes_on_the_practice_network(sample, degrees, expected):
    """Search mistakes are explained on the small practice network first, with a chain."""
    assert re.search(expected, _message(checks.check_degrees, degrees, sample))


def test_degrees_pass_for_a_real_search_on_sample_and_generated_networks(sample, capsys):
    """A correct breadth-first search passes from anyone, on any network."""
    checks.check_degrees(_bfs, sample)
    generated = make_network(300, seed=5, mean_degree=4)
    checks.check_degrees(_bfs, generated, source="p000150")
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def test_a_learner_function_that_changes_its_input_is_told_so(sample):
    """A search that empties the contact lists it is given is told so in one sentence."""

    def destructive(contacts, source):
        result = _bfs(contacts, source)
        for others in contacts.values():
            others.clear()
        return result

    with pytest.raises(CheckFailed, match=r"changed the dict `contacts` it was given"):
        checks.check_degrees(destructive, sample)


def test_learner_warnings_and_stderr_do_not_reach_stderr(sample, capfd):
    """nbgrader fails a cell that writes to stderr, so a learner's warning is moved to stdout."""

    def noisy(contacts, source):
        warnings.warn("a harmless warning", stacklevel=1)
        print("debugging note", file=sys.stderr)
        return _bfs(contacts, source)

    checks.check_degrees(noisy, sample)
    out, err = capfd.readouterr()
    assert err == ""
    assert "debugging note" in out


@given(size=st.integers(50, 120), seed=st.integers(0, 10_000), pick=st.integers(0, 10_000))
@settings(max_examples=15, deadline=None)
def test_degrees_accept_bfs_and_reject_any_single_wrong_number(size, seed, pick):
    """On any generated network, BFS passes and changing one number fails."""
    network = make_network(size, seed=seed, mean_degree=4)
    checks.check_degrees(_bfs, network)
    people = sorted(p for p in _bfs(checks.contact_lists(network), "me") if p != "me")
    victim = people[pick % len(people)]

    def off_by_one(contacts, source):
        result = _bfs(contacts, source)
        if source == "me" and len(contacts) == size:
            result[victim] += 1
        return result

    with pytest.raises(CheckFailed, match=r"is \d+ hops? from you .*your answer says \d+"):
        checks.check_degrees(off_by_one, network)


# ------------------------------------------------------------ chains
@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        (["me", "ana", "ben", "cy"], None),
        (["me", "ben"], "You and Ben Ode do not know each other, so this chain skips a tie."),
        (
            ["me", "ana", "cy"],
            "Ana Ruiz and Cy Tran do not know each other, so this chain skips a tie.",
        ),
        (
            ["ana", "ben"],
            r"A chain starts with you \('me'\), but this one starts with Ana "
            r"Ruiz\.",
        ),
        (["me", "ana", "me", "dee"], "You appears twice|you appears twice"),
        (["me", "zed"], "'zed' in this chain is not anyone in the network."),
        ("me ana", "should be a list of person ids"),
        ([], "This chain is empty"),
    ],
)
def test_check_chain_messages(chain, expected):
    """A chain is checked tie by tie, and each problem is said in words."""
    net = checks.practice_network()
    if expected is None:
        checks.check_chain(chain, net)
    else:
        assert re.search(expected, _message(checks.check_chain, chain, net))


def test_check_chain_can_require_a_target_and_the_fewest_ties():
    """With shortest=True, a real but long chain fails and names a shorter one."""
    net = checks.practice_network()
    long_way = ["me", "ana", "ben", "dee"]
    checks.check_chain(long_way, net, target="dee")
    assert "should end with Cy Tran" in _message(checks.check_chain, long_way, net, target="cy")
    assert re.search(
        r"has 3 hops, but a chain of 1 hop exists \(you → Dee Park\)",
        _message(checks.check_chain, long_way, net, shortest=True),
    )


@given(seed=st.integers(0, 10_000), pick=st.integers(0, 10_000))
@settings(max_examples=15, deadline=None)
def test_every_networkx_shortest_path_is_accepted(seed, pick):
    """Whatever shortest path networkx picks, check_chain agrees it is a shortest chain."""
    network = make_network(60, seed=seed, mean_degree=4)
    people = sorted(network.people["id"])
    target = people[pick % len(people)]
    checks.check_chain(
        nx.shortest_path(network.graph, "me", target), network, target=target, shortest=True
    )


def _chain_via_bfs(contacts, source, target):
    degrees = _bfs(contacts, source)
    if target not in degrees:
        return None
    chain = [target]
    while chain[-1] != source:
        step = degrees[chain[-1]] - 1
        chain.append(next(p for p in contacts[chain[-1]] if degrees.get(p) == step))
    return chain[::-1]


def _chain_via_dfs(contacts, source, target):
    parent, stack = {source: None}, [source]
    while stack:
        person = stack.pop()
        for other in contacts[person]:
            if other not in parent:
                parent[other] = person
                stack.append(other)
    if target not in parent:
        return None
    chain = [target]
    while parent[chain[-1]] is not None:
        chain.append(parent[chain[-1]])
    return chain[::-1]


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (_chain_via_dfs, r"the chain your function gives to .* has \d+ hops, but a chain of"),
        (lambda c, s, t: [s, t], r"do not know each other, so this chain skips a tie"),
        (lambda c, s, t: None, r"found no chain to Ana Ruiz, but there is one: you → Ana Ruiz"),
        (
            lambda c, s, t: _chain_via_bfs(c, s, t) if s != t else [s, t],
            r"the chain from you to yourself is just \['me'\], but your function returned "
            r"\['me', 'me'\]",
        ),
        (
            lambda c, s, t: (
                [s]
                if s == t
                else (
                    []
                    if t in ("eli", "fay")
                    else nx.shortest_path(checks.practice_network().graph, s, t)
                )
            ),
            r"nobody you can reach knows Eli Fox, so there is no chain: return None",
        ),
    ],
)
def test_shortest_chains_explain_mistakes(sample, function, expected):
    """Chains that skip ties, wander, or miss None are each explained."""
    assert re.search(expected, _message(checks.check_shortest_chains, function, sample))


def test_shortest_chains_pass_for_the_solution(solved, sample):
    """The solution's chains pass, from the learner and from someone else."""
    checks.check_shortest_chains(solved["shortest_chain"], sample)
    generated = make_network(200, seed=11, mean_degree=4)
    checks.check_shortest_chains(solved["shortest_chain"], generated, source="p000100")


# ------------------------------------------------------------ part (d)
def _within(limit, offset=-1, keep_source=False):
    def within(contacts, source, colleagues):
        degrees = _bfs(contacts, source)
        return {
            p: d + offset
            for p, d in degrees.items()
            if p in colleagues and d <= limit and (keep_source or p != source)
        }

    return within


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (_within(4), r"Gus Amari needs 3 introductions, so leave them out"),
        (
            _within(2),
            r"Cy Tran works at Borealis Labs and needs 2 introductions \(you → Ana "
            r"Ruiz → Ben Ode → Cy Tran\), but your answer leaves them out",
        ),
        (_within(3, offset=0), r"Ben Ode needs 1 introduction \(.*\), but your answer says 2"),
        (
            lambda c, s, col: dict.fromkeys(c[s], 0),
            r"includes Ana Ruiz, who does not work at "
            r"Borealis Labs",
        ),
        (lambda c, s, col: sorted(col), r"should give a dict"),
    ],
)
def test_within_two_explain_mistakes(sample, function, expected):
    """Off-by-one limits and counts are explained on the practice network."""
    assert re.search(
        expected, _message(checks.check_within_two, function, sample, "Brindlewood Learning")
    )


def test_within_two_leaves_out_the_source(sample):
    """The learner is never someone to be introduced to."""
    fair = sample.match(organization="Riverside Academy")
    assert "me" in fair
    assert "from Ben Ode ('ben'), who works there: leave Ben Ode out" in _message(
        checks.check_within_two, _within(3, keep_source=True), sample, "Riverside Academy"
    )


def test_within_two_passes_for_the_solution_and_picks_organisations(solved, sample):
    """Without an organisation the check tries the biggest ones of the network."""
    checks.check_within_two(solved["within_two_introductions"], sample, "Brindlewood Learning")
    checks.check_within_two(
        solved["within_two_introductions"], make_network(300, seed=3, mean_degree=6)
    )


def test_within_two_rejects_an_organisation_nobody_works_at(solved, sample):
    """A misspelt organisation is reported, not silently matched by nobody."""
    assert "Nobody in this network works at 'Brindlewood Lerning'" in _message(
        checks.check_within_two, solved["within_two_introductions"], sample, "Brindlewood Lerning"
    )


# ---------------------------------------------------------- scoreboard
def test_scoreboard_gives_full_visible_points_for_the_solution(solved):
    """The solution earns every visible point, part by part."""
    board = checks.scoreboard("ps01-who-can-introduce-you", solved)
    assert [r.earned for r in board.parts] == [r.visible for r in board.parts]
    assert (
        board.earned
        == board.visible
        == sum(
            t.points for t in checks.ASSIGNMENTS["ps01-who-can-introduce-you"].tests if not t.hidden
        )
    )
    assert "\N{CHECK MARK} all visible checks pass" in str(board)
    assert "<table>" in board._repr_html_()


def test_scoreboard_shows_partial_work_with_the_first_problem(solved):
    """A learner with parts (a) and (b) done sees those points and what (c) needs."""
    namespace = dict(solved)
    namespace["degrees_of_separation"] = _neighbours_only
    namespace["within_two_introductions"] = _within(2)
    board = checks.scoreboard("ps01-who-can-introduce-you", namespace)
    earned = {r.part.key: r.earned for r in board.parts}
    assert earned == {"a": 2, "b": 3, "c": 2, "d": 0}
    notes = {r.part.key: r.notes for r in board.parts}
    assert "leaves out" in notes["c"][0]
    assert "Cy Tran works at Borealis Labs" in notes["d"][0]


def test_scoreboard_is_quiet_when_nbgrader_grades(solved, monkeypatch, capsys):
    """During autograde the scoreboard runs nothing and says so."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    board = checks.scoreboard("ps01-who-can-introduce-you", solved)
    assert board.graded and board.parts == ()
    assert "being graded" in str(board)
    assert capsys.readouterr().out == ""


def test_scoreboard_html_escapes_learner_text(solved):
    """A message quoting a learner's value cannot inject HTML into the notebook."""
    bad = pd.DataFrame({"<b>x</b>": [1]})
    namespace = dict(solved, connections=bad, load_connections=lambda path: bad)
    html = checks.scoreboard("ps01-who-can-introduce-you", namespace)._repr_html_()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_assignment_points_add_up():
    """Part points are the sum of their tests; the assignment's the sum of its parts."""
    spec = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]
    assert spec.points == sum(p.points for p in spec.parts) == sum(t.points for t in spec.tests)
    assert all(any(t.hidden for t in p.tests) for p in spec.parts)


# ------------------------------------------- what learners met, now fixed
@pytest.mark.parametrize(
    "function",
    [
        lambda t: t["Company"].value_counts(),
        lambda t: t["Company"].dropna().value_counts(),
        lambda t: t["Company"][t["Company"] != ""].value_counts(),
    ],
    ids=["value_counts", "dropna", "compared with empty text"],
)
def test_organization_counts_as_the_text_suggests_pass(function, capsys):
    """Blank companies reach the function as NaN (as pd.read_csv gives them), or '' alike."""
    checks.check_organization_counts(function, EXPORT)
    checks.check_summary_edge_cases(function, checks.ps01.role_family_reference, _families)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def _families(table, families):
    return (
        table["Position"]
        .map(lambda p: checks.ps01.role_family_reference(p, families))
        .value_counts()
    )


def test_a_right_count_with_a_wrong_role_family_blames_role_family(solved):
    """contacts_per_role_family is not failed for role_family's mistake: part b2 is named."""
    namespace: dict = {"re": re}
    exec(
        "def role_family(position, families):\n"
        "    words = set(re.findall(r'[a-z0-9]+', str(position)))\n"
        "    return next((f for f, keys in families.items() if words & set(keys)), 'other')\n"
        "def contacts_per_role_family(table, families):\n"
        "    return table['Position'].map(lambda p: role_family(p, families)).value_counts()\n",
        namespace,
    )
    message = _message(
        checks.check_role_family_counts,
        namespace["contacts_per_role_family"],
        solved["ROLE_FAMILIES"],
        EXPORT,
    )
    assert message.startswith(
        "Your `contacts_per_role_family` is right once `role_family` is: your "
        "`role_family` (part b2) is the cause — fix that first."
    )
    assert len(message) <= 400


def test_a_loader_that_ignores_the_byte_order_mark_is_caught(solved):
    """An export with the mark right before the header (no Notes lines) is among the variants."""

    def no_sig(path):
        with open(path, encoding="utf-8") as export:
            lines = export.read().splitlines()
        header = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
        return solved["load_connections"](path) if header >= 0 else None

    assert re.search(
        r"byte-order mark is right before the header.*encoding='utf-8-sig'",
        _message(checks.check_connections_loader, no_sig, EXPORT),
    )


def test_degrees_say_how_many_people_are_in_reach_as_hop_counts_does(sample, capsys):
    """The tick counts the people in reach without the learner, as hop_counts does."""
    from coffeechat.paths import hop_counts

    checks.check_degrees(_bfs, sample)
    within = int(hop_counts(sample)["within reach"].iloc[-1])
    assert f"all {within} people you can reach, and 0 for yourself" in capsys.readouterr().out


def test_a_long_wrong_chain_is_said_briefly(sample):
    """A depth-first chain of forty people gets a short message, with a shortest chain."""
    message = _message(checks.check_shortest_chains, _chain_via_dfs, sample)
    assert len(message) <= 400 and message.count("→") <= 12
