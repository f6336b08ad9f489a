"""Depersonalisation before publication: recognisers, policy (policy.yaml), anonymize()."""

from assistant.privacy.engine import Anonymized, MaskSpan, anonymize

__all__ = ["Anonymized", "MaskSpan", "anonymize"]
