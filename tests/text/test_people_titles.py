"""Titles and the checks that refuse them (`feedback_nlp.text.people_titles`), through
`redact_names` and `redact_pii`."""

import pytest

from feedback_nlp.text.people import redact_names
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pan Wiśniewski z urzędu nie oddzwonił.", "Pan <NAME> z urzędu nie oddzwonił."),
        ("Pan Zając obiecał pomoc, ale nic.", "Pan <NAME> obiecał pomoc, ale nic."),
        ("Dziękuję, Pan Lis pomógł mi szybko.", "Dziękuję, Pan <NAME> pomógł mi szybko."),
        ("Pan Nowicki byl bardzo niemily", "Pan <NAME> byl bardzo niemily"),  # no ł typed
        ("pan Nowicki byl bardzo niemily", "pan <NAME> byl bardzo niemily"),
        ("Pane Horáku, děkuji za pomoc", "Pane <NAME>, děkuji za pomoc"),  # Czech vocative
    ],
)
def test_a_capitalised_pan_in_polish_or_czech_text_is_a_title(raw, expected):
    """Probe 51: "Pan Kowalski …" at a sentence start kept the name "pan Kowalski" lost."""
    assert redact_pii(raw) == (expected, ["name"])


@pytest.mark.parametrize(
    "raw",
    [
        "El Pan Integral Marca estaba duro",  # Spanish bread, capitalised
        "el pan Artesano estaba duro",
        "Pan Am lost my bag",
        "Leciałem kiedyś Pan Am do Nowego Jorku",  # Polish text, but the airline
        "Widziałem Peter Pan Show w teatrze, był świetny",  # after a capitalised word
        "Pane Casereccio era secco",  # Italian bread
        "PAN KOWALSKI BYŁ NIEMIŁY",  # capitals: an acronym as often
    ],
)
def test_pan_as_bread_an_airline_or_a_character_stays(raw):
    assert redact_names(raw, "<NAME>") == (raw, False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cllr Price promised a reply", "Cllr <NAME> promised a reply"),
        ("cllr. Price never came", "cllr. <NAME> never came"),
        ("Councillor Eleri Vaughan ignored us", "Councillor <NAME> ignored us"),
        ("our councillor Vaughan ignored us", "our councillor <NAME> ignored us"),
        ("PC Pritchard took a statement", "PC <NAME> took a statement"),
        ("I spoke to PCSO Bevan today", "I spoke to PCSO <NAME> today"),
        ("DC Rowlands and DS Owen came", "DC <NAME> and DS <NAME> came"),
        ("Officer Lloyd was kind", "Officer <NAME> was kind"),
        ("Inspector Baines called back", "Inspector <NAME> called back"),
        ("Sergeant Hughes, Sgt Hale and Sgt. Ward", "Sergeant <NAME>, Sgt <NAME> and Sgt. <NAME>"),
        ("Constable Reese was rude", "Constable <NAME> was rude"),
    ],
)
def test_uk_public_sector_titles_are_name_cues(raw, expected):
    """Probe 51: councillors', police officers' and officers' names were kept."""
    assert redact_pii(raw) == (expected, ["name"])


@pytest.mark.parametrize(
    "raw",
    [
        "PC World refused a refund",
        "bought it at PC Specialist",
        "my PC Lenovo crashed again",
        "mon PC Asus est lent",
        "the PC Version crashes on start",
        "DC Comics sent the wrong issue",
        "my DS Lite screen broke",
        "PC WILLIAMS WAS RUDE",  # shouting: no sign of a name
        "pc Williams was rude",  # "pc" in lower case is a computer
        "new PC Monday",
    ],
)
def test_computers_stores_and_comics_after_pc_or_dc_stay(raw):
    assert redact_names(raw, "<NAME>") == (raw, False)


@pytest.mark.parametrize(
    "raw",
    [
        "Officer Training was excellent",
        "Sergeant Pepper tribute band was loud",
        "The Inspector Calls play was great",
        "Constable Country walk was lovely",
        "DC Fast charging at the station failed",
        "Played it on PC Ultra settings, smooth",
        "DS Automobiles dealer was rude",
    ],
)
def test_common_words_after_a_rank_or_office_stay(raw):
    """Review 51: a rank or office before common words names no one."""
    assert redact_names(raw, "<NAME>") == (raw, False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nurse Jo was amazing on the night shift", "Nurse <NAME> was amazing on the night shift"),
        ("Staff Nurse Okafor was rude to my mum", "Staff Nurse <NAME> was rude to my mum"),
        ("Sister Agnes ran the ward like clockwork", "Sister <NAME> ran the ward like clockwork"),
        ("Matron Hughes sorted out the complaint", "Matron <NAME> sorted out the complaint"),
        ("the HCA Bethany helped me wash", "the HCA <NAME> helped me wash"),
        ("Midwife Claire Evans was lovely", "Midwife <NAME> was lovely"),
        ("Thank you Nurse Jo and Sister Agnes", "Thank you Nurse <NAME> and Sister <NAME>"),
        ("Doktor Kowalski był bardzo miły", "Doktor <NAME> był bardzo miły"),
        ("Pielęgniarka Kasia była bardzo miła", "Pielęgniarka <NAME> była bardzo miła"),
        ("Dra. Sousa foi muito simpática", "Dra. <NAME> foi muito simpática"),
        ("Enfermeira Ana foi muito simpática", "Enfermeira <NAME> foi muito simpática"),
        ("Nyrs Siân yn wych", "Nyrs <NAME> yn wych"),
        ("Schwester Anja war sehr nett", "Schwester <NAME> war sehr nett"),
    ],
)
def test_clinical_and_nursing_titles_are_name_cues(raw, expected):
    """Probe 52 (health): nurses', sisters' and midwives' names reached quotes and themes."""
    assert redact_pii(raw) == (expected, ["name"])


@pytest.mark.parametrize(
    "raw",
    [
        "my sister came with me to every appointment",
        "Sister company of the hospital runs the car park",
        "Sister Company staff were rude",
        "Nurse practitioner was great",
        "The Nurse Practitioner explained it",
        "the nurse was kind",
        "The Sister Act musical was on the ward TV",
        "HCA Healthcare runs the clinic",
        "NURSE JO WAS RUDE",  # shouting: no sign of a name
        "The Nurse Did A Great Job",  # Title Case: a common word after the title stays
        "Nurse Will Be Missed",
        "Sister I'm all packed to go",
        "Schwester Station war laut",  # German nouns after a German care title stay
    ],
)
def test_care_words_relatives_and_compounds_after_a_care_title_stay(raw):
    assert redact_names(raw, "<NAME>") == (raw, False)


@pytest.mark.parametrize(
    "raw",
    [
        "Nurse Never came",
        "Nurse Rude",
        "Nurse Did a great job",
        "Nurse Please call me",
        "Midwife Brilliant care",
        "Matron Round today",
        "Sister Hospital ward",
        "Nurse Very kind",
        "Sister Dora Ward",
        "Matron Smith Unit",
    ],
)
def test_ordinary_words_and_wards_after_a_capitalised_care_title_stay(raw):
    """Review of stop 52: the lax care-title rule took adverbs, adjectives and wards."""
    assert redact_pii(raw)[0] == raw


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nurse Jo was kind", "Nurse <NAME> was kind"),
        ("Sister Agnes helped", "Sister <NAME> helped"),
        ("Matron Hughes came", "Matron <NAME> came"),
        ("Sister Grace was lovely", "Sister <NAME> was lovely"),
    ],
)
def test_names_after_a_capitalised_care_title_are_still_taken(raw, expected):
    assert redact_pii(raw)[0] == expected
