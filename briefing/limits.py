"""How much of a busy week the briefing prints.

A province-wide desk's week holds a thousand articles, thousands of projects
and well over a hundred regions. The comparison table keeps every region (it
is the point of the briefing) and 资料来源 keeps every article; the lists are
cut to their largest or most reported entries with a line saying how many
more there were. Each limit is a key of `[briefing]` in briefing.toml.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from briefing.errors import ConfigError


@dataclass(frozen=True)
class Limits:
    """`top_projects`/`top_policies`: rows of the 重点项目 and 政策举措 tables;
    `region_sections`: regions given a section in 分区动态 (the most reported);
    `region_items`: projects and policies named per region in 分区动态 (then 等N个);
    `region_figures`: targets or results per region and year (main indicators first);
    `cell_sources`: [n] references in one table cell (then 等N篇);
    `key_regions`: regions named in one key point (then 等N地)."""

    top_projects: int = 30
    top_policies: int = 30
    region_sections: int = 15
    region_items: int = 5
    region_figures: int = 6
    cell_sources: int = 5
    key_regions: int = 3

    @classmethod
    def from_config(cls, briefing: Mapping[str, Any]) -> "Limits":
        """The limits of `[briefing]`; a value that is not a whole number >= 1 is a ConfigError."""
        values = {}
        for f in fields(cls):
            value = briefing.get(f.name, f.default)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"[briefing] {f.name} must be a whole number of at least 1, "
                                  f"not {value!r}")
            values[f.name] = value
        return cls(**values)
