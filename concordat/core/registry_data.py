"""What the seed documents do not say about organisations: short names, aliases, sectors.

Seed 002 gives the national organisations' names and roles; plans refer to them by the
abbreviations and variants below. Local organisations are those the South West Essex plan
names (seed 004). The registry is data: areas and the office extend it in the admin.
"""

from .models.organisations import Sector

# name as seed 002 writes it → (short name, aliases, sector)
NATIONAL_ORGANISATIONS = {
    "Association of Ambulance Chief Executives": ("AACE", [], Sector.AMBULANCE),
    "Association of Directors of Adult Social Services": ("ADASS", [], Sector.LOCAL_AUTHORITY),
    "Association of Directors of Children's Services": ("ADCS", [], Sector.LOCAL_AUTHORITY),
    "Association of Police and Crime Commissioners": ("APCC", [], Sector.POLICE),
    "British Transport Police": ("BTP", [], Sector.POLICE),
    "Care Quality Commission": ("CQC", [], Sector.REGULATOR),
    "Chief Fire Officers Association": ("CFOA", [], Sector.FIRE),
    "College of Emergency Medicine": (
        "CEM",
        ["RCEM", "Royal College of Emergency Medicine"],
        Sector.PROFESSIONAL_BODY,
    ),
    "College of Policing": ("CoP", [], Sector.POLICE),
    "Department of Health": ("DH", ["DoH"], Sector.GOVERNMENT),
    "Health Education England": ("HEE", [], Sector.NATIONAL_BODY),
    "Home Office": ("HO", [], Sector.GOVERNMENT),
    "Local Government Association": ("LGA", [], Sector.LOCAL_AUTHORITY),
    "Mind": ("Mind", [], Sector.VOLUNTARY),
    "Ministry of Defence": ("MoD", [], Sector.GOVERNMENT),
    "Monitor": ("Monitor", [], Sector.REGULATOR),
    "National Police Chiefs' Council": (
        "NPCC",
        ["ACPO", "National Policing Lead for Mental Health", "National Policing Lead"],
        Sector.POLICE,
    ),
    "NHS Clinical Commissioners, Mental Health Network": (
        "NHSCC",
        ["NHS Clinical Commissioners", "Mental Health Network", "CCG Mental Health Network"],
        Sector.NHS_COMMISSIONER,
    ),
    "NHS Confederation": ("NHS Confed", ["NHS Mental Health Confederation"], Sector.NATIONAL_BODY),
    "NHS England": ("NHSE", ["NHS E"], Sector.NHS_COMMISSIONER),
    "NHS Providers": ("NHS Providers", [], Sector.NHS_PROVIDER),
    "Public Health England": ("PHE", [], Sector.NATIONAL_BODY),
    "Royal College of General Practitioners": ("RCGP", [], Sector.PROFESSIONAL_BODY),
    "Royal College of Nursing": ("RCN", [], Sector.PROFESSIONAL_BODY),
    "Royal College of Paediatrics and Child Health": ("RCPCH", [], Sector.PROFESSIONAL_BODY),
    "Royal College of Psychiatrists": (
        "RCPsych",
        ["RC Psych", "RCPsych", "Royal College of Psychiatry"],
        Sector.PROFESSIONAL_BODY,
    ),
    # Supporters.
    "Behind the Mask Foundation": ("", [], Sector.VOLUNTARY),
    "Carers Trust": ("", [], Sector.VOLUNTARY),
    "Centre for Mental Health": ("", [], Sector.VOLUNTARY),
    "CLASP": ("CLASP", [], Sector.VOLUNTARY),
    "Crossrail": ("", [], Sector.OTHER),
    "Mental Health Foundation": ("MHF", [], Sector.VOLUNTARY),
    "Mental Health Providers Forum": ("MHPF", [], Sector.VOLUNTARY),
    "Missing People": ("", [], Sector.VOLUNTARY),
    "Nacro": ("", [], Sector.VOLUNTARY),
    "National Housing Federation": ("NHF", [], Sector.HOUSING),
    "National Survivor User Network": ("NSUN", [], Sector.VOLUNTARY),
    "Recovery Focus": ("", [], Sector.VOLUNTARY),
    "Rethink Mental Illness": ("Rethink", [], Sector.VOLUNTARY),
    "RNLI": ("RNLI", ["Royal National Lifeboat Institution"], Sector.VOLUNTARY),
    "Stonewall": ("", [], Sector.VOLUNTARY),
    "Together for mental wellbeing": ("Together", [], Sector.VOLUNTARY),
    "Turning Point": ("", [], Sector.VOLUNTARY),
    "Young Minds": ("YoungMinds", ["YoungMinds"], Sector.VOLUNTARY),
}

# Local organisations that the South West Essex plan names by abbreviation.
LOCAL_ORGANISATIONS = {
    "South Essex Partnership University NHS Foundation Trust": (
        "SEPT",
        ["South Essex Partnership Trust"],
        Sector.NHS_PROVIDER,
    ),
    "Basildon and Thurrock University Hospitals NHS Foundation Trust": (
        "BTUH",
        ["Basildon and Thurrock University Hospitals"],
        Sector.NHS_PROVIDER,
    ),
    "North East London NHS Foundation Trust": ("NELFT", [], Sector.NHS_PROVIDER),
    "East of England Ambulance Service NHS Trust": (
        "EEAST",
        ["East of England Ambulance Service"],
        Sector.AMBULANCE,
    ),
    "Essex Police": ("", [], Sector.POLICE),
    "Essex County Council": ("ECC", ["Essex CC"], Sector.LOCAL_AUTHORITY),
    "Thurrock Council": (
        "TBC",
        ["Thurrock BC", "Thurrock Borough Council"],
        Sector.LOCAL_AUTHORITY,
    ),
    "Southend-on-Sea Borough Council": (
        "SBC",
        ["Southend Borough Council"],
        Sector.LOCAL_AUTHORITY,
    ),
    "Basildon and Brentwood Clinical Commissioning Group": (
        "BBCCG",
        ["Basildon and Brentwood CCG"],
        Sector.NHS_COMMISSIONER,
    ),
    "Castle Point and Rochford Clinical Commissioning Group": (
        "CPR CCG",
        ["Castle Point and Rochford CCG"],
        Sector.NHS_COMMISSIONER,
    ),
    "Thurrock Clinical Commissioning Group": ("Thurrock CCG", [], Sector.NHS_COMMISSIONER),
    "Basildon Mind": ("", [], Sector.VOLUNTARY),
}
