"""Cross-file rules: each a small pure function of the checked content, grouped by subject.

``RULES`` is the order they run in; the report is sorted afterwards, so the order only matters
for reading this list.
"""

from __future__ import annotations

from generator.content.rules import (
    addresses,
    fields,
    files,
    public_record,
    regions,
    regulations,
    sources,
    standard_structures,
    units,
)
from generator.content.rules.context import Context, Known, Rule

RULES: tuple[Rule, ...] = (
    # files as files
    files.file_names,
    files.modelines,
    files.duplicates,
    # references between files
    units.parents,
    units.successors,
    units.cycles,
    units.single_root,
    regulations.regulation_references,
    regulations.self_relations,
    sources.source_references,
    sources.host_dots,
    public_record.dated_sources,
    public_record.site_sources,
    fields.confidence_keys,
    standard_structures.one_template_per_level,
    standard_structures.template_sub_units,
    regions.codes,
    regions.regency_names,
    regions.template_changes,
    addresses.former_addresses,
    # warnings
    units.review_notes,
    units.shared_names,
    fields.typography,
    fields.long_names,
    sources.plain_http,
    regulations.article_forms,
    regions.empty_provinces,
    public_record.long_statements,
    public_record.stale_holders,
)

__all__ = ["RULES", "Context", "Known", "Rule"]
