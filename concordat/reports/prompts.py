"""The parts of a progress report and the guidance shown beside each while writing.

The parts come from the shape of seed 003 (a local project progress report) and the prompts
seed 000 gives local groups; the guidance is our own wording of what those documents ask.
`key` is stored on each ReportSection, so keys never change once used.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Prompt:
    key: str
    title: str
    guidance: str
    source: str  # "progress report" (seed 003) or "guidance to local groups" (seed 000)
    drafted: bool = False  # the system can start this part from the data


PROGRESS_REPORT = "progress report"
GUIDANCE = "guidance to local groups"

PROMPTS = [
    Prompt(
        key="aim",
        title="Project aim and objectives",
        guidance=(
            "Say what the local Concordat group is for and what it has committed to: the "
            "declaration it signed and the five Concordat themes its plan is arranged around."
        ),
        source=PROGRESS_REPORT,
    ),
    Prompt(
        key="narrative",
        title="Project status",
        guidance=(
            "Tell the story of the period in a few paragraphs: how the group is organised, who "
            "takes part, which boards it answers to, and the main things that moved on."
        ),
        source=PROGRESS_REPORT,
    ),
    Prompt(
        key="progress",
        title="Progress in the period",
        guidance=(
            "List what was done in the period, one point a line. The draft lists the actions "
            "completed and the progress notes dated in the period; keep the ones that matter "
            "and add what the plan does not show."
        ),
        source=PROGRESS_REPORT,
        drafted=True,
    ),
    Prompt(
        key="measuring",
        title="How progress is measured",
        guidance=(
            "Explain how the group tracks delivery of the plan (ratings, reviews, dashboards) "
            "and list the metrics it uses. The national crisis care pathway work led for NHS "
            "England by the National Collaborating Centre for Mental Health asks for this list."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="actions_changed",
        title="New, completed and dropped actions",
        guidance=(
            "Name the actions agreed since the last report, those completed, and those no "
            "longer being taken forward, with the reason. The draft takes these from the "
            "published versions of the plan and the progress notes."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="outcomes",
        title="Outcomes of the work to date",
        guidance=(
            "Describe what has changed for people in crisis because of the work: services "
            "extended, new ways of working, figures that moved. Say where each result comes from."
        ),
        source=PROGRESS_REPORT,
    ),
    Prompt(
        key="outcome_data",
        title="Outcome data",
        guidance=(
            "Give the figures: section 136 use and detention in police cells, out-of-area bed "
            "placements, ambulance or other suitable transport response times, and the "
            "demography of the people concerned. The draft compares the values entered for "
            "this area with the same period a year earlier."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="partnership",
        title="Working in partnership",
        guidance=(
            "Describe how the partners work together, and whether the group is linked into the "
            "local System Resilience Group (SRG) and the urgent and emergency care network."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="s136",
        title="Local monitoring and work on section 136",
        guidance=(
            "Report progress on reducing the use of police cells for adults detained under "
            "section 136 and on making it a never event for under-18s; the capacity of "
            "health-based places of safety; how people who are intoxicated are managed; "
            "conveyance."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="evaluations",
        title="Evaluations",
        guidance=(
            "Name the evaluations completed or planned, and the metrics and dashboards they use."
        ),
        source=GUIDANCE,
    ),
    Prompt(
        key="challenges",
        title="Challenges",
        guidance=(
            "Be open about what is difficult: original targets that will be missed and why, "
            "and any problems with governance. The draft lists overdue actions and actions with "
            "no recent progress note."
        ),
        source=GUIDANCE,
        drafted=True,
    ),
    Prompt(
        key="cqc_and_minister",
        title="The CQC's recommendations and the Minister's suggestions",
        guidance=(
            "Show how the group is taking account of the Care Quality Commission's "
            "recommendations for local Concordat groups and the Minister's suggestions of "
            "August 2015: review what people experience of crisis services, describe local "
            "governance, and share successes and good practice with the Concordat office."
        ),
        source=GUIDANCE,
    ),
    Prompt(
        key="priorities",
        title="Priorities and targets for the next period",
        guidance=(
            "List what the group will focus on next, one point a line. The draft lists the "
            "open actions due in the six months after the period."
        ),
        source=PROGRESS_REPORT,
        drafted=True,
    ),
]

PROMPTS_BY_KEY = {prompt.key: prompt for prompt in PROMPTS}


def prompt_for(key):
    """The prompt for a section key, or None for a part the catalogue does not know."""
    return PROMPTS_BY_KEY.get(key)


def position_of(key):
    keys = [prompt.key for prompt in PROMPTS]
    return keys.index(key) + 1 if key in keys else len(keys) + 1
