"""The insight report (HTML, Markdown, Excel) and safe exports of tables.

```python
from feedback_nlp.report import build_insight_report, write_insight_report
written = write_insight_report("results/", "report/")   # an output or tagging job folder,
                                                        # or a tagged table
report = build_insight_report(load_inputs("tagged.parquet"))
report.figures()["theme_impact"]                        # a plotly Figure
```
"""

from feedback_nlp.report.build import Written, build_insight_report, write_insight_report
from feedback_nlp.report.document import InsightReport
from feedback_nlp.report.inputs import ReportInputs, load_inputs, read_tagged

__all__ = [
    "InsightReport",
    "ReportInputs",
    "Written",
    "build_insight_report",
    "load_inputs",
    "read_tagged",
    "write_insight_report",
]
