"""Pipeline stages. Importing this package registers every stage by name."""

from __future__ import annotations

import importlib
import pkgutil

from feedback_nlp.stages.base import STAGES, Batch, Stage, check_chain, register_stage

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["STAGES", "Batch", "Stage", "check_chain", "register_stage"]
