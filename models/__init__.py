"""Model files trained by the project and shipped with it (installed as feedback_nlp.models).

Each sub-folder holds safetensors + JSON and a MODEL_CARD.md naming the training data, its
licence and citation, and the measured scores.
"""
