import pandas as pd

from feedback_nlp.insights import explain
from feedback_nlp.report.document import to_markdown
from feedback_nlp.report.insight_report import build_report


def tagged_table() -> pd.DataFrame:
    rows = []
    for i in range(120):
        late = i % 3 == 0
        rows.append(
            {
                "response_id": f"r{i}",
                "text_clean": "late parcel" if late else "nice staff",
                "touchpoint": "delivery" if late else "store",
                "channel": "survey",
                "lang": "en",
                "sentiment": "negative" if late else "positive",
                "themes": "0" if late else "1",
                "topic": 0 if late else 1,
                "topic_label": "late delivery" if late else "friendly staff",
                "nps": 2 if late else (9 if i % 2 else 8),
            }
        )
    table = pd.DataFrame(rows)
    table["nps"] = table["nps"].astype("Int64")
    table["topic"] = table["topic"].astype("Int64")
    return table


def test_report_names_the_costliest_theme_with_its_interval():
    table = tagged_table()
    themes = pd.DataFrame(
        {
            "topic": [0, 1],
            "label": ["late delivery", "friendly staff"],
            "size": [40, 80],
            "keywords": ["late, parcel, courier", "staff, nice"],
        }
    )
    report = build_report(table, explain(table, n_bootstrap=20), themes=themes)
    text = to_markdown(report)
    titles = [s.title for s in report.sections]
    assert titles[:3] == ["What was read", "Scores", "Themes found"]
    assert "Theme impact on NPS" in titles
    assert "The costliest theme is 'late delivery'" in text
    assert "Sentiment by touchpoint" in titles


def test_report_without_scores_says_what_was_skipped():
    table = tagged_table().drop(columns=["nps"])
    report = build_report(table, explain(table, n_bootstrap=20))
    assert report.sections[-1].title == "What was skipped, and why"
    assert any("score" in line for line in report.sections[-1].paragraphs)
