"""Names after a self-introduction in scripts without letter case (Hebrew, Arabic, Urdu,
Hindi, Chinese, Japanese), for :func:`feedback_nlp.text.people.redact_names`: each pattern
finds a cue and its `name` group, and its measure says how much of it is a name (0: none)."""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[re.Match[str]], int]


#: Letters of Hebrew, Arabic (Persian, Urdu) and Devanagari, with their vowel signs; no
#: punctuation ("،", "؟", "।"), which ends a name.
_UNCASED_LETTER = (
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4-\u05c7\u05d0-\u05ea\u05f0-\u05f4"
    "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0900-\u0963\u0971-\u097f]"
)
#: Self-introductions in scripts without case: the one or two words after the cue.
_UNCASED_INTRODUCTION = re.compile(
    rf"(?<!{_UNCASED_LETTER})(?:שמי|קוראים לי|השם שלי(?: הוא)?|و?[اإ]سمي|اسمى|میرا نام|"
    rf"मेरा नाम)[ \t]*:?[ \t]*(?P<name>{_UNCASED_LETTER}+(?:[ \t]+{_UNCASED_LETTER}+)?)"
)
#: Words after such a cue that are no name: verbs, pronouns, prepositions ("मेरा नाम राहुल
#: है", "اسمي محمد من …"); a second word starting with "and" (ו, و) is not taken either.
_UNCASED_NOT_NAMES = frozenset(
    """אני הוא היא של מ זה לי है हैं हूँ हूं था थी और से का की के ने को में मैं من في على
    عن الى إلى أنا انا هو هي ہے ہوں اور""".split()  # noqa: SIM905 (a word list)
)


def _uncased_name_length(match: re.Match[str]) -> int:
    """The length of the one or two name words after an uncased self-introduction."""
    words = match.group("name").split()
    if words[0] in _UNCASED_NOT_NAMES:
        return 0
    if len(words) == 2 and (words[1] in _UNCASED_NOT_NAMES or words[1][0] in "וو"):
        return len(words[0])
    return len(match.group("name"))


#: Chinese: after 我叫 ("I am called", also "I called …": 我叫了出租车) only a name that
#: starts with a common surname; after 我的名字是/叫, 我名叫 any; 2-3 characters (4 with a
#: two-character surname), cut before a character that ends a name (的, 了, 我, 想, 买 …).
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"
_ZH_INTRODUCTION = re.compile(rf"(?P<cue>我叫|我的名字[是叫]|我名叫)(?P<name>{_HAN}{{2,4}})")
_ZH_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范廖贾賈夏韦韋邹鄒孟熊秦"
    "邱尹薛闫段雷侯史陶黎贺賀顾顧毛郝龚龔邵严嚴覃武戴莫孔汤湯赖賴莊庄洪"
)
_ZH_DOUBLE_SURNAMES = tuple("欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 慕容".split())  # noqa: SIM905
_ZH_NAME_ENDS = re.compile(
    "[的了是在我你他她们們也都就想要从從给給对對把被说說今昨已刚剛买買订訂因所但而又还還很]"
)


def _zh_name_length(match: re.Match[str]) -> int:
    """The length of a Chinese name after a self-introduction (0: none)."""
    name = match.group("name")
    double = name.startswith(_ZH_DOUBLE_SURNAMES)
    if match.group("cue") == "我叫" and not double and name[0] not in _ZH_SURNAMES:
        return 0
    end = _ZH_NAME_ENDS.search(name)
    length = min(end.start() if end else len(name), 4 if double else 3)
    return length if length >= 2 else 0


#: Japanese: the kanji or katakana after 私の名前は … up to です, と申します, といいます or
#: the end of the sentence; after 私は only up to と申します/といいます (私は学生です is "I am
#: a student"). Names in hiragana are not taken.
_JA_WORD = "[\u4e00-\u9fff\u30a1-\u30fa\u30fb\u30fc]{1,8}"
_JA_NAME = rf"{_JA_WORD}(?:[ \u3000]{_JA_WORD})?"
_JA_SAYS = "と申します|といいます|と言います"
_JA_INTRODUCTIONS = (
    re.compile(
        rf"(?:私|わたし|わたくし|僕|ぼく|俺)の名前は(?P<name>{_JA_NAME})"
        rf"(?=です|でございます|{_JA_SAYS}|[。、！!？?\s]|$)"
    ),
    re.compile(rf"(?:私|わたし|わたくし|僕)は(?P<name>{_JA_NAME})(?={_JA_SAYS})"),
)


#: Chinese and Japanese: a common surname before a role or an honorific (张老师, 李教授,
#: 王经理, 陈先生; 田中さん, 佐藤先生), the surname replaced and the role kept ("<NAME>老师");
#: only at the text's start, after a character that is no Han letter or after a function
#: character (希望李教授, 给王经理): in 历史老师 ("history teacher") 史 is part of a word.
_ZH_ROLES = "老师|老師|教授|经理|經理|先生|女士|小姐|医生|醫生|主任|师傅|師傅|同学|同學"
_JA_SURNAMES = (
    "佐藤|鈴木|高橋|田中|伊藤|渡辺|渡邊|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|"
    "木村|斎藤|斉藤|清水|山崎|森|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田"
)
_BEFORE_SURNAME = (
    "的了是和跟与與给給让讓望对對向找问問请請被把说說位个個"
    "我你他她们們谢謝感叫在这這那及或也都还還就但而"
)
_NOT_HAN_BEFORE = "(?:^|(?<=[^\u3400-\u4dbf\u4e00-\u9fff\u30a1-\u30fa\u30fc]))"
_ZH_HONORIFIC = re.compile(
    rf"(?:{_NOT_HAN_BEFORE}|(?<=[{_BEFORE_SURNAME}]))"
    rf"(?P<name>{'|'.join(_ZH_DOUBLE_SURNAMES)}|[{''.join(sorted(_ZH_SURNAMES))}])(?={_ZH_ROLES})"
)
#: Words whose last character is a surname a function character goes before (谢谢 "thanks",
#: 这周 "this week", 也许 "maybe"): "谢谢老师" thanks a teacher and names no one.
_ZH_WORDS_ENDING_IN_SURNAME = frozenset(
    "谢谢 謝謝 感谢 感謝 这周 這周 那周 也许 也許 或许 或許 这段 這段 那段".split()  # noqa: SIM905
)


def _zh_honorific_length(match: re.Match[str]) -> int:
    """The length of a surname before a role, 0 where it ends a word (谢谢老师, 这周老师) or
    is 曾 of 曾经 ("once": 我曾经理解)."""
    start, name = match.start("name"), match.group("name")
    if match.string[max(0, start - 1) : start + 1] in _ZH_WORDS_ENDING_IN_SURNAME:
        return 0
    if name == "曾" and match.string.startswith("经", match.end("name")):
        return 0
    return len(name)


_JA_HONORIFIC = re.compile(rf"{_NOT_HAN_BEFORE}(?P<name>{_JA_SURNAMES})(?=さん|先生|様|氏|くん)")


#: The patterns and their measures.
UNCASED: tuple[tuple[re.Pattern[str], Measure], ...] = (
    (_UNCASED_INTRODUCTION, _uncased_name_length),
    (_ZH_INTRODUCTION, _zh_name_length),
    *(
        (pattern, lambda match: len(match.group("name")))
        for pattern in (*_JA_INTRODUCTIONS, _JA_HONORIFIC)
    ),
    (_ZH_HONORIFIC, _zh_honorific_length),
)
#: A letter of a script the `UNCASED` cues are written in: only then are they searched.
UNCASED_SCRIPT = re.compile("[\u0590-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff]")
