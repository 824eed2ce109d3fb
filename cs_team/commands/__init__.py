"""The commands, one module per family; importing this package registers them on the app."""

# The order of these imports is the order of `cs-team --help`: checking first, then the
# repository, the documents and the staffing plan.
from cs_team.commands import lint  # noqa: I001, F401
from cs_team.commands import repository  # noqa: F401
from cs_team.commands import documents  # noqa: F401
from cs_team.commands import build  # noqa: F401
from cs_team.commands import onboarding  # noqa: F401
from cs_team.commands import results  # noqa: F401
from cs_team.commands import qa  # noqa: F401
from cs_team.commands import effect  # noqa: F401
from cs_team.commands import erlang  # noqa: F401
from cs_team.commands import hiring  # noqa: F401
from cs_team.commands import roster  # noqa: F401
from cs_team.commands import templates  # noqa: F401
