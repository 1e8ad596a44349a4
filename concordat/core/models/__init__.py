from .areas import Area, Region
from .audit import AuditEntry
from .evidence import UpdateEvidence
from .forms import SubmittedForm
from .organisations import NationalRole, Organisation, Section, Sector
from .plans import (
    CLOSED_STATUSES,
    Action,
    ActionIdentity,
    ActionLead,
    ActionPlan,
    CanonicalStatus,
    PlanVersion,
    ProgressUpdate,
    PublishedVersionError,
    Rag,
)

__all__ = [
    "Action",
    "ActionIdentity",
    "ActionLead",
    "ActionPlan",
    "Area",
    "AuditEntry",
    "CLOSED_STATUSES",
    "CanonicalStatus",
    "NationalRole",
    "Organisation",
    "PlanVersion",
    "ProgressUpdate",
    "PublishedVersionError",
    "Rag",
    "Region",
    "Section",
    "Sector",
    "SubmittedForm",
    "UpdateEvidence",
]
