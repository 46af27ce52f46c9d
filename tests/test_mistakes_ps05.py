"""Assignment 5 (How did it go?): mistake bank and requirement table."""

from __future__ import annotations

import pytest

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

pytestmark = pytest.mark.slow

NOTEBOOK = Notebook(SOLUTIONS / "ps05-how-did-it-go")
edit, swap = NOTEBOOK.edit, NOTEBOOK.swap

A, B, C, D = "part-a-answer", "part-b-answer", "part-c-answer", "part-d-answer"
A_LINE = "return (spoken / spoken.sum()).to_dict()"
OVERRAN = 'return max(0.0, transcript["end"].max() - agreed_minutes)'
JOBS = 'return [text for text in learner["text"] if job_request(text) is not None]'
WANTED = 'wanted = [content_words(re.sub(r"\\{\\w+\\}", " ", q)) for q in searchable]'
CLOSING_LINE = "return [q for q in closing if not any(content_words(q) <= words for words in said)]"
SHARE_RULE = 'talk_share(transcript).get("learner", 0) <= 1 / 3'
FOLLOW_RULE = "len(follow_ups(transcript)) >= 2"

PART_A = [
    Variant(
        "a",
        "share of turns, not of time",
        edit(A, A_LINE, 'return transcript["speaker"].value_counts(normalize=True).to_dict()'),
        r"That is the share of turns: weigh each turn by how long it lasts",
    ),
    Variant(
        "a",
        "divided by the length of the call",
        edit(A, A_LINE, 'return (spoken / transcript["end"].max()).to_dict()'),
        r"not the length of the call: silences between turns belong to nobody",
    ),
    Variant(
        "a",
        "percentages",
        edit(A, A_LINE, "return (100 * spoken / spoken.sum()).to_dict()"),
        r"add up to 100: give them between 0 and 1",
    ),
    Variant(
        "a",
        "only the learner's share, as a number",
        edit(A, A_LINE, 'return float(spoken["learner"] / spoken.sum())'),
        r"should give a dict \(or Series\) from speaker to share, but it gave a float",
    ),
    Variant(
        "a",
        "words counted instead of minutes",
        edit(
            A,
            A_LINE,
            'words = transcript["text"].str.split().str.len()\n'
            '    words = words.groupby(transcript["speaker"]).sum()\n'
            "    return (words / words.sum()).to_dict()",
        ),
        r"talked for \d+% of the talking time, but your answer says \d+%\. Add up end − start",
    ),
    Variant(
        "a",
        "no return",
        edit(A, A_LINE, "(spoken / spoken.sum()).to_dict()"),
        r"gave None: did you forget `return`",
    ),
    Variant(
        "a",
        "the interviewee left out",
        edit(A, A_LINE, 'return {"learner": spoken["learner"] / spoken.sum()}'),
        r"gives no share for 'interviewee', who spoke",
    ),
    Variant(
        "a",
        "a column added to the table given",
        edit(
            A,
            '    spoken = (transcript["end"] - transcript["start"])',
            '    transcript["length"] = transcript["end"] - transcript["start"]\n'
            '    spoken = transcript["length"]',
        ),
        r"changed the table `transcript` it was given \(a column 'length' was added\)",
    ),
    Variant(
        "a",
        "rows looked up by label, as in a table of its own",
        swap(
            A,
            """\
            def talk_share(transcript):
                spoken = {"learner": 0.0, "interviewee": 0.0}
                for i in range(len(transcript)):
                    row = transcript.loc[i]
                    spoken[row["speaker"]] += row["end"] - row["start"]
                total = sum(spoken.values())
                return {s: t / total for s, t in spoken.items()}
            """,
        ).replace("talk_share(one)", "talk_share(TRANSCRIPTS[TRANSCRIPTS.transcript == 'T1'])"),
        r"looked up row \d+ by label .* Use \.iloc",
    ),
    Variant(
        "a",
        "a list of shares",
        edit(A, A_LINE, "return list(spoken / spoken.sum())"),
        r"should give a dict \(or Series\) from speaker to share, but it gave a list",
    ),
    # right answers
    Variant("a", "a Series", edit(A, A_LINE, "return spoken / spoken.sum()")),
    Variant(
        "a",
        "a loop by position, rounded",
        swap(
            A,
            """\
            def talk_share(transcript):
                spoken = {}
                for i in range(len(transcript)):
                    row = transcript.iloc[i]
                    who = row["speaker"]
                    spoken[who] = spoken.get(who, 0) + row["end"] - row["start"]
                total = sum(spoken.values())
                return {s: round(t / total, 3) for s, t in spoken.items()}
            """,
        ),
    ),
]

PART_B = [
    Variant(
        "b",
        "overrun measured at the start of the last turn",
        edit(B, OVERRAN, 'return max(0.0, transcript["start"].max() - agreed_minutes)'),
        r"its last turn ends at minute .* Use the end of the last turn",
    ),
    Variant(
        "b",
        "an early end gives a negative overrun",
        edit(B, OVERRAN, 'return transcript["end"].max() - agreed_minutes'),
        r"that is 0 minutes over, not -",
    ),
    Variant(
        "b",
        "overran as True or False",
        edit(B, OVERRAN, 'return transcript["end"].max() > agreed_minutes'),
        r"overran should give a number of minutes \(0 when on time\), not True or False",
    ),
    Variant(
        "b",
        "the length of the talk, not the minute it ends",
        edit(
            B,
            OVERRAN,
            'return max(0.0, transcript["end"].max() - transcript["start"].min() - agreed_minutes)',
        ),
        r"times count from the start of the call",
    ),
    Variant(
        "b",
        "nothing returned when on time",
        edit(
            B,
            OVERRAN,
            'if transcript["end"].max() > agreed_minutes:\n'
            '        return transcript["end"].max() - agreed_minutes',
        ),
        r"overran should give a number of minutes .* gave None",
    ),
    Variant(
        "b",
        "the word job taken for a request",
        edit(
            B,
            JOBS,
            'return [text for text in learner["text"] if "job" in text.lower() '
            "or job_request(text)]",
        ),
        r"mentions a job but asks for none; use job_request\(text\)",
    ),
    Variant(
        "b",
        "the interviewee's turns searched for job requests",
        edit(
            B,
            JOBS,
            'return [text for text in transcript["text"] if job_request(text) is not None]',
        ),
        r"is the interviewee speaking: only the learner's turns can be a job request",
    ),
    Variant(
        "b",
        "slots in braces kept",
        edit(B, WANTED, "wanted = [content_words(q) for q in searchable]"),
        r"once the slot in braces is left out",
    ),
    Variant(
        "b",
        "one content word in common is enough",
        edit(
            B,
            "any(words and words <= content_words(text) for words in wanted)",
            "any(words & content_words(text) for words in wanted)",
        ),
        r"holds only some of the content words of each searchable question",
    ),
    Variant(
        "b",
        "a turn listed once per searchable question it matches",
        swap(
            B,
            """\
            def searchable_questions(transcript, searchable):
                found = []
                learner = transcript[transcript["speaker"] == "learner"]
                for text in learner["text"]:
                    for question in searchable:
                        words = content_words(re.sub(r"\\{\\w+\\}", " ", question))
                        if "?" in text and words and words <= content_words(text):
                            found.append(text)
                return found
            """,
        ),
        r"lists a turn twice; list each once",
    ),
    Variant(
        "b",
        "the interviewee's questions searched too",
        edit(
            B,
            'learner = transcript[transcript["speaker"] == "learner"]\n    return [\n',
            "learner = transcript\n    return [\n",
        ),
        r"is the interviewee speaking: only the learner's turns can be a web-searchable",
    ),
    Variant(
        "b",
        "the slots taken out of the list given",
        edit(
            B,
            WANTED,
            "for i, q in enumerate(searchable):\n"
            '        searchable[i] = re.sub(r"\\{\\w+\\}", " ", q)\n'
            "    wanted = [content_words(q) for q in searchable]",
        ),
        r"changed the list `searchable` it was given|SEARCHABLE is no longer what the setup",
    ),
    Variant(
        "b",
        "closing questions matched word for word",
        edit(B, CLOSING_LINE, 'return [q for q in closing if q not in list(learner["text"])]'),
        r"perhaps in other words; it is not missing",
    ),
    Variant(
        "b",
        "the closing questions asked, not those left out",
        edit(
            B,
            CLOSING_LINE,
            "return [q for q in closing if any(content_words(q) <= words for words in said)]",
        ),
        r"lists the closing questions that were asked; list the ones that were not",
    ),
    Variant(
        "b",
        "the interviewee's turns count as asking",
        edit(
            B,
            'said = [content_words(text) for text in learner["text"]]',
            'said = [content_words(text) for text in transcript["text"]]',
        ),
        r"the learner never asks .* The interviewee's turn that holds its words does not count",
    ),
    # right answers
    Variant(
        "b",
        "an if for the overrun, all() for the closing",
        edit(
            B,
            OVERRAN,
            'late = transcript["end"].max() - agreed_minutes\n    return late if late > 0 else 0',
        ).replace(
            CLOSING_LINE,
            "return [q for q in closing if all(not content_words(q).issubset(w) for w in said)]",
        ),
    ),
    Variant(
        "b",
        "a tuple of requests, the overrun from the last row",
        edit(
            B, JOBS, 'return tuple(t for _, t in learner["text"].items() if job_request(t))'
        ).replace(OVERRAN, 'return max(0, transcript["end"].iloc[-1] - agreed_minutes)'),
    ),
]

C_LOOP = (
    'for speaker, text in zip(transcript["speaker"], transcript["text"]):\n'
    '        if speaker == "interviewee":\n'
    "            heard = content_words(text)\n"
    '        elif heard is not None and "?" in text and len(content_words(text) & heard) >= 2:\n'
    "            found.append(text)\n"
)
PART_C = [
    Variant(
        "c",
        "the turn just before, whoever said it",
        edit(
            C,
            C_LOOP,
            'for speaker, text in zip(transcript["speaker"], transcript["text"]):\n'
            '        if speaker == "learner" and heard is not None and "?" in text and '
            "len(content_words(text) & heard) >= 2:\n"
            "            found.append(text)\n"
            "        heard = content_words(text)\n",
        ),
        r"is not a follow-up|even if the learner spoke in between",
    ),
    Variant(
        "c",
        "one shared word is enough",
        edit(
            C,
            "len(content_words(text) & heard) >= 2",
            "len(content_words(text) & heard) >= 1",
        ),
        r"shares 1 content word with the interviewee's most recent turn; a follow-up shares at",
    ),
    Variant(
        "c",
        "more than two shared words",
        edit(
            C,
            "len(content_words(text) & heard) >= 2",
            "len(content_words(text) & heard) > 2",
        ),
        r"leaves out .*: it shares \w+, \w+ with the interviewee's most recent turn",
    ),
    Variant(
        "c",
        "not only questions",
        edit(C, 'and "?" in text and', "and"),
        r"is not a follow-up: it is not a question",
    ),
    Variant(
        "c",
        "everything the interviewee said so far",
        edit(C, "heard = content_words(text)", "heard = (heard or set()) | content_words(text)"),
        r"content words? with the interviewee's most recent turn",
    ),
    Variant(
        "c",
        "plain words instead of content words",
        edit(
            C,
            "len(content_words(text) & heard) >= 2",
            "len(set(text.lower().split()) & set(map(str, heard))) >= 2",
        ),
        r"leaves out",
    ),
    Variant(
        "c",
        "the answer forgotten once the learner speaks",
        swap(
            C,
            """\
            def follow_ups(transcript):
                found, heard = [], None
                for speaker, text in zip(transcript["speaker"], transcript["text"]):
                    if speaker == "interviewee":
                        heard = content_words(text)
                        continue
                    if heard is not None and "?" in text and len(content_words(text) & heard) >= 2:
                        found.append(text)
                    heard = None
                return found
            """,
        ),
        r"even if the learner spoke in between",
    ),
    Variant(
        "c",
        "the interviewee's questions counted",
        edit(
            C,
            '        elif heard is not None and "?" in text',
            '        if heard is not None and "?" in text',
        ),
        r"is the interviewee speaking: only the learner's turns can be a follow-up",
    ),
    Variant(
        "c",
        "the row labels reset in the table given",
        edit(
            C,
            "    found, heard = [], None\n",
            "    transcript.reset_index(drop=True, inplace=True)\n    found, heard = [], None\n",
        ),
        r"changed the table `transcript` it was given \(its row labels changed\)",
    ),
    Variant(
        "c",
        "how many follow-ups, not which",
        edit(C, "    return found\n", "    return len(found)\n"),
        r"follow_ups should give a list of the turns' texts, but it gave a int",
    ),
    # right answers
    Variant(
        "c", "an empty set to start", edit(C, "found, heard = [], None", "found, heard = [], set()")
    ),
    Variant(
        "c",
        "iterrows, and a new list each time",
        edit(
            C,
            'for speaker, text in zip(transcript["speaker"], transcript["text"]):',
            "for _, (speaker, text) in transcript[['speaker', 'text']].iterrows():",
        ).replace("found.append(text)", "found = found + [text]"),
    ),
]

WRONG_SHARE = """\
def talk_share(transcript):
    return transcript["speaker"].value_counts(normalize=True).to_dict()


"""
PART_D = [
    Variant(
        "d",
        "two minutes over still keeps time",
        edit(
            D,
            "points += 2 if overran(transcript, agreed_minutes) == 0 else 0",
            "points += 2 if overran(transcript, agreed_minutes) <= 2 else 0",
        ),
        r"earns \d+ points, but your rubric_score says \d+\. By measure: time kept 0/2",
    ),
    Variant(
        "d",
        "half the talking allowed",
        edit(D, SHARE_RULE, 'talk_share(transcript).get("learner", 0) <= 1 / 2'),
        r"By measure: .*let them talk 0/1",
    ),
    Variant(
        "d",
        "a third of the talking not allowed",
        edit(D, SHARE_RULE, 'talk_share(transcript).get("learner", 0) < 1 / 3'),
        r"Transcript X2 earns 10 points, but your rubric_score says 9",
    ),
    Variant(
        "d",
        "one follow-up is enough",
        edit(D, FOLLOW_RULE, "len(follow_ups(transcript)) >= 1"),
        r"By measure: .*follow-up questions 0/1",
    ),
    Variant(
        "d",
        "more than two follow-ups needed",
        edit(D, FOLLOW_RULE, "len(follow_ups(transcript)) > 2"),
        r"earns \d+ points, but your rubric_score says \d+\. By measure: .*follow-up questions 1/1",
    ),
    Variant(
        "d",
        "who else forgotten",
        edit(D, "    points += 1 if CLOSING[1] not in missing else 0\n", ""),
        r"By measure: .*asked who else 1/1",
    ),
    Variant(
        "d",
        "no return",
        edit(D, "    return points\n", "    points\n"),
        r"gave None: did you forget `return`",
    ),
    Variant(
        "d",
        "names changed in the scores",
        edit(
            D,
            "name: rubric_score(rows, agreed[name])",
            "name.lower(): rubric_score(rows, agreed[name])",
        ),
        r"Your scores leave out transcript T1",
    ),
    Variant(
        "d",
        "agreed minutes taken in the table's order",
        edit(
            D,
            '    agreed = dict(zip(interviews["transcript"], interviews["agreed_minutes"]))\n'
            "    return {\n"
            "        name: rubric_score(rows, agreed[name])\n"
            '        for name, rows in transcripts.groupby("transcript")\n'
            "    }\n",
            '    groups = transcripts.groupby("transcript")\n'
            "    return {\n"
            "        name: rubric_score(rows, minutes)\n"
            '        for (name, rows), minutes in zip(groups, interviews["agreed_minutes"])\n'
            "    }\n",
        ),
        r"That is its score with another transcript's minutes",
    ),
    Variant(
        "d",
        "scores as a list",
        edit(D, "name: rubric_score(rows, agreed[name])", "rubric_score(rows, agreed[name])")
        .replace("    return {\n", "    return [\n")
        .replace(
            'transcripts.groupby("transcript")\n    }', 'transcripts.groupby("transcript")\n    ]'
        ),
        r"scores should give a dict \(or Series\) from transcript to score, but it gave a list",
    ),
    Variant(
        "d",
        "the interviews table re-indexed in place",
        edit(
            D,
            '    agreed = dict(zip(interviews["transcript"], interviews["agreed_minutes"]))\n',
            '    interviews.set_index("transcript", inplace=True)\n'
            '    agreed = interviews["agreed_minutes"]\n',
        ),
        r"INTERVIEWS is no longer what the setup cell made it \(its column 'transcript' was "
        r"removed\)|changed the table `interviews`",
    ),
    Variant(
        "d",
        "right rubric, wrong talk_share of part (a)",
        WRONG_SHARE + NOTEBOOK.answers[D],
        r"Your `rubric_score` is right once `talk_share` is: your `talk_share` \(part a\) is "
        r"the cause",
        checks=("part-d-rubric",),
    ),
    # right answers
    Variant(
        "d",
        "a float number of points",
        edit(D, "    return points\n", "    return float(points)\n"),
    ),
    Variant(
        "d",
        "points summed by pandas (a numpy integer)",
        edit(D, "    return points\n", "    return pd.Series([points, 0]).sum()\n"),
    ),
    Variant(
        "d",
        "scores as a Series, minutes by index",
        edit(
            D,
            '    agreed = dict(zip(interviews["transcript"], interviews["agreed_minutes"]))\n'
            "    return {\n"
            "        name: rubric_score(rows, agreed[name])\n"
            '        for name, rows in transcripts.groupby("transcript")\n'
            "    }\n",
            '    agreed = interviews.set_index("transcript")["agreed_minutes"]\n'
            "    return pd.Series({\n"
            "        name: rubric_score(rows, agreed[name])\n"
            '        for name, rows in transcripts.groupby(transcripts["transcript"])\n'
            "    })\n",
        ),
    ),
]

BANK = PART_A + PART_B + PART_C + PART_D

#: Every sentence of the task text that asks something of the learner's code.
REQUIREMENTS = [
    Requirement("a", "must not change it", "part-a-hidden", "a column added to the table given"),
    Requirement(
        "a",
        "so use `.iloc` (positions)",
        "part-a-share",
        "rows looked up by label, as in a table of its own",
    ),
    Requirement(
        "a",
        "Silences between turns belong to nobody",
        "part-a-hidden",
        "divided by the length of the call",
    ),
    Requirement(
        "a",
        "Talking time is what each speaker spends speaking: the sum of `end - start`",
        "part-a-share",
        "share of turns, not of time",
    ),
    Requirement(
        "a",
        'a dictionary (or Series) from speaker (`"learner"`, `"interviewee"`)',
        "part-a-share",
        "the interviewee left out",
    ),
    Requirement("a", "a number between 0 and 1", "part-a-share", "percentages"),
    Requirement(
        "b", "the last turn ends", "part-b-hidden", "overrun measured at the start of the last turn"
    ),
    Requirement(
        "b",
        "`0` when the conversation ended in time (never a negative number)",
        "part-b-overran",
        "an early end gives a negative overrun",
    ),
    Requirement(
        "b",
        "how many minutes past the agreed length",
        "part-b-hidden",
        "the length of the talk, not the minute it ends",
    ),
    Requirement(
        "b",
        "gives the list of the learner's turns",
        "part-b-job",
        "the interviewee's turns searched for job requests",
    ),
    Requirement(
        "b",
        '"What does your job involve?" mentions a job but asks for none',
        "part-b-job",
        "the word job taken for a request",
    ),
    Requirement(
        "b",
        "hold every content word of at least one question in `searchable`",
        "part-b-searchable",
        "one content word in common is enough",
    ),
    Requirement(
        "b",
        "each turn once",
        "part-b-hidden",
        "a turn listed once per searchable question it matches",
    ),
    Requirement("b", "remove them first", "part-b-searchable", "slots in braces kept"),
    Requirement(
        "b",
        "gives the learner's turns that are questions",
        "part-b-hidden",
        "the interviewee's questions searched too",
    ),
    Requirement(
        "b",
        "that the learner did not ask",
        "part-b-hidden",
        "the interviewee's turns count as asking",
    ),
    Requirement(
        "b",
        'so "Who else do you think I should talk to?" counts',
        "part-b-closing",
        "closing questions matched word for word",
    ),
    Requirement(
        "c", "when it is a question (it holds `?`)", "part-c-follow-ups", "not only questions"
    ),
    Requirement(
        "c", "shares at least two content words", "part-c-hidden", "more than two shared words"
    ),
    Requirement(
        "c",
        "remember the content words of the last thing the interviewee said",
        "part-c-follow-ups",
        "everything the interviewee said so far",
    ),
    Requirement(
        "c",
        "even if the learner said something else in",
        "part-c-hidden",
        "the answer forgotten once the learner speaks",
    ),
    Requirement(
        "c",
        "the list of the learner's turns (their text) that are follow-ups",
        "part-c-hidden",
        "the interviewee's questions counted",
    ),
    Requirement("d", "`overran` is 0", "part-d-rubric", "two minutes over still keeps time"),
    Requirement("d", "at least two follow-ups", "part-d-hidden", "more than two follow-ups needed"),
    Requirement(
        "d",
        "the learner's share of the talking time is at most 1/3",
        "part-d-hidden",
        "a third of the talking not allowed",
    ),
    Requirement(
        "d",
        "Use your functions of parts (a) to (c)",
        "part-d-rubric",
        "right rubric, wrong talk_share of part (a)",
    ),
    Requirement("d", "a whole number from 0 to 10", "part-d-rubric", "no return"),
    Requirement(
        "d",
        "using each transcript's own agreed minutes from `interviews`",
        "part-d-hidden",
        "agreed minutes taken in the table's order",
    ),
    Requirement(
        "d",
        "a dictionary (or Series) from each transcript's name",
        "part-d-scores",
        "scores as a list",
    ),
    Requirement(
        "a",
        "Silences between turns belong to nobody",
        "part-a-hidden",
        "divided by the length of the call",
    ),
]

#: Sentences with a requirement word that ask nothing of the code.
ASIDES = [
    "has one row per turn: which conversation it belongs to",
    "has one row per conversation, with the minutes the learner asked for",
    "gives the phrase that asks for a job, a referral or a look at a CV, or `None`",
    "The first turn of `one` lasts:",
    "Please do not delete or copy the check cells.",
    "short and common words",
    '"Is there anything I should have asked?"',  # the rubric table: rows traced one by one
    "Check (b4): the closing questions left out.",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"
