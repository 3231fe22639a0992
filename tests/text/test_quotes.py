"""Quoted posts, quote headers and signature blocks taken out of the author's own words."""

import pandas as pd
import pytest

from feedback_nlp.text.clean import clean_comment, clean_text
from feedback_nlp.text.quotes import QUOTE_ISSUES, split_quote_tags, strip_quotes

PRAISE = "Refund arrived today, great support, thank you!"
COMPLAINT = "I was charged twice, worst service"


def test_quoted_lines_are_removed_and_kept_aside():
    out = clean_comment(f"> {COMPLAINT}\n{PRAISE}")
    assert out.text == PRAISE
    assert out.quoted == f"> {COMPLAINT}"
    assert out.signature == ""
    assert out.issues == ["quoted_text_removed"]


@pytest.mark.parametrize(
    "raw",
    [
        f">> {COMPLAINT}\n> no refund either\n{PRAISE}",
        f"> > {COMPLAINT}\n>\n> no refund either\n{PRAISE}",
        f">>{COMPLAINT}\n{PRAISE}",
        f"{PRAISE}\n\n> {COMPLAINT}",  # a top-posted reply: the quote follows
        f"<p>&gt; {COMPLAINT}</p><p>{PRAISE}</p>",  # an HTML mail's escaped quote marks
    ],
)
def test_nested_trailing_and_escaped_quote_marks(raw):
    assert clean_comment(raw).text == PRAISE


def test_interleaved_quotes_keep_every_answer():
    raw = "> Did it arrive?\nYes, on time.\n> Was it damaged?\nNo, perfect."
    assert clean_comment(raw).text == "Yes, on time.\nNo, perfect."


@pytest.mark.parametrize(
    "raw",
    [
        f"bob wrote:\n[quote]{COMPLAINT}[/quote]{PRAISE}",
        f"[quote=angry_bob]{COMPLAINT}[/quote]\n{PRAISE}",
        f'[QUOTE="angry_bob"]{COMPLAINT}[/QUOTE] {PRAISE}',
        f"[quote=bob post_id=12 time=1714720000]{COMPLAINT}[/quote]{PRAISE}",
        f"[quote=a][quote=b]{COMPLAINT}[/quote]no refund[/quote]{PRAISE}",
        f"<blockquote>{COMPLAINT}</blockquote>{PRAISE}",
        f'<blockquote class="x"><p>{COMPLAINT}</p><blockquote>no</blockquote></blockquote>'
        f"<p>{PRAISE}</p>",
    ],
)
def test_quote_tags_and_their_text_are_removed(raw):
    out = clean_comment(raw)
    assert out.text == PRAISE
    assert "charged twice" in out.quoted
    assert out.issues == ["quoted_text_removed"]


def test_text_around_a_quote_tag_is_kept_in_order():
    raw = f"[b]Update:[/b] [quote=bob]{COMPLAINT}[/quote] {PRAISE}"
    assert clean_comment(raw).text == f"Update:\n{PRAISE}"


@pytest.mark.parametrize(
    "header",
    [
        "angry_bob wrote:",
        "On 3 May 2026, Bob <bob@x.com> wrote:",
        "On Sat, 3 May 2026 at 10:15, Bob Smith <bob@x.com> wrote:",
        "Am 03.05.2026 schrieb Bob:",
        "Le 3 mai 2026, Bob a écrit :",
        "El 3 may 2026, Bob escribió:",
        "Il giorno 3 mag 2026, Bob ha scritto:",
        "Em 3 de mai. de 2026, Bob escreveu:",
    ],
)
@pytest.mark.parametrize("quote", [f"> {COMPLAINT}", f"[quote]{COMPLAINT}[/quote]"])
def test_a_quote_header_goes_with_its_quote(header, quote):
    out = clean_comment(f"{PRAISE}\n\n{header}\n{quote}")
    assert out.text == PRAISE
    assert clean_text(header) in out.quoted  # "<bob@x.com>" reads as a tag to clean_text
    assert clean_comment(f"{header}\n{quote}\n{PRAISE}").text == PRAISE


def test_a_header_in_html_before_a_blockquote():
    raw = (
        f"<div>{PRAISE}</div><div class='gmail_quote'>Am 03.05.2026 schrieb Bob:<br>"
        f"<blockquote>{COMPLAINT}</blockquote></div>"
    )
    assert clean_comment(raw).text == PRAISE


def test_a_header_wrapped_by_the_mail_client_goes_whole():
    for first, second in [
        ("On Sat, 3 May 2026 at 10:15, Bob Smith <bob@x.com>", "wrote:"),
        ("On Sat, 3 May 2026 at 10:15, Bob", "Smith <bob@x.com> wrote:"),
    ]:
        out = clean_comment(f"{PRAISE}\n\n{first}\n{second}\n> {COMPLAINT}")
        assert out.text == PRAISE
    undated = f"On Monday I called support\nangry_bob wrote:\n> {COMPLAINT}"
    assert clean_comment(undated).text == "On Monday I called support"


def test_a_quoted_header_line_without_space_marks():
    """After a header, '>' without a space counts too (old mail clients)."""
    raw = f"angry_bob wrote:\n>{COMPLAINT}\n>50% of my order was missing\n{PRAISE}"
    assert clean_comment(raw).text == PRAISE


@pytest.mark.parametrize(
    "raw",
    [
        f"{PRAISE}\n--\nJan Kowalski | Senior IT Admin | <EMAIL> | <PHONE>",
        f"{PRAISE}\n-- \nJan Kowalski\nSenior IT Admin\nACME Sp. z o.o.",
        f"{PRAISE}\r\n-- \r\nJan",
    ],
)
def test_signature_block_after_the_delimiter_is_removed(raw):
    out = clean_comment(raw)
    assert out.text == PRAISE
    assert out.signature.startswith("Jan")
    assert out.issues == ["signature_removed"]


@pytest.mark.parametrize(
    "footer",
    [
        "Sent from my iPhone",
        "Sent from my Galaxy",
        "Sent from my Samsung Galaxy smartphone.",
        "Sent from my iPhone 15 Pro",
        "Envoyé de mon iPhone",
        "Von meinem iPhone gesendet",
        "Enviado desde mi iPhone",
        "Inviato da iPhone",
        "Enviado do meu iPhone",
        "Get Outlook for Android",
        "Get Outlook for iOS",
    ],
)
def test_mobile_footer_on_its_own_line_is_removed(footer):
    out = clean_comment(f"{PRAISE}\n\n{footer}")
    assert out.text == PRAISE
    assert out.signature == footer
    assert out.issues == ["signature_removed"]
    alone = clean_comment(footer)
    assert (alone.text, alone.issues) == ("", ["signature_removed"])


def test_footer_then_quote_then_signature_all_removed():
    raw = (
        f"{PRAISE}\n-- \nJan Kowalski | Senior IT Admin\n\nSent from my iPhone\n\n"
        f"On 3 May 2026, Bob <bob@x.com> wrote:\n> {COMPLAINT}"
    )
    out = clean_comment(raw)
    assert out.text == PRAISE
    assert out.issues == ["quoted_text_removed", "signature_removed"]
    assert "Bob" in out.quoted and "Jan" in out.signature


@pytest.mark.parametrize(
    "raw",
    [
        "> 5 days late",
        ">50% price rise",
        "> 5 days late\nand nobody called back",
        "> €20 extra for shipping\nno thanks",
        ">50% price rise\nnot happy",
        "the app sent from my iPhone a wrong order",
        "Sent from my iPhone a wrong order arrived\nplease fix",
        "Sent from my phone because the app was down",
        "great app -- but slow",
        "Pros: fast\n---\nCons: slow",
        "Pros: fast\n--- \nCons: slow",
        "price went up -- again\n--not happy",
        "angry_bob wrote: the app keeps crashing",
        "angry_bob wrote:\nthe app keeps crashing",  # no quote marks: nothing to tell apart
        "a > b and b > c\nso a > c",
        "I went to Settings\n> Privacy\n> Delete account\nand it crashed",  # a menu path
        "Steps:\n> open app\n> tap pay\ncrash",
        "Pros:\n> Decent selection of elements\n> Fair price for the content\nCons:\n> few",
        "< Go to your library, click on the game.\n> Locate the part that says DLC, below.",
        "[quote]never closed, refund please",
        "[quote]My verdict: 9/10, buy it.[/quote]\nThe story drags in act two.",  # a Steam box
        "--",
    ],
)
def test_false_positives_are_left_alone(raw):
    out = clean_comment(raw)
    assert out.text == clean_text(raw)
    assert out.issues == []


def test_a_long_block_after_a_delimiter_is_not_a_signature():
    raw = "Update\n--\n" + "\n".join(f"point {i}: still broken" for i in range(12))
    assert clean_comment(raw).text == clean_text(raw)
    prose = "The story is fine.\n--\nI really enjoyed it. " + "Storytelling is an art. " * 20
    assert clean_comment(prose).text == clean_text(prose)


def test_a_post_that_is_only_a_quote_keeps_nothing_and_says_so():
    out = clean_comment(f"> {COMPLAINT}\n> no refund either")
    assert out.text == ""
    assert out.quoted == f"> {COMPLAINT}\n> no refund either"
    assert out.issues == ["quoted_text_removed", "quote_only"]
    tagged = clean_comment(f"[quote=bob]{COMPLAINT}[/quote]\n\nSent from my iPhone")
    assert tagged.text == ""
    assert tagged.issues == ["quoted_text_removed", "signature_removed", "quote_only"]


@pytest.mark.parametrize(
    "raw",
    [
        None,
        float("nan"),
        pd.NA,
        "",
        "<p>Hello</p><p>World</p>",
        "[b]Pros:[/b] [list][*]story[*]price[/list]",
        "kept <EMAIL> placeholder",
        "Ã©tÃ© mojibake",
        "  many \t  spaces\r\n\r\n\n next  ",
        '[quote="ann"]never closed',
    ],
)
def test_text_without_quotes_is_cleaned_as_before(raw):
    out = clean_comment(raw)
    assert (out.text, out.quoted, out.signature) == (clean_text(raw), "", "")


def test_the_parts_functions_directly():
    assert split_quote_tags(f"a[quote=x]{COMPLAINT}[/quote]b") == [
        (False, "a"),
        (True, f"[quote=x]{COMPLAINT}[/quote]"),
        (False, "b"),
    ]
    assert split_quote_tags(f"a[quote]{COMPLAINT}[/quote]b") == [
        (False, f"a[quote]{COMPLAINT}[/quote]b")
    ]
    assert split_quote_tags("no quote [/quote] here") == [(False, "no quote [/quote] here")]
    assert strip_quotes([(False, f"> {COMPLAINT}\n{PRAISE}")]).text == PRAISE
    assert set(QUOTE_ISSUES) == {"quoted_text_removed", "signature_removed", "quote_only"}


@pytest.mark.parametrize(
    "earlier",
    [
        "-----Original Message-----\nFrom: Northwind <support@northwind.example>\n"
        "Sent: Monday, October 5, 2026 10:12\nTo: John\nSubject: Re: refund\n\n"
        "Thank you for contacting Northwind, an agent will get back to you.",
        "-----Ursprüngliche Nachricht-----\nVon: Northwind\nGesendet: Montag\nAn: Hans\n"
        "Vielen Dank für Ihre Nachricht.",
        "From: Northwind Support\nSent: Monday, October 5, 2026\nTo: John\nSubject: Ticket 123\n"
        "Your ticket has been received.",
        "De : Northwind\nEnvoyé : lundi 5 octobre 2026\nÀ : Claire\nMerci de nous avoir écrit.",
    ],
)
def test_an_earlier_message_a_mail_client_appended_is_taken_out(earlier):
    """A ticket's description holding the whole thread: before stop 48 the company's own
    auto-reply under "-----Original Message-----" became a ticket export's top theme."""
    out = clean_comment(f"{COMPLAINT}\n\n{earlier}")
    assert out.text == COMPLAINT
    assert out.issues == ["quoted_text_removed"]


def test_from_and_to_in_the_authors_own_words_stay():
    raw = "From: the first day the app crashed.\nTo: be honest I gave up."
    assert clean_comment(raw).text == clean_text(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "My booking:\nFrom: London\nTo: Paris\nDate: 12 May\nThe train was 2 hours late.",
        "Route\nFrom: Berlin Hbf\nTo: München\nDate: 3.5.2026\nZug fiel aus, keine Info.",
        "Great app.\n--\nUpdate: after the last release it crashes on start, please fix",
    ],
)
def test_a_booking_or_an_update_after_a_separator_is_the_authors_own(raw):
    """Found by a reviewer in the first version: the complaint itself was taken out."""
    out = clean_comment(raw)
    assert out.text == clean_text(raw) and out.issues == []


@pytest.mark.parametrize(
    "earlier",
    [
        "De: Northwind\nEnviado el: lunes, 5 de octubre\nPara: Ana\nGracias por escribirnos.",
        "De: Northwind\nEnviada em: segunda-feira\nPara: Rui\nObrigado.",
        "From: Support <support@northwind.example>\nDate: Mon, 5 Oct 2026\nTo: John\nReceived.",
    ],
)
def test_spanish_portuguese_and_dated_mail_headers_are_earlier_messages(earlier):
    assert clean_comment(f"{COMPLAINT}\n\n{earlier}").text == COMPLAINT


def test_an_address_in_angle_brackets_is_no_tag():
    """Before stop 48 `<bob@x.com>` was removed as an HTML tag, so redaction never saw it."""
    assert clean_text("Bob <bob@x.com> wrote <b>this</b>") == "Bob <bob@x.com> wrote this"
