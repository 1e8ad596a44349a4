"""The words of the corpus: invented actions, and what a careful reader records for each row.

Every sentence here was written for this corpus. The layouts copy real published 2014-16
local Crisis Care Concordat plans (see manifest.json); the words do not. "{A}" is replaced by
each document's (invented) area name.

A Row is one action as the document shows it, plus the truth a person reading the document
records by hand: ref as DESIGN.md cleans it, the Concordat section (1-5, or None), canonical
status, RAG, due date, new and removed. Those truth values are typed here row by row, never
worked out from the cell text by code.
"""

from dataclasses import dataclass, field

SECTION_TITLES = {
    1: "Commissioning to allow earlier intervention and responsive crisis services",
    2: "Access to support before crisis point",
    3: "Urgent and emergency access to crisis care",
    4: "Quality of treatment and care when in crisis",
    5: "Recovery and staying well / preventing future crises",
}

# (action, lead, outcome, progress) for each Concordat section; 0 is a local equality section.
POOL = {
    0: [
        (
            "Engage Black and minority ethnic community groups in the mental health "
            "stakeholder forum and ask what would make it easier to take part",
            "{A} CCG Equality Lead",
            "Services shaped by every community they serve",
            "Two community groups joined the forum in September",
        ),
        (
            "Publish an equality impact assessment of the whole crisis pathway",
            "{A} County Council",
            "Gaps for protected groups known and acted on",
            "Draft assessment circulated to partners",
        ),
    ],
    1: [
        (
            "Set up a multi-agency crisis care partnership group with agreed terms of "
            "reference and a named chair",
            "{A} CCG",
            "A single group oversees delivery of the plan",
            "Group meets every six weeks; terms of reference signed off in June",
        ),
        (
            "Carry out a gap analysis of crisis provision for all ages against the Concordat "
            "principles",
            "{A} CCG and {A} Council",
            "Commissioning gaps known and costed",
            "Draft analysis presented to the partnership group in September",
        ),
        (
            "Refresh the joint strategic needs assessment chapter on mental health to include "
            "crisis activity data",
            "{A} Council Public Health",
            "Commissioning decisions based on local need",
            "Data requested from the police and the ambulance service",
        ),
        (
            "Agree a shared dataset for section 136 detentions, conveyances and outcomes "
            "across police, ambulance and health",
            "County Police and {A} Partnership NHS FT",
            "Partners report the same figures each quarter",
            "First joint quarterly report produced in October",
        ),
        (
            "Include crisis care standards in the 2016/17 contracts of the mental health trust "
            "and the acute hospital",
            "{A} CCG",
            "Standards can be monitored through contracts",
            "Schedules drafted; awaiting the contract round",
        ),
        (
            "Map voluntary sector services that support people at risk of crisis and publish "
            "the map",
            "{A} Council for Voluntary Service",
            "Commissioners and referrers know what is available",
            "Directory of 64 services completed",
        ),
        (
            "Review funding of the crisis house and agree a recurrent budget",
            "{A} CCG",
            "Crisis house places secured beyond March 2016",
            "Business case approved by the governing body",
        ),
        (
            "Develop a commissioning plan for children and young people in crisis with the "
            "CAMHS transformation group",
            "{A} CCG and Children's Services",
            "Young people have a crisis offer equal to adults",
            "Linked to the local transformation plan",
        ),
        (
            "Report progress against this plan to the Health and Wellbeing Board twice a year",
            "Chair of the partnership group",
            "The board holds partners to account",
            "Reported in July and January",
        ),
        (
            "Involve people with lived experience and carers in reviewing every commissioning "
            "decision on crisis services",
            "{A} Healthwatch and Mind",
            "Services shaped by those who use them",
            "Two experts by experience sit on the group",
        ),
    ],
    2: [
        (
            "Publish a single crisis telephone number for the public and promote it through "
            "GP practices",
            "{A} Partnership NHS FT",
            "People know who to call at any hour",
            "Number live; leaflets in all practices",
        ),
        (
            "Make NHS 111 able to transfer callers in mental health crisis directly to the "
            "crisis team",
            "NHS 111 provider and {A} CCG",
            "No caller is told to ring back later",
            "Protocol agreed; testing in December",
        ),
        (
            "Train GP practice staff in recognising and responding to a mental health crisis",
            "{A} CCG Primary Care Team",
            "Earlier help in primary care",
            "Four sessions held; 120 staff trained",
        ),
        (
            "Offer mental health first aid courses to housing, benefits and library staff",
            "{A} Council",
            "Front-line staff feel able to help",
            "Courses booked for the spring",
        ),
        (
            "Open a crisis café in the town centre on Friday and Saturday evenings",
            "Mind in {A}",
            "A safe place to go before crisis point",
            "Café open since August; 30 visits a week",
        ),
        (
            "Give every person on the care programme approach a crisis and contingency plan "
            "written with their care coordinator",
            "{A} Partnership NHS FT",
            "People and carers know what to do when things get worse",
            "Audit shows 78% have a plan",
        ),
        (
            "Provide a text and online support service for young people aged 11 to 18",
            "Children's Services",
            "Young people can ask for help in the way they prefer",
            "Contract awarded",
        ),
        (
            "Set up a carers' helpline for family members worried about someone becoming unwell",
            "{A} Carers Centre",
            "Carers supported before a crisis",
            "Not yet funded",
        ),
        (
            "Work with housing providers so that tenants at risk of losing their home are "
            "referred early",
            "{A} Council Housing Options",
            "Fewer crises caused by eviction",
            "Referral route agreed with three landlords",
        ),
        (
            "Let people refer themselves to the crisis team without going through their GP",
            "{A} Partnership NHS FT",
            "Nobody needs a professional to ask for help",
            "Self-referral accepted from November",
        ),
    ],
    3: [
        (
            "Run a street triage scheme with a mental health nurse in a police car on the "
            "busiest evenings",
            "County Police and {A} Partnership NHS FT",
            "Fewer section 136 detentions",
            "Scheme runs four nights a week",
        ),
        (
            "Stop using police cells as a place of safety for anyone under 18",
            "County Police",
            "No child is held in a police cell",
            "None since April",
        ),
        (
            "Agree ambulance conveyance for section 136 within 30 minutes of the police call",
            "SECAmb",
            "People are taken to a place of safety in an ambulance, not a police car",
            "Response within 30 minutes in 64% of cases",
        ),
        (
            "Open a second health-based place of safety so that the suite is never full",
            "{A} Partnership NHS FT",
            "Police cells used only in exceptional cases",
            "Building work starts in January",
        ),
        (
            "Provide a 24-hour psychiatric liaison service in the emergency department",
            "{A} Hospitals NHS Trust",
            "People in crisis in A&E are assessed within one hour",
            "Core 24 service in place from October",
        ),
        (
            "Agree a protocol for approved mental health professionals to attend a place of "
            "safety within three hours",
            "{A} Council Adult Social Care",
            "Shorter waits for a Mental Health Act assessment",
            "Protocol signed",
        ),
        (
            "Put a mental health professional in the police control room to advise officers",
            "County Police",
            "Officers get advice before they detain",
            "Pilot started in September",
        ),
        (
            "Agree how British Transport Police will use the local place of safety",
            "British Transport Police",
            "One pathway for everyone detained in the county",
            "Meeting arranged",
        ),
        (
            "Give the crisis resolution and home treatment team capacity to respond within "
            "four hours, 24 hours a day",
            "{A} Partnership NHS FT",
            "Crisis assessment at home at any hour",
            "Night staffing recruited",
        ),
        (
            "Record every use of police custody as a place of safety and review each case at "
            "the partnership group",
            "County Police",
            "Lessons learned from each case",
            "Three cases reviewed this quarter",
        ),
    ],
    4: [
        (
            "Train all front-line police officers in mental health awareness using the "
            "College of Policing package",
            "County Police",
            "Officers respond with understanding",
            "82% of officers trained",
        ),
        (
            "Survey people who have used the place of safety about their experience",
            "{A} Healthwatch",
            "Services improve from what people tell us",
            "Survey designed with service users",
        ),
        (
            "Make sure interpreters can be reached for Mental Health Act assessments at any hour",
            "{A} Council Adult Social Care",
            "People understand what is happening to them",
            "Telephone interpreting contract extended",
        ),
        (
            "Audit the physical health checks given to people admitted in crisis",
            "{A} Partnership NHS FT",
            "Physical needs are not missed",
            "Audit due in the new year",
        ),
        (
            "Review the care of people with a learning disability or autism who present in crisis",
            "{A} CCG Learning Disability Team",
            "Reasonable adjustments made in crisis care",
            "Review group formed",
        ),
        (
            "Agree joint training for ambulance crews and crisis team staff",
            "SECAmb and {A} Partnership NHS FT",
            "Shared understanding across services",
            "Two joint sessions held",
        ),
        (
            "Introduce a crisis plan shared electronically between the trust, GPs and the "
            "ambulance service",
            "{A} Partnership NHS FT",
            "Staff see the person's own plan in an emergency",
            "Technical work under way",
        ),
        (
            "Check that Black and minority ethnic communities are not over-represented in "
            "detentions and act on the findings",
            "{A} CCG Equality Lead",
            "Fair treatment for all communities",
            "Data analysed; report to the group",
        ),
        (
            "Make sure a carer is told and involved when someone they care for is detained",
            "{A} Partnership NHS FT",
            "Carers are not left without information",
            "Carers' policy revised",
        ),
        (
            "Provide a safe, quiet room for people in crisis in the emergency department",
            "{A} Hospitals NHS Trust",
            "A dignified place to wait",
            "Room refurbished",
        ),
    ],
    5: [
        (
            "Offer every person leaving a crisis service a follow-up contact within seven days",
            "{A} Partnership NHS FT",
            "Fewer repeat crises and readmissions",
            "95% contacted within seven days",
        ),
        (
            "Set up a recovery college offering courses written with people with lived experience",
            "{A} Partnership NHS FT and Mind",
            "People build skills to stay well",
            "First term of 12 courses complete",
        ),
        (
            "Develop peer support workers in the crisis and home treatment team",
            "{A} Partnership NHS FT",
            "Support from people who have been there",
            "Four peer workers in post",
        ),
        (
            "Work with the drug and alcohol service on joint care plans for people with both needs",
            "{A} Council Public Health",
            "People with a dual diagnosis are not turned away",
            "Joint protocol agreed",
        ),
        (
            "Provide employment support for people recovering from a mental health crisis",
            "Jobcentre Plus and {A} Council",
            "More people in work after a crisis",
            "Individual placement and support scheme funded",
        ),
        (
            "Review the people who attend A&E most often and agree a care plan with each",
            "{A} Hospitals NHS Trust",
            "Fewer repeat attendances",
            "12 people on the list have plans",
        ),
        (
            "Extend crisis house stays for people waiting for housing",
            "{A} Council Housing Options",
            "No discharge to the street",
            "Agreement in place",
        ),
        (
            "Give people discharged from hospital a named contact in the voluntary sector",
            "Mind in {A}",
            "Someone to turn to after discharge",
            "Scheme started",
        ),
        (
            "Agree support for people leaving police custody after a mental health assessment",
            "Liaison and Diversion Service",
            "People are not released without help",
            "Pathway drafted",
        ),
        (
            "Run a suicide prevention campaign with local employers",
            "{A} Council Public Health",
            "Fewer deaths by suicide",
            "Campaign launched in September",
        ),
    ],
}


@dataclass
class Row:
    """One action: the cells as the document shows them and what a reader records."""

    ref: str  # the ref cell as written
    action: str
    timescale: str
    lead: str
    due: str | None  # ISO date, typed by hand
    section: int | None = None  # filled from the section the row sits in
    status: str = ""  # canonical status, typed by hand
    rag: str = ""
    new: bool = False
    removed: bool = False
    outcome: str = ""
    progress: str = ""
    tref: str | None = None  # the ref a reader records, where it differs from the cell
    taction: str | None = None  # the action a reader records, where it differs
    ttimescale: str | None = None  # the timescale a reader records, where it differs
    tlead: str | None = None  # the lead a reader records, where it differs
    cells: dict = field(default_factory=dict)  # any other column: heading -> text

    def truth(self):
        def squash(text):
            # Word/ODF list formatting ("•W ", "#W ") is read as a bullet, or as nothing
            lines = [
                "• " + line[3:] if line.startswith("•W ") else line.removeprefix("#W ")
                for line in str(text).split("\n")
            ]
            return " ".join(" ".join(lines).split())

        return {
            "ref": squash(self.tref if self.tref is not None else self.ref),
            "section": self.section,
            "action": squash(self.taction if self.taction is not None else self.action),
            "lead": squash(self.tlead if self.tlead is not None else self.lead),
            "timescale": squash(self.ttimescale if self.ttimescale is not None else self.timescale),
            "canonical_status": self.status,
            "rag": self.rag,
            "new": self.new,
            "due": self.due,
            "removed": self.removed,
        }


def pooled(area, section, index):
    """(action, lead, outcome, progress) from the pool, with the area's name."""
    return tuple(text.replace("{A}", area) for text in POOL[section][index])


def row(area, section, index, ref, timescale, due, **kwargs):
    """A Row from the pool; keyword arguments override any cell or truth value."""
    action, lead, outcome, progress = pooled(area, section, index)
    values = {"action": action, "lead": lead, "outcome": outcome, "progress": progress}
    values.update(kwargs)
    return Row(ref=ref, timescale=timescale, due=due, section=section or None, **values)
