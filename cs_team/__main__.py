from cs_team.cli import run

run()
