"""JSON Schema per kind, generated from the models the loader validates with.

Draft-07, because yaml-language-server and SchemaStore read it: pydantic's
``$defs`` become ``definitions`` and no field uses tuples (``prefixItems``).
"""

from __future__ import annotations

import json
from typing import Any

from cs_team.model import KINDS, Config

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
CONFIG_SCHEMA = "cs-team.schema.json"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def _draft07(model: type, title: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", None)
    result: dict[str, Any] = {"$schema": DRAFT_07, "title": title, "description": description}
    result.update({k: v for k, v in schema.items() if k not in ("title", "description")})
    if definitions:
        result["definitions"] = definitions
    return result


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every kind and for cs-team.yaml."""
    found = {
        file_name(kind): _draft07(model, f"cs-team {kind}",
                                  f"A cs-team playbook document of kind '{kind}' (format 1).")
        for kind, model in KINDS.items()
    }
    found[CONFIG_SCHEMA] = _draft07(Config, "cs-team.yaml",
                                    "The root of a cs-team playbook repository.")
    return found


def render(schema: dict[str, Any]) -> str:
    """Stable text: the same models give byte-identical files, so they diff cleanly."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
