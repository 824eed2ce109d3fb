"""`cs-team.yaml`, the file that marks the root of a playbook repository."""

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from cs_team.model.common import LANG_PATTERN, LocalText, Strict
from cs_team.wording import phrase

Lang = Annotated[str, Field(pattern=LANG_PATTERN)]


class Config(Strict):
    format: Literal[1] = Field(description="The cs-team format version this repository follows (1)")
    name: LocalText
    languages: list[Lang] = Field(min_length=1, description="Every text must be written in these")
    default_language: Lang
    ignore: list[str] = Field(default_factory=list, description="Rule codes or names to skip")
    exclude: list[str] = Field(default_factory=list, description="Glob patterns of files to skip")
    templates: str | None = Field(None, description="Folder of templates overriding the built-in ones")
    timezone: str = Field("Asia/Shanghai", description="IANA time zone of dated plans and calendars")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        if not is_time_zone(name):
            raise ValueError(phrase("schema.unknown_time_zone", name=name))
        return name

    @model_validator(mode="after")
    def _default_is_listed(self) -> "Config":
        if self.default_language not in self.languages:
            raise ValueError(phrase("model.default_language_not_listed", language=self.default_language,
                                    languages=str(self.languages)))
        return self


def is_time_zone(name: str) -> bool:
    """True when the time-zone database knows ``name`` (Asia/Shanghai, UTC, ...)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
